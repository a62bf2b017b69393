#!/usr/bin/env bash
# The annual checklist at a city's scale, through the gateway on a suite started by the local-stack
# launcher (free ports, light scan at its production interval): a 1,000-row item workbook imported
# and the checklist published (3 rounds), and a 1,000-row cadre workbook imported (3 rounds).
# Prints the load average before and after, and two lines.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests install >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -pl suite-tests verify -Pbench -Dsuite.lightScanInterval=60s \
  -Dit.test='ScaleBenchIT#importAndPublishLargeChecklist+importCadreWorkbook' >/dev/null 2>&1 || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cat target/bench-checklist-scale.txt target/bench-cadre-import.txt

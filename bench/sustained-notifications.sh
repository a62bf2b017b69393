#!/usr/bin/env bash
# Change -> notification in the inbox at sustained rates (default 20/s, then 200/s, 60 s each),
# sent in an open loop through the gateway on a suite started by the local-stack launcher (free
# ports, light scan at its production interval, tracing on as configured). Prints the load average
# before and after, and one line per rate.
#   bench/sustained-notifications.sh [rates] [seconds]     e.g. bench/sustained-notifications.sh 200 60
set -euo pipefail
cd "$(dirname "$0")/.."
rates=${1:-20,200}
seconds=${2:-60}
./mvnw -q -DskipTests install >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -q -pl suite-tests verify -Pbench -Dsuite.lightScanInterval=60s \
  -Dbench.rates="$rates" -Dbench.seconds="$seconds" \
  -Dit.test='ScaleBenchIT#sustainedChangesToInbox' >/dev/null 2>&1 || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for rate in ${rates//,/ }; do cat "target/bench-sustained-inbox-$rate.txt"; done

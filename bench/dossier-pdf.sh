#!/usr/bin/env bash
# Printed-dossier render time (p50/p99) and size over 100 dossiers of 15 records each, render alone
# and as HR's HTTP download (evaluation-service's DossierPdfBenchIT on the embedded store and
# broker). Prints three lines. Run it on a quiet machine: other builds make the figures pessimistic.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl evaluation-service -am verify -Dspotless.check.skip=true \
  -Dtest=skip -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=DossierPdfBenchIT -Dbench.excludedGroups=nothing >/dev/null 2>&1 || true
cat evaluation-service/target/dossier-pdf-bench.txt

#!/usr/bin/env bash
# HR's dossier read p50/p99, quiet and while one unit lead floods refused reads from 4 threads
# (evaluation-service's RefusedFloodBenchIT on the embedded store and broker). Prints one line.
# Run it on a quiet machine: other builds make the figures pessimistic.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl evaluation-service -am verify -Dspotless.check.skip=true \
  -Dtest=skip -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=RefusedFloodBenchIT -Dbench.excludedGroups=nothing >/dev/null 2>&1 || true
cat evaluation-service/target/refused-read-flood-bench.txt

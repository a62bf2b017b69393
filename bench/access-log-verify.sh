#!/usr/bin/env bash
# Access-log verify time over an honest log of 10,000 entries: the chain walk alone and the
# auditor's GET /api/access-log/verify (evaluation-service's AccessLogVerifyBenchIT on the embedded
# store and broker). Prints one line. Run it on a quiet machine: other builds make it pessimistic.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl evaluation-service -am verify -Dspotless.check.skip=true \
  -Dtest=skip -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dit.test=AccessLogVerifyBenchIT -Dbench.excludedGroups=nothing >/dev/null 2>&1 || true
cat evaluation-service/target/access-log-verify-bench.txt

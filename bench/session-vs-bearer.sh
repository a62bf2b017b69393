#!/usr/bin/env bash
# A person's session call against a bearer call through the gateway (the same read, one connection
# each, p50/p99 and the difference), and the gateway's resident memory before and after 200 people
# signed in. Prints one line. Run it on a quiet machine: other builds make the figures pessimistic.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests install >/dev/null
./mvnw -q -pl suite-tests verify -Pbench -Dit.test=SuiteBenchIT#sessionCallVersusBearerCall >/dev/null 2>&1 || true
cat target/bench-session-vs-bearer.txt

#!/usr/bin/env bash
# Change in checklist-service -> notification in the inbox, p50/p99 over 1,000 changes, through
# the gateway on a suite started by the local-stack launcher (free ports). Prints one line.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests install >/dev/null
./mvnw -q -pl suite-tests verify -Pbench -Dit.test=SuiteBenchIT#eventLatencyChangeToInbox >/dev/null 2>&1 || true
cat target/bench-event-latency.txt

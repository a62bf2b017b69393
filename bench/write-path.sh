#!/usr/bin/env bash
# Sustained item transitions per second through the gateway at p99 < 1 s (rising concurrency,
# 15 s per step). Prints one line.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests install >/dev/null
./mvnw -q -pl suite-tests verify -Pbench -Dit.test=SuiteBenchIT#writePathTransitionsPerSecond >/dev/null 2>&1 || true
cat target/bench-write-path.txt

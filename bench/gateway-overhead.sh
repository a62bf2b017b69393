#!/usr/bin/env bash
# Gateway overhead with wrk: the same GET through the gateway and directly at checklist-service,
# in one run, against a stack started by ./run-local.sh. Prints one line.
exec "$(dirname "$0")/../gateway/bench/gateway-overhead.sh" "$@"

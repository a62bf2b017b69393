#!/usr/bin/env bash
# Footprint of the local stack: seconds from ./run-local.sh to its READY line, and the resident
# memory of every process it started. Prints one line. Builds first (not timed) if needed.
#   bench/footprint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./run-local.sh --help >/dev/null
log=$(mktemp)
start=$(date +%s.%N)
./run-local.sh --no-build >"$log" 2>&1 &
stack=$!
trap 'kill -TERM $stack 2>/dev/null; wait $stack 2>/dev/null; rm -f "$log"' EXIT
until grep -q "READY" "$log"; do
  if ! kill -0 $stack 2>/dev/null; then echo "stack failed:"; tail -20 "$log"; exit 1; fi
  sleep 0.2
done
ready=$(echo "$(date +%s.%N) - $start" | bc)
sleep 5 # let the JVMs settle after start
total=0 parts=""
# every process the stack started (descendants of run-local.sh), not other stacks on the machine
descendants() { for child in $(pgrep -P "$1" || true); do echo "$child"; descendants "$child"; done; }
for pid in $stack $(descendants $stack); do
  cmd=$(tr '\0' ' ' </proc/$pid/cmdline 2>/dev/null) || continue
  [[ $cmd == java* || $cmd == */java* ]] || continue
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  name=$(echo "$cmd" | grep -oE '(checklist-service|evaluation-service|notification-service|gateway|KafkaBroker|MongoStore|AuthServer|MailServer|LocalStackCli)' | head -1)
  total=$((total + rss))
  parts="$parts ${name:-java}=$((rss / 1024))MB"
done
printf 'footprint: ready in %.1f s; total RSS %d MB;%s\n' "$ready" $((total / 1024)) "$parts"

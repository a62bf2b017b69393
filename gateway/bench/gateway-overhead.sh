#!/usr/bin/env bash
# Overhead of the gateway: the same GET with wrk, once straight at checklist-service and once
# through a gateway, with a token from the issuer. Prints one line: throughput ratio
# (gateway / direct) and the latency the gateway adds at p50 and p99.
#
# Needs the stack of ./run-local.sh running (issuer :9000, checklist-service :8081). By default it
# starts its own gateway from gateway/target (same build and configuration as run-local's, on a
# spare port, per-user rate limit raised so that wrk's one user is not answered 429) and stops it
# afterwards; set GATEWAY_URL to measure a running gateway instead (mind its rate limit), or
# BENCH_GATEWAY_ARGS to pass more arguments to the bench gateway.
#
#   gateway/bench/gateway-overhead.sh
#   DURATION=30s CONNECTIONS=32 BENCH_PATH='/api/items?unit=FGW' gateway/bench/gateway-overhead.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

DIRECT_URL=${DIRECT_URL:-http://127.0.0.1:8081}
ISSUER_URL=${ISSUER_URL:-http://localhost:9000}
CLIENT=${CLIENT:-inspector:inspector-secret}
BENCH_PATH=${BENCH_PATH:-/api/checklists?year=2026}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
LIGHT_DURATION=${LIGHT_DURATION:-10s}
BENCH_GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080}
# the JVM options run-local.sh gives every service (LocalStack's defaults), so both sides run alike
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k}

die() { echo "gateway-overhead: $*" >&2; exit 1; }

if ! command -v wrk >/dev/null; then
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; } \
    || die "wrk is missing and could not be installed"
fi

token=$(curl -fsS -u "$CLIENT" -d grant_type=client_credentials "$ISSUER_URL/oauth2/token" \
  | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p') || true
[[ -n $token ]] || die "no token from $ISSUER_URL (is ./run-local.sh running?)"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$DIRECT_URL$BENCH_PATH")
[[ $code == 200 ]] || die "direct GET $DIRECT_URL$BENCH_PATH answered $code"

gateway_pid=""
cleanup() { [[ -n $gateway_pid ]] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null; true; }
trap cleanup EXIT
if [[ -z ${GATEWAY_URL:-} ]]; then
  jar=gateway/target/gateway-0.1.0-SNAPSHOT.jar
  [[ -f $jar ]] || die "$jar missing: ./mvnw -pl gateway package -DskipTests"
  log=$(mktemp)
  # shellcheck disable=SC2086
  java $GATEWAY_JAVA_OPTS -jar "$jar" --spring.profiles.active=local --server.address=127.0.0.1 \
    --server.port="$BENCH_GATEWAY_PORT" \
    --spring.security.oauth2.resourceserver.jwt.issuer-uri="$ISSUER_URL" \
    --spring.security.oauth2.resourceserver.jwt.jwk-set-uri="$ISSUER_URL/oauth2/jwks" \
    --supervision.routes.checklist-service="$DIRECT_URL" \
    --supervision.routes.evaluation-service=http://127.0.0.1:8082 \
    --supervision.routes.notification-service=http://127.0.0.1:8083 \
    --supervision.limits.rate.limit-for-period=100000000 \
    --logging.level.gateway.access=WARN ${BENCH_GATEWAY_ARGS:-} >"$log" 2>&1 &
  gateway_pid=$!
  GATEWAY_URL=http://127.0.0.1:$BENCH_GATEWAY_PORT
  for _ in $(seq 120); do
    curl -fs -o /dev/null "$GATEWAY_URL/actuator/health" && break
    kill -0 "$gateway_pid" 2>/dev/null || { tail -20 "$log"; die "the bench gateway did not start"; }
    sleep 0.5
  done
fi
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$GATEWAY_URL$BENCH_PATH")
[[ $code == 200 ]] || die "GET through $GATEWAY_URL$BENCH_PATH answered $code"

# run URL DURATION [CONNECTIONS] -> wrk output
run() {
  local c=${3:-$CONNECTIONS}
  wrk -t"$((c < THREADS ? c : THREADS))" -c"$c" -d"$2" --latency -H "Authorization: Bearer $token" "$1"
}
# ms VALUE-WITH-UNIT -> milliseconds
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'; }
rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' <<<"$1"; }
non2xx() { awk '/Non-2xx/ {print $NF}' <<<"$1"; }

run "$DIRECT_URL$BENCH_PATH" "$WARMUP" >/dev/null
direct=$(run "$DIRECT_URL$BENCH_PATH" "$DURATION")
run "$GATEWAY_URL$BENCH_PATH" "$WARMUP" >/dev/null
through=$(run "$GATEWAY_URL$BENCH_PATH" "$DURATION")
# light load: one connection, so the added latency is the hop itself, not queueing
direct1=$(run "$DIRECT_URL$BENCH_PATH" "$LIGHT_DURATION" 1)
through1=$(run "$GATEWAY_URL$BENCH_PATH" "$LIGHT_DURATION" 1)
l50=$(ms "$(pct "$direct1" 50%)") m50=$(ms "$(pct "$through1" 50%)")
l99=$(ms "$(pct "$direct1" 99%)") m99=$(ms "$(pct "$through1" 99%)")

d_rps=$(rps "$direct") g_rps=$(rps "$through")
d50=$(ms "$(pct "$direct" 50%)") g50=$(ms "$(pct "$through" 50%)")
d99=$(ms "$(pct "$direct" 99%)") g99=$(ms "$(pct "$through" 99%)")
bad="$(non2xx "$direct")$(non2xx "$through")$(non2xx "$direct1")$(non2xx "$through1")"
awk -v dr="$d_rps" -v gr="$g_rps" -v d50="$d50" -v g50="$g50" -v d99="$d99" -v g99="$g99" \
  -v l50="$l50" -v m50="$m50" -v l99="$l99" -v m99="$m99" \
  -v path="$BENCH_PATH" -v c="$CONNECTIONS" -v dur="$DURATION" -v bad="${bad:+ WARNING: non-2xx answers ($bad)}" \
  'BEGIN { printf "gateway-overhead: GET %s, %s, %d connections: throughput ratio %.2f (gateway %.0f / direct %.0f req/s); added p50 %+.2f ms (%.2f -> %.2f), added p99 %+.2f ms (%.2f -> %.2f); 1 connection: added p50 %+.2f ms (%.2f -> %.2f), p99 %+.2f ms (%.2f -> %.2f)%s\n", path, dur, c, gr / dr, gr, dr, g50 - d50, d50, g50, g99 - d99, d99, g99, m50 - l50, l50, m50, m99 - l99, l99, m99, bad }'

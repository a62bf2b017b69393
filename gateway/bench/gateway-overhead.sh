#!/usr/bin/env bash
# Overhead of the gateway hop, in one run: the same GET with wrk straight at checklist-service,
# through an nginx reverse proxy (Debian's nginx, a minimal configuration made in a temporary
# directory) and through our gateway, each at CONNECTIONS (16) connections and at 1 connection,
# with a token from the issuer. Prints every wrk run's raw lines, then one summary line: throughput
# of each hop against direct, and the latency each hop adds at p50 and p99, with the targets.
#
# Needs the stack of ./run-local.sh running (issuer :9000, checklist-service :8081; other ports
# with ISSUER_URL, DIRECT_URL, MONGO_URI). By default it starts its own gateway from
# gateway/target (same build and configuration as run-local's, on a spare port, with the JVM
# options of a production deployment, per-user rate limit raised so that wrk's one user is not
# answered 429) and stops it afterwards; set GATEWAY_URL to measure a running gateway instead
# (mind its rate limit), GATEWAY_JAR for another build, BENCH_GATEWAY_ARGS to pass more arguments to the bench gateway, and
# GATEWAY_JAVA_OPTS for other JVM options. wrk and nginx are installed with apt-get if missing.
#
#   gateway/bench/gateway-overhead.sh
#   DURATION=30s CONNECTIONS=32 BENCH_PATH='/api/items?unit=FGW' gateway/bench/gateway-overhead.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

DIRECT_URL=${DIRECT_URL:-http://127.0.0.1:8081}
ISSUER_URL=${ISSUER_URL:-http://localhost:9000}
MONGO_URI=${MONGO_URI:-mongodb://127.0.0.1:27017/gateway}
CLIENT=${CLIENT:-inspector:inspector-secret}
BENCH_PATH=${BENCH_PATH:-/api/checklists?year=2026}
DURATION=${DURATION:-20s}
# long enough for C2 to compile the hot paths even on a busy machine
WARMUP=${WARMUP:-60s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
LIGHT_DURATION=${LIGHT_DURATION:-10s}
BENCH_GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080}
BENCH_NGINX_PORT=${BENCH_NGINX_PORT:-18088}
# What a production deployment runs (deploy/k8s: JAVA_TOOL_OPTIONS -XX:MaxRAMPercentage=70
# -XX:+ExitOnOutOfMemoryError in a 512 MiB container with one CPU, where the JVM picks the serial
# collector): the same heap and collector spelled out, full tiered JIT (C1 and C2).
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xms358m -Xmx358m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}

die() { echo "gateway-overhead: $*" >&2; exit 1; }

for tool in wrk nginx; do
  command -v "$tool" >/dev/null || [[ -x /usr/sbin/$tool ]] && continue
  apt-get install -y "$tool" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$tool" >/dev/null; } \
    || die "$tool is missing and could not be installed"
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

token=$(curl -fsS -u "$CLIENT" -d grant_type=client_credentials "$ISSUER_URL/oauth2/token" \
  | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p') || true
[[ -n $token ]] || die "no token from $ISSUER_URL (is ./run-local.sh running?)"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$DIRECT_URL$BENCH_PATH")
[[ $code == 200 ]] || die "direct GET $DIRECT_URL$BENCH_PATH answered $code"

work=$(mktemp -d)
gateway_pid="" nginx_pid=""
cleanup() { # each step whatever the previous one returned (a killed process's wait fails)
  set +e
  [[ -n $gateway_pid ]] && kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null
  [[ -n $nginx_pid ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$work"
  true
}
trap cleanup EXIT

# nginx: one worker, no access log, HTTP/1.1 with kept-alive connections to the service (as the
# gateway's pooled client); nothing else configured
direct_host=${DIRECT_URL#*://}
mkdir -p "$work/nginx/temp"
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/temp/body;
  proxy_temp_path $work/nginx/temp/proxy;
  fastcgi_temp_path $work/nginx/temp/fastcgi;
  uwsgi_temp_path $work/nginx/temp/uwsgi;
  scgi_temp_path $work/nginx/temp/scgi;
  upstream service { server ${direct_host%%/*}; keepalive 32; }
  server {
    listen 127.0.0.1:$BENCH_NGINX_PORT;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
"$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
NGINX_URL=http://127.0.0.1:$BENCH_NGINX_PORT
sleep 1
kill -0 "$nginx_pid" 2>/dev/null || die "nginx did not start (is port $BENCH_NGINX_PORT free?): $(tail -1 "$work/nginx/error.log" 2>/dev/null)"

if [[ -z ${GATEWAY_URL:-} ]]; then
  jar=${GATEWAY_JAR:-gateway/target/gateway-0.1.0-SNAPSHOT.jar}
  [[ -f $jar ]] || die "$jar missing: ./mvnw -pl gateway package -DskipTests"
  log=$work/gateway.log
  # shellcheck disable=SC2086
  java $GATEWAY_JAVA_OPTS -jar "$jar" --spring.profiles.active=local --server.address=127.0.0.1 \
    --server.port="$BENCH_GATEWAY_PORT" \
    --spring.mongodb.uri="$MONGO_URI" \
    --spring.security.oauth2.resourceserver.jwt.issuer-uri="$ISSUER_URL" \
    --spring.security.oauth2.resourceserver.jwt.jwk-set-uri="$ISSUER_URL/oauth2/jwks" \
    --spring.security.oauth2.client.provider.supervision.issuer-uri="$ISSUER_URL" \
    --supervision.routes.checklist-service="$DIRECT_URL" \
    --supervision.routes.evaluation-service=http://127.0.0.1:8082 \
    --supervision.routes.notification-service=http://127.0.0.1:8083 \
    --supervision.limits.rate.limit-for-period=100000000 \
    ${BENCH_GATEWAY_ARGS:-} >"$log" 2>&1 &
  gateway_pid=$!
  GATEWAY_URL=http://127.0.0.1:$BENCH_GATEWAY_PORT
  for _ in $(seq 240); do
    curl -fs -o /dev/null "$GATEWAY_URL/actuator/health" && break
    kill -0 "$gateway_pid" 2>/dev/null || { tail -20 "$log"; die "the bench gateway did not start"; }
    sleep 0.5
  done
fi
for url in "$NGINX_URL" "$GATEWAY_URL"; do
  # a cold gateway on a busy machine may need more than its 3 s time limit for the first calls
  for _ in $(seq 10); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url$BENCH_PATH")
    [[ $code == 200 ]] && break
    sleep 1
  done
  [[ $code == 200 ]] || die "GET through $url$BENCH_PATH answered $code"
done

# CPU seconds (user + system) of a process and its children so far, for CPU per request
ticks=$(getconf CLK_TCK)
cpu_of() {
  local pid total=0
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
pids_of() { # NAME -> the processes serving that leg
  case $1 in
    direct) ss -ltnpH "sport = :${direct_host##*:}" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u ;;
    nginx) echo "$nginx_pid"; pgrep -P "$nginx_pid" ;;
    gateway) echo "$gateway_pid" ;;
  esac
}

# run NAME URL DURATION CONNECTIONS -> wrk output; its raw lines (and the serving processes' CPU
# per request) go to stderr
run() {
  local c=$4 out pids before after
  pids=$(pids_of "$1" 2>/dev/null | tr '\n' ' ')
  before=$(cpu_of $pids)
  out=$(wrk -t"$((c < THREADS ? c : THREADS))" -c"$c" -d"$3" --latency -H "Authorization: Bearer $token" "$2")
  after=$(cpu_of $pids)
  grep -E 'Latency  |^ +(50|99)%|Requests/sec|Non-2xx|Socket errors' <<<"$out" | sed "s/^/[$1 ${c}c] /" >&2
  if [[ -n ${pids// /} ]]; then
    awk -v n="$(awk '/requests in/ {print $1}' <<<"$out")" -v t=$((after - before)) -v hz="$ticks" -v name="$1" -v c="$c" \
      'BEGIN { if (n > 0) printf "[%s %dc] CPU of the serving process(es): %.3f ms per request\n", name, c, t / hz * 1000 / n }' >&2
  fi
  echo "$out"
}
# ms VALUE-WITH-UNIT -> milliseconds
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'; }
rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
p() { ms "$(awk -v p="$2" '$1 == p {print $2}' <<<"$1")"; }
non2xx() { awk '/Non-2xx/ {print $NF}' <<<"$1"; }

for url in "$DIRECT_URL" "$NGINX_URL" "$GATEWAY_URL"; do
  run warmup "$url$BENCH_PATH" "$WARMUP" "$CONNECTIONS" >/dev/null 2>&1
done
direct=$(run direct "$DIRECT_URL$BENCH_PATH" "$DURATION" "$CONNECTIONS")
nginx=$(run nginx "$NGINX_URL$BENCH_PATH" "$DURATION" "$CONNECTIONS")
gateway=$(run gateway "$GATEWAY_URL$BENCH_PATH" "$DURATION" "$CONNECTIONS")
# light load: one connection, so the added latency is the hop itself, not queueing
direct1=$(run direct "$DIRECT_URL$BENCH_PATH" "$LIGHT_DURATION" 1)
nginx1=$(run nginx "$NGINX_URL$BENCH_PATH" "$LIGHT_DURATION" 1)
gateway1=$(run gateway "$GATEWAY_URL$BENCH_PATH" "$LIGHT_DURATION" 1)

bad="$(non2xx "$direct")$(non2xx "$nginx")$(non2xx "$gateway")$(non2xx "$direct1")$(non2xx "$nginx1")$(non2xx "$gateway1")"
awk -v dr="$(rps "$direct")" -v nr="$(rps "$nginx")" -v gr="$(rps "$gateway")" \
  -v d50="$(p "$direct" 50%)" -v n50="$(p "$nginx" 50%)" -v g50="$(p "$gateway" 50%)" \
  -v d99="$(p "$direct" 99%)" -v n99="$(p "$nginx" 99%)" -v g99="$(p "$gateway" 99%)" \
  -v l50="$(p "$direct1" 50%)" -v m50="$(p "$nginx1" 50%)" -v k50="$(p "$gateway1" 50%)" \
  -v l99="$(p "$direct1" 99%)" -v m99="$(p "$nginx1" 99%)" -v k99="$(p "$gateway1" 99%)" \
  -v path="$BENCH_PATH" -v c="$CONNECTIONS" -v dur="$DURATION" -v bad="${bad:+ WARNING: non-2xx answers ($bad)}" \
  'function met(ok) { return ok ? "met" : "MISSED" }
   BEGIN {
     na = m50 - l50; ga = k50 - l50; ratio = gr / dr
     printf "gateway-overhead: GET %s, %s; 1 connection: p50 direct %.2f ms, nginx %+.2f ms, gateway %+.2f ms (p99 %.2f, %+.2f, %+.2f); %d connections: direct %.0f req/s, nginx %.2f, gateway %.2f of direct (p50 %.2f, %+.2f, %+.2f ms; p99 %.2f, %+.2f, %+.2f ms); targets: gateway added p50 <= 1.5 ms %s, <= 2x nginx %s, throughput >= 0.7 %s%s\n",
       path, dur, l50, na, ga, l99, m99 - l99, k99 - l99, c, dr, nr / dr, ratio, d50, n50 - d50, g50 - d50, d99, n99 - d99, g99 - d99,
       met(ga <= 1.5), met(ga <= 2 * na), met(ratio >= 0.7), bad }'

#!/usr/bin/env bash
# The whole suite on this machine, one command, no Docker:
#   Kafka (KRaft) :9092 · MongoDB-compatible store (H2 file) :27017 · OAuth2 issuer :9000 ·
#   SMTP :2525 (+ mail list :2580) · checklist-service :8081 · evaluation-service :8082 ·
#   notification-service :8083 · gateway :8080 — all on 127.0.0.1, data and logs under .local/.
#
#   ./run-local.sh              build what is missing or outdated, start, wait until healthy
#   ./run-local.sh --seed       the same, then load the demo data (seed-demo.sh) through the gateway
#   ./run-local.sh --infra-only only Kafka, the store, the issuer and SMTP
#   ./run-local.sh --no-build   start what is built, build nothing
#   ./run-local.sh --services=evaluation-service,gateway   start only these services
#   ./run-local.sh --replicas 2 N instances of checklist-, evaluation- and notification-service (all
#                               on one database and consumer group each) and a second gateway;
#                               instance n listens on its service's port + 100 x (n - 1)
#
# Ctrl-C (or SIGTERM to this process) stops every process it started. Every port can be moved
# with an environment variable: KAFKA_PORT (controller: KAFKA_CONTROLLER_PORT, default +1),
# MONGO_PORT, AUTH_PORT, SMTP_PORT, MAIL_HTTP_PORT, CHECKLIST_PORT, EVALUATION_PORT,
# NOTIFICATION_PORT, GATEWAY_PORT. Also: LOCAL_DIR (default .local), SERVICE_JAVA_OPTS,
# INFRA_JAVA_OPTS, INFRA_TIMEOUT / SERVICE_TIMEOUT (seconds per part).
# The launch logic itself is Java: gov.supervision.localstack.LocalStack (local-stack module).
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
VERSION=0.1.0-SNAPSHOT
SERVICES=(checklist-service evaluation-service notification-service gateway)
LOCAL_DIR=${LOCAL_DIR:-.local}
export REPO_ROOT=$ROOT LOCAL_DIR

say() { echo "[run-local] $*"; }
die() { echo "[run-local] ERROR: $*" >&2; exit 1; }

seed=false build=true cli_args=()
while (($#)); do
  arg=$1
  shift
  case $arg in
    --replicas) [[ $# -gt 0 ]] || die "--replicas needs a number"; cli_args+=("--replicas=$1"); shift ;;
    --replicas=*) cli_args+=("$arg") ;;
    --seed) seed=true ;;
    --infra-only) cli_args+=(--infra-only); SERVICES=() ;;
    --no-build) build=false ;;
    --services=*) cli_args+=("$arg"); IFS=, read -r -a SERVICES <<<"${arg#--services=}" ;;
    -h | --help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $arg (try --help)" ;;
  esac
done
$seed && cli_args+=("--seed-script=$ROOT/seed-demo.sh")

command -v java >/dev/null || die "java not found: install a JDK 17 or newer"
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[[ ${java_major%%.*} -ge 17 ]] 2>/dev/null || die "Java 17 or newer needed, found ${java_major:-unknown}"

mkdir -p "$LOCAL_DIR/logs"

# ---- build what is missing or older than its sources -------------------------------------
has_main() { grep -rqsl -e '@SpringBootApplication' -e 'static void main' "$1/src/main/java"; }

# outdated JAR DIR...: true when JAR is missing or a file under DIR... is newer
outdated() {
  local jar=$1; shift
  [[ -f $jar ]] || return 0
  local dir
  for dir in "$@"; do
    [[ -e $dir ]] || continue
    [[ -n $(find "$dir" -newer "$jar" -type f -not -path '*/target/*' -print -quit) ]] && return 0
  done
  return 1
}

stack_jar=local-stack/target/local-stack-$VERSION.jar
to_build=()
if outdated "$stack_jar" local-stack/src local-stack/pom.xml pom.xml || [[ ! -d local-stack/target/lib ]]; then
  to_build+=(local-stack)
fi
for svc in ${SERVICES[@]+"${SERVICES[@]}"}; do
  [[ -d $svc ]] || continue
  if ! has_main "$svc"; then
    say "WARNING: $svc has no main class yet: it will not be started"
    continue
  fi
  if outdated "$svc/target/$svc-$VERSION.jar" "$svc/src" "$svc/pom.xml" pom.xml \
      event-contracts/src service-support/src event-contracts/pom.xml service-support/pom.xml; then
    to_build+=("$svc")
  fi
done

mvn_build() { # modules... ; appends to the build log, true on success
  ./mvnw -B -q -T 1C -Dmaven.test.skip=true package -am -pl "$(IFS=,; echo "$*")" \
    >>"$LOCAL_DIR/logs/build.log" 2>&1
}

if $build && ((${#to_build[@]})); then
  say "building ${to_build[*]} (log: $LOCAL_DIR/logs/build.log) ..."
  : >"$LOCAL_DIR/logs/build.log"
  started=$SECONDS
  if ! mvn_build "${to_build[@]}"; then
    say "WARNING: building all of them failed; building one by one to keep what builds"
    for module in "${to_build[@]}"; do
      if ! mvn_build "$module"; then
        [[ $module == local-stack ]] && die "local-stack does not build; see $LOCAL_DIR/logs/build.log"
        if [[ -f $module/target/$module-$VERSION.jar ]]; then
          say "WARNING: $module does not build; starting its last good jar (see $LOCAL_DIR/logs/build.log)"
        else
          say "WARNING: $module does not build and has no jar: it will not be started"
        fi
      fi
    done
  fi
  say "build done in $((SECONDS - started)) s"
fi
[[ -f $stack_jar && -d local-stack/target/lib ]] || die "$stack_jar is missing (run without --no-build)"

# ---- start: the Java launcher owns every process from here; exec so that signals reach it ---
exec java -Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -Dlogback.configurationFile=localstack-logback.xml \
  -cp "$stack_jar:local-stack/target/lib/*" \
  gov.supervision.localstack.LocalStackCli "${cli_args[@]}"

#!/bin/sh
# Who may do what on docker-compose.yml's broker, applied by its one-shot service kafka-init as the
# broker's admin (and `check` is the broker's health check):
#   sh kafka-access.sh check    the admin gets an answer from the broker
#   sh kafka-access.sh grant    the services' SCRAM-SHA-512 credentials, the topics, the ACLs
# The admin logs in with PLAIN against the broker's own configuration; each service with its own
# SCRAM-SHA-512 principal. The topics and ACL lines below are those of the code (TopicAccess in
# event-contracts); ComposeFileTest fails when they differ. Passwords come from the environment
# (docker-compose.yml takes them from the git-ignored .env) and never appear on a command line.
set -eu

BIN=/opt/kafka/bin
BOOTSTRAP=kafka:9092
umask 077
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ADMIN="$WORK/admin.properties"
cat > "$ADMIN" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${SUPERVISION_KAFKA_ADMIN_PASSWORD}";
EOF

check() {
  "$BIN/kafka-broker-api-versions.sh" --bootstrap-server "$BOOTSTRAP" \
    --command-config "$ADMIN" > /dev/null 2>&1
}

# scram PRINCIPAL PASSWORD: sets (or replaces) the principal's SCRAM-SHA-512 credential
scram() {
  printf 'SCRAM-SHA-512=[iterations=8192,password=%s]\n' "$2" > "$WORK/scram.properties"
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" \
    --alter --entity-type users --entity-name "$1" --add-config-file "$WORK/scram.properties" \
    > /dev/null
}

# topic NAME: six partitions, like the local stack; kept if it exists
topic() {
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" \
    --create --if-not-exists --topic "$1" --partitions 6 --replication-factor 1 > /dev/null
}

# grant PRINCIPAL write|read topic|group NAME
grant() {
  case "$2 $3" in
    "write topic") operations="--operation Write --operation Describe" ;;
    "read topic") operations="--operation Read --operation Describe" ;;
    "read group") operations="--operation Read" ;;
    *) echo "kafka-access.sh: cannot grant $*" >&2; exit 1 ;;
  esac
  # shellcheck disable=SC2086
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" \
    --add --allow-principal "User:$1" $operations "--$3" "$4" > /dev/null
}

case "${1:-}" in
  check)
    check
    ;;
  grant)
    tries=0
    until check; do
      tries=$((tries + 1))
      [ "$tries" -lt 30 ] || { echo "kafka-access.sh: the broker does not answer" >&2; exit 1; }
      sleep 2
    done
    scram checklist-service "${SUPERVISION_KAFKA_CHECKLIST_PASSWORD}"
    scram evaluation-service "${SUPERVISION_KAFKA_EVALUATION_PASSWORD}"
    scram notification-service "${SUPERVISION_KAFKA_NOTIFICATION_PASSWORD}"

    topic evaluation.access-log.v1
    topic evaluation.access-log.v1-dlt
    topic evaluation.cadre.v1
    topic evaluation.cadre.v1-dlt
    topic supervision.checklist.v1
    topic supervision.checklist.v1-dlt

    grant checklist-service write topic supervision.checklist.v1
    grant checklist-service write topic evaluation.cadre.v1-dlt
    grant checklist-service read topic evaluation.cadre.v1
    grant checklist-service read topic evaluation.cadre.v1-dlt
    grant checklist-service read group checklist-service
    grant checklist-service read group checklist-service-dlt-replay

    grant evaluation-service write topic evaluation.access-log.v1
    grant evaluation-service write topic evaluation.cadre.v1
    grant evaluation-service write topic supervision.checklist.v1-dlt
    grant evaluation-service read topic supervision.checklist.v1
    grant evaluation-service read topic supervision.checklist.v1-dlt
    grant evaluation-service read group evaluation-service
    grant evaluation-service read group evaluation-service-dlt-replay

    grant notification-service write topic evaluation.access-log.v1-dlt
    grant notification-service write topic evaluation.cadre.v1-dlt
    grant notification-service write topic supervision.checklist.v1-dlt
    grant notification-service read topic evaluation.access-log.v1
    grant notification-service read topic evaluation.cadre.v1
    grant notification-service read topic supervision.checklist.v1
    grant notification-service read topic evaluation.cadre.v1-dlt
    grant notification-service read topic supervision.checklist.v1-dlt
    grant notification-service read group notification-service
    grant notification-service read group notification-service-dlt-replay
    echo "kafka-access.sh: credentials, topics and ACLs in place"
    ;;
  *)
    echo "usage: kafka-access.sh check|grant" >&2
    exit 2
    ;;
esac

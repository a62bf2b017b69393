/** The local stack's Apache Kafka broker (KRaft, single node). */
package gov.supervision.localstack.kafka;

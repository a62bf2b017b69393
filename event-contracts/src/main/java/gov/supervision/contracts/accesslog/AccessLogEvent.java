package gov.supervision.contracts.accesslog;

import gov.supervision.contracts.DomainEvent;

/** An event on topic {@code evaluation.access-log.v1}, published by evaluation-service. */
public sealed interface AccessLogEvent extends DomainEvent permits AccessLogCheckpointed {}

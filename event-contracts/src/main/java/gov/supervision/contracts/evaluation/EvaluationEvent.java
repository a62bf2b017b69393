package gov.supervision.contracts.evaluation;

import gov.supervision.contracts.DomainEvent;

/** An event on topic {@code evaluation.cadre.v1}, published by evaluation-service. */
public sealed interface EvaluationEvent extends DomainEvent
    permits EvaluationRecorded, CadreVetoed, VetoLapsed, UnusualReadingRaised {}

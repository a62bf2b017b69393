package gov.supervision.contracts.evaluation;

import java.time.LocalDate;

/** One record that causes a veto: which record, its date, its evaluator and conclusion. */
public record VetoReason(String recordId, LocalDate date, String evaluator, String conclusion) {}

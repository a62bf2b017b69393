package gov.supervision.contracts.evaluation;

import java.time.LocalDate;

/**
 * An evaluation record joined a cadre's political-quality file; {@code supersedes} names the record
 * it corrects, or is null. Key = cadre id.
 */
public record EvaluationRecorded(
    String recordId,
    String cadreId,
    String unit,
    LocalDate date,
    String source,
    String conclusion,
    String evaluator,
    String supersedes)
    implements EvaluationEvent {

  @Override
  public String subject() {
    return cadreId;
  }
}

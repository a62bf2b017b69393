package gov.supervision.contracts.evaluation;

import java.time.Instant;

/**
 * One person's reading of personnel files was unusual within a window: more reads than allowed
 * ({@code READ_VOLUME}) or refused reads piling up ({@code REFUSED_READS}). Raised once per reader,
 * reason and window, for the auditors (纪检监察); key = the reader's {@code sub}. It names no file
 * content.
 */
public record UnusualReadingRaised(
    String reader, String reason, int count, int threshold, Instant windowStart, Instant windowEnd)
    implements EvaluationEvent {

  @Override
  public String subject() {
    return reader;
  }
}

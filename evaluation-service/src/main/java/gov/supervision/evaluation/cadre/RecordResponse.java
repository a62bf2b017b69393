package gov.supervision.evaluation.cadre;

import gov.supervision.evaluation.domain.Cadre;
import gov.supervision.evaluation.domain.Conclusion;
import gov.supervision.evaluation.domain.Dimension;
import gov.supervision.evaluation.domain.EvaluationRecord;
import gov.supervision.evaluation.domain.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One evaluation record as the file shows it, superseded ones marked. */
public record RecordResponse(
    String id,
    LocalDate date,
    Source source,
    String sourceLabel,
    String evaluator,
    Map<Dimension, Integer> dimensions,
    Conclusion conclusion,
    String conclusionLabel,
    String remarks,
    List<String> evidence,
    String supersedes,
    String correctionReason,
    boolean superseded,
    String supersededBy,
    Instant recordedAt) {

  /** The record in the context of its file. */
  public static RecordResponse from(Cadre cadre, EvaluationRecord r) {
    String by = cadre.supersededBy(r.id()).orElse(null);
    return new RecordResponse(
        r.id(),
        r.date(),
        r.source(),
        r.source().label(),
        r.evaluator(),
        new TreeMap<>(r.scores()),
        r.conclusion(),
        r.conclusion().label(),
        r.remarks(),
        r.evidence(),
        r.supersedes(),
        r.correctionReason(),
        by != null,
        by,
        r.recordedAt());
  }
}

package gov.supervision.evaluation.domain;

import gov.supervision.contracts.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One append-only entry of a political-quality file. A correction is a new record naming the one it
 * {@code supersedes} with a {@code correctionReason}.
 */
public record EvaluationRecord(
    String id,
    LocalDate date,
    Source source,
    String evaluator,
    Map<Dimension, Integer> scores,
    Conclusion conclusion,
    String remarks,
    List<String> evidence,
    String supersedes,
    String correctionReason,
    Instant recordedAt) {

  public EvaluationRecord {
    Objects.requireNonNull(id, "id");
    if (date == null) {
      throw Refusal.invalid("date", "不能为空 is required");
    }
    if (source == null) {
      throw Refusal.invalid("source", "不能为空 is required");
    }
    if (conclusion == null) {
      throw Refusal.invalid("conclusion", "不能为空 is required");
    }
    if (evaluator == null || evaluator.isBlank()) {
      throw Refusal.invalid("evaluator", "不能为空 is required");
    }
    scores = checkedScores(scores);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    boolean corrects = supersedes != null && !supersedes.isBlank();
    boolean reasoned = correctionReason != null && !correctionReason.isBlank();
    if (corrects && !reasoned) {
      throw Refusal.invalid("correctionReason", "更正须说明理由 a correction needs a reason");
    }
    if (!corrects && reasoned) {
      throw Refusal.invalid("supersedes", "更正理由须对应被更正的记录 a reason needs supersedes");
    }
    if (!corrects) {
      supersedes = null;
      correctionReason = null;
    }
  }

  private static Map<Dimension, Integer> checkedScores(Map<Dimension, Integer> scores) {
    if (scores == null) {
      throw Refusal.invalid("dimensions", "不能为空 is required");
    }
    Map<Dimension, Integer> checked = new EnumMap<>(Dimension.class);
    for (Dimension dimension : Dimension.values()) {
      Integer score = scores.get(dimension);
      if (score == null) {
        throw Refusal.invalid("dimensions." + dimension, "不能为空 is required");
      }
      if (score < 1 || score > 5) {
        throw Refusal.invalid("dimensions." + dimension, "须在 1 到 5 之间 must be 1..5");
      }
      checked.put(dimension, score);
    }
    return Map.copyOf(checked);
  }

  /** Whether this record is a correction of another. */
  public boolean isCorrection() {
    return supersedes != null;
  }
}

package gov.supervision.evaluation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small builders of evaluation records for tests. */
final class Records {

  private Records() {}

  static Map<Dimension, Integer> scores(int score) {
    Map<Dimension, Integer> scores = new EnumMap<>(Dimension.class);
    for (Dimension d : Dimension.values()) {
      scores.put(d, score);
    }
    return scores;
  }

  static EvaluationRecord record(String id, String date, Conclusion conclusion) {
    return record(id, date, conclusion, null, 3);
  }

  static EvaluationRecord record(
      String id, String date, Conclusion conclusion, String supersedes, int score) {
    return new EvaluationRecord(
        id,
        LocalDate.parse(date),
        Source.ANNUAL_ASSESSMENT,
        "evaluator",
        scores(score),
        conclusion,
        "remarks",
        List.of(),
        supersedes,
        supersedes == null ? null : "更正 correction",
        Instant.parse(date + "T00:00:00Z"));
  }
}

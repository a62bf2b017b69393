package gov.supervision.evaluation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per dimension: the latest effective score and the trend over the last {@code n} effective records
 * (oldest first), with its direction comparing the first and last of them.
 */
public record DimensionSummary(
    Map<Dimension, Integer> latest, Map<Dimension, Trend> trend, int recordsConsidered) {

  /** The scores of one dimension over the last records and where they went. */
  public record Trend(List<Integer> scores, Direction direction) {}

  /** Where a dimension's scores went. */
  public enum Direction {
    UP,
    DOWN,
    STEADY
  }

  /** The summary over the effective records of a file, the trend over the last {@code n}. */
  public static DimensionSummary of(List<EvaluationRecord> records, int n) {
    Set<String> superseded = VetoRule.supersededIds(records);
    List<EvaluationRecord> effective =
        records.stream()
            .filter(r -> !superseded.contains(r.id()))
            .sorted(
                Comparator.comparing(EvaluationRecord::date)
                    .thenComparing(EvaluationRecord::recordedAt))
            .toList();
    List<EvaluationRecord> last =
        effective.subList(Math.max(0, effective.size() - n), effective.size());
    Map<Dimension, Integer> latest = new EnumMap<>(Dimension.class);
    Map<Dimension, Trend> trend = new EnumMap<>(Dimension.class);
    if (!last.isEmpty()) {
      latest.putAll(last.get(last.size() - 1).scores());
      for (Dimension dimension : Dimension.values()) {
        List<Integer> scores = new ArrayList<>();
        last.forEach(r -> scores.add(r.scores().get(dimension)));
        int delta = scores.get(scores.size() - 1) - scores.get(0);
        Direction direction =
            delta > 0 ? Direction.UP : delta < 0 ? Direction.DOWN : Direction.STEADY;
        trend.put(dimension, new Trend(List.copyOf(scores), direction));
      }
    }
    return new DimensionSummary(latest, trend, last.size());
  }
}

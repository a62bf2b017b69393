package gov.supervision.evaluation.domain;

import gov.supervision.contracts.evaluation.VetoReason;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one-vote veto (一票否决): a cadre is vetoed for a purpose when an effective (not superseded)
 * {@code UNQUALIFIED} record is dated inside the purpose's window, counted back from today
 * inclusive: with a 24-month window on 2026-06-15 a record of 2024-06-15 still vetoes, one of
 * 2024-06-14 no longer does.
 */
public final class VetoRule {

  private final VetoWindows windows;
  private final Clock clock;

  public VetoRule(VetoWindows windows, Clock clock) {
    this.windows = windows;
    this.clock = clock;
  }

  /** The decision for {@code purpose} over all records of a file (superseded ones included). */
  public VetoDecision decide(List<EvaluationRecord> records, Purpose purpose) {
    LocalDate today = LocalDate.now(clock);
    LocalDate windowStart = today.minus(windows.of(purpose));
    Set<String> superseded = supersededIds(records);
    List<VetoReason> reasons =
        records.stream()
            .filter(r -> !superseded.contains(r.id()))
            .filter(r -> r.conclusion() == Conclusion.UNQUALIFIED)
            .filter(r -> !r.date().isBefore(windowStart))
            .sorted(Comparator.comparing(EvaluationRecord::date).reversed())
            .map(r -> new VetoReason(r.id(), r.date(), r.evaluator(), r.conclusion().name()))
            .toList();
    return new VetoDecision(purpose, !reasons.isEmpty(), reasons);
  }

  /** Ids of the records some other record supersedes. */
  public static Set<String> supersededIds(List<EvaluationRecord> records) {
    return records.stream()
        .map(EvaluationRecord::supersedes)
        .filter(s -> s != null)
        .collect(Collectors.toUnmodifiableSet());
  }
}

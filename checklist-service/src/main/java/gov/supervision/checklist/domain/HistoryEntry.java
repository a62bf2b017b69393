package gov.supervision.checklist.domain;

import java.time.Instant;
import java.util.List;

/**
 * One entry of an item's history, kept forever: who ({@code actor} = token {@code sub}), when, what
 * kind, the stages or finding concerned, the note and any evidence.
 */
public record HistoryEntry(
    Instant at,
    String actor,
    HistoryKind kind,
    Stage from,
    Stage to,
    String findingId,
    String note,
    List<Evidence> evidence) {

  public HistoryEntry {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  HistoryEntry withKind(HistoryKind kind) {
    return new HistoryEntry(at, actor, kind, from, to, findingId, note, evidence);
  }

  HistoryEntry withFinding(String findingId) {
    return new HistoryEntry(at, actor, kind, from, to, findingId, note, evidence);
  }
}

package gov.supervision.checklist.warning;

import gov.supervision.checklist.domain.WarningLevel;
import gov.supervision.support.outbox.OutboxEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit's early-warning state: the level last reached, its vetoed cadres ({@code cadreId|purpose}
 * from evaluation events), the ids of the evaluation events already applied to it (so that a
 * redelivered one changes nothing: the id is recorded in the same write as the change it made) and
 * the UnitEarlyWarningRaised events still to be sent.
 */
@Document(UnitWarningDocument.COLLECTION)
public class UnitWarningDocument {

  public static final String COLLECTION = "unit_warnings";

  @Id String unit;
  @Version Long version;
  WarningLevel level = WarningLevel.NONE;
  Instant levelSince;
  TreeSet<String> vetoes = new TreeSet<>();
  List<String> appliedEvents = new ArrayList<>();
  List<OutboxEvent> outbox = new ArrayList<>();

  /** Whether this copy was changed since it was read (only then is it written back). */
  @Transient boolean changed;

  UnitWarningDocument() {}

  UnitWarningDocument(String unit) {
    this.unit = unit;
  }

  String unit() {
    return unit;
  }

  WarningLevel level() {
    return level;
  }

  /** Distinct vetoed cadres of the unit. */
  int vetoedCadres() {
    return (int) vetoes.stream().map(v -> v.substring(0, v.indexOf('|'))).distinct().count();
  }

  /**
   * Records that the event with this id is applied to this unit; false (and nothing recorded) when
   * it was applied before.
   */
  boolean claim(String eventId) {
    if (appliedEvents.contains(eventId)) {
      return false;
    }
    appliedEvents.add(eventId);
    changed = true;
    return true;
  }

  void veto(String cadreId, Collection<String> purposes) {
    purposes.forEach(purpose -> changed |= vetoes.add(cadreId + "|" + purpose));
  }

  void lapse(String cadreId, Collection<String> purposes) {
    purposes.forEach(purpose -> changed |= vetoes.remove(cadreId + "|" + purpose));
  }

  void level(WarningLevel level, Instant since) {
    this.level = level;
    this.levelSince = since;
    changed = true;
  }

  void append(OutboxEvent event) {
    outbox.add(event);
    changed = true;
  }
}

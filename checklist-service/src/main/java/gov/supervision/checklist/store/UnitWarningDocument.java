package gov.supervision.checklist.store;

import gov.supervision.checklist.domain.WarningLevel;
import gov.supervision.support.outbox.OutboxEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit's early-warning state: the level last reached, its vetoed cadres ({@code cadreId|purpose}
 * from evaluation events) and the UnitEarlyWarningRaised events still to be sent.
 */
@Document(UnitWarningDocument.COLLECTION)
public class UnitWarningDocument {

  public static final String COLLECTION = "unit_warnings";

  @Id String unit;
  @Version Long version;
  WarningLevel level = WarningLevel.NONE;
  Instant levelSince;
  TreeSet<String> vetoes = new TreeSet<>();
  List<OutboxEvent> outbox = new ArrayList<>();

  UnitWarningDocument() {}

  UnitWarningDocument(String unit) {
    this.unit = unit;
  }

  public String unit() {
    return unit;
  }

  public WarningLevel level() {
    return level;
  }

  public Instant levelSince() {
    return levelSince;
  }

  /** Distinct vetoed cadres of the unit. */
  public int vetoedCadres() {
    return (int) vetoes.stream().map(v -> v.substring(0, v.indexOf('|'))).distinct().count();
  }

  public void veto(String cadreId, String purpose) {
    vetoes.add(cadreId + "|" + purpose);
  }

  public void lapse(String cadreId, String purpose) {
    vetoes.remove(cadreId + "|" + purpose);
  }

  public void level(WarningLevel level, Instant since) {
    this.level = level;
    this.levelSince = since;
  }

  public void append(OutboxEvent event) {
    outbox.add(event);
  }
}

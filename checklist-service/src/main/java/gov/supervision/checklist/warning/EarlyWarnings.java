package gov.supervision.checklist.warning;

import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.domain.Finding;
import gov.supervision.checklist.domain.Light;
import gov.supervision.checklist.domain.WarningIndicators;
import gov.supervision.checklist.domain.WarningLevel;
import gov.supervision.checklist.domain.WarningPolicy;
import gov.supervision.checklist.item.ItemStore;
import gov.supervision.checklist.metadata.ReferenceUnits;
import gov.supervision.contracts.checklist.UnitEarlyWarningRaised;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Computes a unit's early-warning level and keeps the level last reached per unit: a rise into a
 * higher level raises UnitEarlyWarningRaised once (in the same write that stores the new level); a
 * fall is stored silently so that a later rise alerts again.
 */
@Service
public class EarlyWarnings {

  private final ItemStore items;
  private final UnitWarningStore units;
  private final ReferenceUnits referenceUnits;
  private final WarningPolicy policy;
  private final Deadlines deadlines;

  EarlyWarnings(
      ItemStore items,
      UnitWarningStore units,
      ReferenceUnits referenceUnits,
      WarningPolicy policy,
      Deadlines deadlines) {
    this.items = items;
    this.units = units;
    this.referenceUnits = referenceUnits;
    this.policy = policy;
    this.deadlines = deadlines;
  }

  /** The unit's level now. */
  public EarlyWarningResponse current(String unit) {
    WarningIndicators indicators = indicators(unit, vetoedCadres(unit));
    return new EarlyWarningResponse(unit, policy.levelOf(indicators), indicators);
  }

  /**
   * Every reference unit's level now, in the reference order, then every other unit with open items
   * or vetoed cadres (by code), each as {@link #current} computes it.
   */
  public List<EarlyWarningResponse> overview() {
    return Stream.concat(referenceUnits.codes().stream(), knownUnits().stream())
        .distinct()
        .map(this::current)
        .toList();
  }

  /** Recomputes the unit's level and raises the event when it rose. */
  public void evaluate(String unit) {
    WarningIndicators base = indicators(unit, 0);
    units.update(unit, document -> reassess(document, base));
  }

  /**
   * Marks the cadre vetoed for these purposes in the unit and re-assesses the unit, once per event:
   * the event id is recorded in the same write as the change, so a redelivery (even after a later
   * lapse) changes nothing. False when the event was applied before.
   */
  public boolean vetoed(String eventId, String unit, String cadreId, Collection<String> purposes) {
    return applyOnce(eventId, unit, document -> document.veto(cadreId, purposes));
  }

  /** As {@link #vetoed}, for a veto that lapsed: the cadre no longer counts for these purposes. */
  public boolean lapsed(String eventId, String unit, String cadreId, Collection<String> purposes) {
    return applyOnce(eventId, unit, document -> document.lapse(cadreId, purposes));
  }

  private boolean applyOnce(String eventId, String unit, Consumer<UnitWarningDocument> change) {
    WarningIndicators base = indicators(unit, 0);
    AtomicBoolean applied = new AtomicBoolean();
    units.update(
        unit,
        document -> {
          applied.set(document.claim(eventId));
          if (!applied.get()) {
            return List.of();
          }
          change.accept(document);
          return reassess(document, base);
        });
    return applied.get();
  }

  /**
   * Applies the level of {@code base} with the document's vetoed cadres to the document; the event
   * when it rose.
   */
  List<UnitEarlyWarningRaised> reassess(UnitWarningDocument document, WarningIndicators base) {
    WarningIndicators indicators =
        new WarningIndicators(base.redItems(), base.openMajorFindings(), document.vetoedCadres());
    WarningLevel level = policy.levelOf(indicators);
    WarningLevel previous = document.level();
    if (level == previous) {
      return List.of();
    }
    document.level(level, deadlines.now());
    if (!level.isAbove(previous)) {
      return List.of();
    }
    return List.of(
        new UnitEarlyWarningRaised(
            document.unit(),
            level.name(),
            previous.name(),
            indicators.redItems(),
            indicators.openMajorFindings(),
            indicators.vetoedCadres()));
  }

  /** Every unit with open items or vetoed cadres. */
  public List<String> knownUnits() {
    return Stream.concat(items.unitsWithOpenItems().stream(), units.unitsWithVetoes().stream())
        .distinct()
        .sorted()
        .toList();
  }

  private WarningIndicators indicators(String unit, int vetoed) {
    int[] red = {0};
    int[] major = {0};
    items
        .openPublishedOfUnit(unit)
        .forEach(
            item -> {
              if (item.light(deadlines) == Light.RED) {
                red[0]++;
              }
              for (Finding finding : item.findings()) {
                if (finding.isOpen() && finding.severity().isMajorOrWorse()) {
                  major[0]++;
                }
              }
            });
    return new WarningIndicators(red[0], major[0], vetoed);
  }

  private int vetoedCadres(String unit) {
    return units.find(unit).map(UnitWarningDocument::vetoedCadres).orElse(0);
  }
}

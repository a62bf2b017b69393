package gov.supervision.checklist.checklist;

import gov.supervision.checklist.domain.Checklist;
import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.domain.FocusArea;
import gov.supervision.checklist.domain.Item;
import gov.supervision.checklist.domain.Light;
import gov.supervision.checklist.domain.Stage;
import gov.supervision.checklist.domain.SupervisionMethod;
import gov.supervision.checklist.item.ItemStore;
import gov.supervision.checklist.warning.EarlyWarnings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Checklist use cases. Publishing touches one checklist document and N item documents, which no
 * single write can cover (and the store has no multi-document transactions). So it is done in
 * resumable, idempotent steps:
 *
 * <ol>
 *   <li>one write of the checklist: status PUBLISHED, the {@code publishing} marker and
 *       ChecklistPublished in its outbox;
 *   <li>every item still unpublished: published, ItemPublished (and a light event) in its outbox,
 *       all in one bulk write of conditional replacements (an item changed meanwhile is retried
 *       alone); an item already published is skipped, so repeating this step is harmless;
 *   <li>one write clearing the marker.
 * </ol>
 *
 * A crash between the steps leaves the marker set; the next scan ({@link #completePending}) finds
 * it and runs steps 2-3 again, so every item is published exactly once, however often it runs.
 */
@Service
public class ChecklistService {

  private final ChecklistStore checklists;
  private final ItemStore items;
  private final EarlyWarnings warnings;
  private final Deadlines deadlines;

  ChecklistService(
      ChecklistStore checklists, ItemStore items, EarlyWarnings warnings, Deadlines deadlines) {
    this.checklists = checklists;
    this.items = items;
    this.warnings = warnings;
    this.deadlines = deadlines;
  }

  public Checklist create(CreateChecklistRequest request, String actor) {
    return checklists.insert(
        Checklist.draft(
            UUID.randomUUID().toString(),
            request.year(),
            request.scope(),
            request.title().strip(),
            actor,
            deadlines.now()));
  }

  public Checklist publish(String id, String actor) {
    List<String> itemIds = items.unpublishedIds(id);
    checklists.update(id, c -> c.publish(itemIds, actor, deadlines.now()));
    completePublishing(id, actor);
    return checklists.get(id);
  }

  public Checklist archive(String id, String actor) {
    return checklists.update(id, c -> c.archive(actor, deadlines.now()));
  }

  /** Finishes every publication a crash left half done. */
  public void completePending() {
    for (String id : checklists.publishingIds()) {
      Checklist checklist = checklists.get(id);
      completePublishing(id, checklist.publishedBy());
    }
  }

  private void completePublishing(String id, String actor) {
    items.updateUnpublishedOf(id, item -> item.publish(actor, null, deadlines));
    // an item changed between the read and the bulk write (a draft edit that got there first)
    for (String itemId : items.unpublishedIds(id)) {
      items.updateIf(itemId, item -> item.publish(actor, null, deadlines));
    }
    checklists.update(id, Checklist::publishingCompleted);
    items.ofChecklist(id).stream()
        .map(Item::responsibleUnit)
        .distinct()
        .forEach(warnings::evaluate);
  }

  public StatisticsResponse statistics(String id) {
    checklists.get(id);
    List<Item> all = items.ofChecklist(id);
    long closed = all.stream().filter(i -> i.stage() == Stage.CLOSED).count();
    Map<String, Long> byLight = zeros(Light.values());
    Map<String, Map<String, Long>> byUnitAndLight = new TreeMap<>();
    for (Item item : all) {
      Map<String, Long> ofUnit =
          byUnitAndLight.computeIfAbsent(item.responsibleUnit(), u -> zeros(Light.values()));
      Light light = item.light(deadlines);
      if (light != null) {
        byLight.merge(light.name(), 1L, Long::sum);
        ofUnit.merge(light.name(), 1L, Long::sum);
      }
    }
    return new StatisticsResponse(
        id,
        all.size(),
        closed,
        all.isEmpty() ? 0.0 : (double) closed / all.size(),
        count(all, i -> i.stage().name(), zeros(Stage.values())),
        byLight,
        count(all, Item::responsibleUnit, new TreeMap<>()),
        count(all, i -> i.method().name(), zeros(SupervisionMethod.values())),
        count(all, i -> i.focusArea().name(), zeros(FocusArea.values())),
        byUnitAndLight);
  }

  private static Map<String, Long> zeros(Enum<?>[] values) {
    Map<String, Long> map = new LinkedHashMap<>();
    Arrays.stream(values).forEach(v -> map.put(v.name(), 0L));
    return map;
  }

  private static Map<String, Long> count(
      List<Item> all, Function<Item, String> key, Map<String, Long> into) {
    into.putAll(
        all.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    return into;
  }
}

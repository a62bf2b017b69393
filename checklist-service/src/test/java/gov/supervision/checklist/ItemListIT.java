package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.checklist.item.ItemDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** The items list: filters by method, focus area and responsible person, and due-date order. */
class ItemListIT extends ChecklistIT {

  @Autowired MongoTemplate mongo;

  String checklist;
  String person;
  String early;
  String middle;
  String late;
  String jw;

  @BeforeEach
  void items() {
    checklist = newChecklist();
    person = "p-" + freshUnit().toLowerCase();
    middle = add("FGW", 20, "PATROL_INSPECTION", "CONGRESS_SPIRIT", person);
    early = add("FGW", 10, "SPECIAL_INSPECTION", "CONGRESS_SPIRIT", "someone-else");
    late = add("FGW", 30, "PATROL_INSPECTION", "OTHER", person);
    jw = add("JW", 15, "PATROL_INSPECTION", "OTHER", person);
    publish(checklist);
  }

  String add(String unit, int days, String method, String focusArea, String responsible) {
    Map<String, Object> item = new LinkedHashMap<>(item(unit, DAY.plusDays(days)));
    item.put("method", method);
    item.put("focusArea", focusArea);
    item.put("responsiblePerson", responsible);
    Reply reply = post("/api/checklists/" + checklist + "/items", INSPECTOR, item);
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(201);
    return reply.text("id");
  }

  List<String> ids(String query, String token) {
    Reply reply = get("/api/items?checklistId=" + checklist + query, token);
    assertThat(reply.status()).as(String.valueOf(reply.body())).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode item : reply.body().path("content")) {
      ids.add(item.path("id").asString());
    }
    assertThat(reply.body().path("totalElements").asLong()).isEqualTo(ids.size());
    return ids;
  }

  @Test
  void eachFilterNarrowsTheListAndTheyCombine() {
    assertThat(ids("&method=PATROL_INSPECTION", INSPECTOR)).containsExactly(jw, middle, late);
    assertThat(ids("&focusArea=CONGRESS_SPIRIT", INSPECTOR)).containsExactly(early, middle);
    assertThat(ids("&responsiblePerson=" + person, AUDITOR)).containsExactly(jw, middle, late);
    assertThat(ids("&method=PATROL_INSPECTION&focusArea=OTHER&unit=FGW", ADMIN))
        .containsExactly(late);
    assertThat(ids("&responsiblePerson=nobody-at-all", INSPECTOR)).isEmpty();
    // without a checklist, the person filter alone finds the person's items of every checklist
    Reply mine = get("/api/items?responsiblePerson=" + person, INSPECTOR);
    assertThat(mine.body().path("totalElements").asLong()).isEqualTo(3);
  }

  @Test
  void dueDateOrderIsAscendingByDefaultAndEitherWayOnRequest() {
    assertThat(ids("", INSPECTOR)).containsExactly(early, jw, middle, late);
    assertThat(ids("&sort=dueDate,asc", INSPECTOR)).containsExactly(early, jw, middle, late);
    assertThat(ids("&sort=dueDate,desc", INSPECTOR)).containsExactly(late, middle, jw, early);
    // pages of the descending order neither overlap nor skip
    Reply first = get("/api/items?checklistId=" + checklist + "&sort=dueDate,desc&size=3", ADMIN);
    Reply second =
        get("/api/items?checklistId=" + checklist + "&sort=dueDate,desc&size=3&page=1", ADMIN);
    assertThat(first.body().path("content").get(2).path("id").asString()).isEqualTo(jw);
    assertThat(second.body().path("content").size()).isEqualTo(1);
    assertThat(second.body().path("content").get(0).path("id").asString()).isEqualTo(early);
  }

  @Test
  void aUnitLeadFiltersWithinItsOwnUnitOnly() {
    assertThat(ids("&responsiblePerson=" + person + "&sort=dueDate,desc", LEAD_FGW))
        .containsExactly(late, middle);
    assertThat(ids("&method=PATROL_INSPECTION", LEAD_JW)).containsExactly(jw);
    assertThat(get("/api/items?unit=JW&method=PATROL_INSPECTION", LEAD_FGW).status())
        .isEqualTo(403);
  }

  @Test
  void aBadFilterOrOrderIs400NamingTheParameter() {
    badParameter("method=TORTURE", "method");
    badParameter("focusArea=ANYTHING", "focusArea");
    badParameter("method=patrol_inspection", "method");
    badParameter("responsiblePerson=a%20b", "responsiblePerson");
    badParameter("responsiblePerson=" + "x".repeat(65), "responsiblePerson");
    badParameter("responsiblePerson=%7B%22$ne%22:1%7D", "responsiblePerson");
    badParameter("sort=dueDate", "sort");
    badParameter("sort=dueDate,up", "sort");
    badParameter("sort=content,asc", "sort");
    badParameter("sort=dueDate,asc,_id", "sort");
  }

  void badParameter(String query, String parameter) {
    Reply reply = get("/api/items?" + query, INSPECTOR);
    assertThat(reply.status()).as(query).isEqualTo(400);
    assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
    assertThat(reply.body().path("errors").findValuesAsString("field"))
        .as(query)
        .containsExactly(parameter);
  }

  /**
   * Each narrowing of the list (an equality on checklist, unit or person, or none) followed by its
   * due-date order has an index with exactly that prefix, and findings are found by an index.
   * (Mongo's query planner is not available on the embedded store, so the index keys are checked
   * against the query shapes the store issues.)
   */
  @Test
  void theItemIndexesFitTheListQueries() {
    List<Document> keys =
        mongo.getCollection(ItemDocument.COLLECTION).listIndexes().into(new ArrayList<>()).stream()
            .map(index -> (Document) index.get("key"))
            .toList();
    List<List<String>> fields = keys.stream().map(k -> List.copyOf(k.keySet())).toList();
    assertThat(fields)
        .contains(
            List.of("item.dueDate", "_id"),
            List.of("item.checklistId", "item.dueDate", "_id"),
            List.of("item.responsibleUnit", "item.dueDate", "_id"),
            List.of("item.responsiblePerson", "item.dueDate", "_id"),
            List.of("item.findings._id")); // a finding's id is stored as _id, as byFinding asks
    assertThat(keys)
        .allSatisfy(key -> assertThat(key.values()).allMatch(v -> ((Number) v).intValue() == 1));
  }
}

package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** An item of a draft checklist can be changed and removed; once published, neither. */
class DraftItemIT extends ChecklistIT {

  @Test
  void aDraftItemIsChangedWithItsHistoryAndRemoved() {
    String checklist = newChecklist();
    String kept = addItem(checklist, "FGW", DAY.plusDays(30));
    String dropped = addItem(checklist, "JW", DAY.plusDays(30));

    Map<String, Object> changed = item("JW", DAY.plusDays(3));
    changed.put("content", "改为：巡察整改落实情况");
    changed.put("method", "ROUTINE_CHECK");
    Reply redrafted = call(HttpMethod.PUT, "/api/items/" + kept, INSPECTOR, changed);

    assertThat(redrafted.status()).as(String.valueOf(redrafted.body())).isEqualTo(200);
    assertThat(redrafted.text("content")).isEqualTo("改为：巡察整改落实情况");
    assertThat(redrafted.text("responsibleUnit")).isEqualTo("JW");
    assertThat(redrafted.text("method")).isEqualTo("ROUTINE_CHECK");
    assertThat(redrafted.text("dueDate")).isEqualTo(DAY.plusDays(3).toString());
    var history = redrafted.body().path("history");
    assertThat(history.get(history.size() - 1).path("kind").asString()).isEqualTo("REDRAFTED");
    assertThat(history.get(history.size() - 1).path("actor").asString()).isEqualTo("inspector");

    assertThat(call(HttpMethod.DELETE, "/api/items/" + dropped, INSPECTOR, null).status())
        .isEqualTo(204);
    assertThat(get("/api/items/" + dropped, INSPECTOR).status()).isEqualTo(404);
    assertThat(call(HttpMethod.DELETE, "/api/items/" + dropped, INSPECTOR, null).status())
        .isEqualTo(404);

    publish(checklist);
    var items = get("/api/items?checklistId=" + checklist, INSPECTOR).body();
    assertThat(items.path("totalElements").asLong()).isEqualTo(1);
    assertThat(items.path("content").get(0).path("content").asString()).isEqualTo("改为：巡察整改落实情况");
  }

  @Test
  void aPublishedItemChangesOnlyThroughRevisions() {
    String item = publishedItem("FGW", DAY.plusDays(30));

    Reply put = call(HttpMethod.PUT, "/api/items/" + item, INSPECTOR, item("FGW", DAY));
    Reply delete = call(HttpMethod.DELETE, "/api/items/" + item, INSPECTOR, null);

    for (Reply refused : new Reply[] {put, delete}) {
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.headers().getContentType().toString())
          .startsWith("application/problem+json");
    }
    Reply still = get("/api/items/" + item, INSPECTOR);
    assertThat(still.status()).isEqualTo(200);
    assertThat(still.text("dueDate")).isEqualTo(DAY.plusDays(30).toString());
  }

  @Test
  void onlyTheInspectorChangesDraftItemsAndBadInputIsRefusedWithTheField() {
    String checklist = newChecklist();
    String item = addItem(checklist, "FGW", DAY.plusDays(30));

    for (String other : new String[] {ADMIN, AUDITOR, LEAD_FGW, HR, EVALUATOR}) {
      assertThat(call(HttpMethod.PUT, "/api/items/" + item, other, item("FGW", DAY)).status())
          .isEqualTo(403);
      assertThat(call(HttpMethod.DELETE, "/api/items/" + item, other, null).status())
          .isEqualTo(403);
    }
    assertThat(call(HttpMethod.DELETE, "/api/items/" + item, null, null).status()).isEqualTo(401);

    Map<String, Object> bad = item("fgw", DAY);
    Reply refused = call(HttpMethod.PUT, "/api/items/" + item, INSPECTOR, bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(new String(refused.raw())).contains("responsibleUnit");
    assertThat(get("/api/items/" + item, INSPECTOR).text("responsibleUnit")).isEqualTo("FGW");
  }
}

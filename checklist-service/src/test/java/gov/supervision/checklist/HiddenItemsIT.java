package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a unit lead may not know of does not exist for it: draft items of its own unit (the
 * inspection team's work in progress) and every item and finding of another unit answer 404 as a
 * made-up id does, for reads and for writes, and appear in no list.
 */
class HiddenItemsIT extends ChecklistIT {

  @Test
  void aDraftItemIsHiddenFromItsUnitLeadUntilPublished() {
    String checklist = newChecklist();
    String draft = addItem(checklist, "FGW", DAY.plusDays(20));
    int history = get("/api/items/" + draft, INSPECTOR).body().path("history").size();

    assertNotFound(
        get("/api/items/" + draft, LEAD_FGW), get("/api/items/nope", LEAD_FGW), "item-not-found");
    assertThat(
            get("/api/items?checklistId=" + checklist, LEAD_FGW)
                .body()
                .path("totalElements")
                .asLong())
        .isZero();
    assertThat(
            get("/api/items?unit=FGW&checklistId=" + checklist, LEAD_FGW)
                .body()
                .path("content")
                .size())
        .isZero();
    assertNotFound(
        post("/api/items/" + draft + "/progress", LEAD_FGW, Map.of("note", "抢先批注")),
        post("/api/items/nope/progress", LEAD_FGW, Map.of("note", "抢先批注")),
        "item-not-found");
    assertThat(get("/api/items/" + draft, INSPECTOR).body().path("history").size())
        .isEqualTo(history);
    // the inspection team still sees its draft
    assertThat(
            get("/api/items?checklistId=" + checklist, AUDITOR)
                .body()
                .path("totalElements")
                .asLong())
        .isEqualTo(1);

    publish(checklist);
    assertThat(get("/api/items/" + draft, LEAD_FGW).status()).isEqualTo(200);
    assertThat(
            get("/api/items?checklistId=" + checklist, LEAD_FGW)
                .body()
                .path("totalElements")
                .asLong())
        .isEqualTo(1);
    assertThat(post("/api/items/" + draft + "/progress", LEAD_FGW, Map.of("note", "已部署")).status())
        .isEqualTo(201);
  }

  @Test
  void anotherUnitsItemAndFindingAreAsUnknownAsMadeUpOnes() {
    String fgwItem = publishedItem("FGW", DAY.plusDays(30));
    String finding = raiseFinding(fgwItem, "MAJOR", DAY.plusDays(9));
    int history = get("/api/items/" + fgwItem, INSPECTOR).body().path("history").size();

    assertNotFound(
        get("/api/items/" + fgwItem, LEAD_JW), get("/api/items/nope", LEAD_JW), "item-not-found");
    assertNotFound(
        post("/api/items/" + fgwItem + "/progress", LEAD_JW, Map.of("note", "越权报送")),
        post("/api/items/nope/progress", LEAD_JW, Map.of("note", "越权报送")),
        "item-not-found");
    assertNotFound(
        post("/api/findings/" + finding + "/rectification", LEAD_JW, Map.of("report", "越权整改")),
        post("/api/findings/nope/rectification", LEAD_JW, Map.of("report", "越权整改")),
        "finding-not-found");
    var item = get("/api/items/" + fgwItem, INSPECTOR).body();
    assertThat(item.path("history").size()).isEqualTo(history);
    assertThat(item.path("findings").get(0).path("status").asString()).isEqualTo("OPEN");

    // lists: another unit's items never appear; naming another unit stays 403 (units are public)
    assertThat(get("/api/items?unit=FGW", LEAD_JW).status()).isEqualTo(403);
    var own = get("/api/items?size=200", LEAD_JW).body().path("content");
    own.forEach(i -> assertThat(i.path("responsibleUnit").asString()).isEqualTo("JW"));

    // roles that may see every item keep 403 for what their role may not do
    assertThat(post("/api/items/" + fgwItem + "/progress", AUDITOR, Map.of("note", "n")).status())
        .isEqualTo(403);
    assertThat(
            post("/api/findings/" + finding + "/rectification", ADMIN, Map.of("report", "r"))
                .status())
        .isEqualTo(403);
  }
}

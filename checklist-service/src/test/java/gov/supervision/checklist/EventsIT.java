package gov.supervision.checklist;

import static gov.supervision.testsupport.TopicProbe.header;
import static gov.supervision.testsupport.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.checklist.lights.LightScan;
import gov.supervision.contracts.Topics;
import gov.supervision.testsupport.TopicProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Each kind of change puts its event on the real topic: body, CloudEvents headers and key. */
class EventsIT extends ChecklistIT {

  @Autowired LightScan scan;
  TopicProbe probe;

  @BeforeEach
  void tail() {
    probe = TopicProbe.tail(Topics.CHECKLIST);
  }

  @AfterEach
  void close() {
    probe.close();
  }

  ConsumerRecord<String, String> await(String ceType, String key) {
    Predicate<ConsumerRecord<String, String>> match = ofType(ceType);
    ConsumerRecord<String, String> record = probe.await(match.and(r -> key.equals(r.key())));
    assertThat(header(record, "ce_id")).isNotBlank();
    assertThat(header(record, "ce_source")).isEqualTo("/checklist-service");
    assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(record, "ce_subject")).isEqualTo(key);
    assertThat(header(record, "ce_time")).isNotBlank();
    assertThat(header(record, "content-type")).isEqualTo("application/json");
    return record;
  }

  JsonNode body(ConsumerRecord<String, String> record) {
    return json.readTree(record.value());
  }

  long count(String ceType, String key) {
    return probe.poll().stream().filter(ofType(ceType)).filter(r -> key.equals(r.key())).count();
  }

  @Test
  void publishAssignStageCloseAndFindings() {
    String checklist = newChecklist();
    String itemId = addItem(checklist, "FGW", DAY.plusDays(30));
    Reply published =
        call(
            org.springframework.http.HttpMethod.POST,
            "/api/checklists/" + checklist + "/publish",
            INSPECTOR,
            null);
    assertThat(published.status()).isEqualTo(200);
    String requestId = published.headers().getFirst("X-Request-Id");

    var checklistPublished = await("gov.supervision.checklist.published.v1", checklist);
    assertThat(body(checklistPublished).path("itemIds").get(0).asString()).isEqualTo(itemId);
    assertThat(header(checklistPublished, "x-request-id")).isEqualTo(requestId);
    var itemPublished = await("gov.supervision.item.published.v1", itemId);
    assertThat(body(itemPublished).path("item").path("responsibleUnit").asString())
        .isEqualTo("FGW");

    Map<String, Object> assign = new LinkedHashMap<>();
    assign.put("to", "ASSIGNED");
    assign.put("note", "专人盯办");
    assign.put("assignee", "lead-fgw");
    post("/api/items/" + itemId + "/transitions", INSPECTOR, assign);
    var assigned = await("gov.supervision.item.assigned.v1", itemId);
    assertThat(body(assigned).path("assignee").asString()).isEqualTo("lead-fgw");
    var changed = await("gov.supervision.item.stage-changed.v1", itemId);
    assertThat(body(changed).path("from").asString()).isEqualTo("LEDGER_REGISTERED");
    assertThat(body(changed).path("to").asString()).isEqualTo("ASSIGNED");
    assertThat(body(changed).path("actor").asString()).isEqualTo("inspector");

    Reply finding =
        post(
            "/api/items/" + itemId + "/findings",
            INSPECTOR,
            Map.of(
                "description", "政治站位不高",
                "severity", "SEVERE",
                "cadreId", "cadre-42",
                "rectifyBy", DAY.plusDays(15).toString()));
    String findingId = finding.text("id");
    var raised = await("gov.supervision.finding.raised.v1", itemId);
    assertThat(body(raised).path("cadreId").asString()).isEqualTo("cadre-42");
    assertThat(body(raised).path("findingId").asString()).isEqualTo(findingId);

    post("/api/findings/" + findingId + "/rectification", LEAD_FGW, Map.of("report", "已整改"));
    var rectified = await("gov.supervision.finding.rectified.v1", itemId);
    assertThat(body(rectified).path("actor").asString()).isEqualTo("lead-fgw");
    post(
        "/api/findings/" + findingId + "/verification",
        INSPECTOR,
        Map.of("accepted", true, "note", "通过"));
    var verified = await("gov.supervision.finding.verified.v1", itemId);
    assertThat(body(verified).path("status").asString()).isEqualTo("VERIFIED");

    for (String stage :
        new String[] {"MEETING_REVIEWED", "INSPECTING", "ON_SITE_VERIFIED", "REPORTED", "CLOSED"}) {
      assertThat(transition(itemId, stage, "ok").status()).isEqualTo(200);
    }
    var closed = await("gov.supervision.item.closed.v1", itemId);
    assertThat(body(closed).path("note").asString()).isEqualTo("ok");
    assertThat(count("gov.supervision.item.stage-changed.v1", itemId)).isEqualTo(6);
  }

  @Test
  void lightsAreAnnouncedOncePerChange() {
    // late registration: red at once, ItemOverdue once published
    String late = publishedItem("FGW", DAY.minusDays(3));
    var overdue = await("gov.supervision.item.overdue.v1", late);
    assertThat(body(overdue).path("item").path("itemId").asString()).isEqualTo(late);

    String item = publishedItem("FGW", DAY.plusDays(9));
    await("gov.supervision.item.published.v1", item);
    clock.plusDays(2); // due in 7 days: yellow
    scan.scan();
    await("gov.supervision.item.due-soon.v1", item);
    scan.scan();
    clock.plusDays(8); // overdue
    scan.scan();
    await("gov.supervision.item.overdue.v1", item);
    clock.plusDays(5);
    scan.scan();
    scan.scan();
    post("/api/items/" + item + "/progress", INSPECTOR, Map.of("note", "仍在推进"));
    probe.poll();
    assertThat(count("gov.supervision.item.due-soon.v1", item)).isEqualTo(1);
    assertThat(count("gov.supervision.item.overdue.v1", item)).isEqualTo(1);
    assertThat(count("gov.supervision.item.overdue.v1", late)).isEqualTo(1);
  }

  @Test
  void periodicReportsAreDueOncePerPeriod() {
    String checklist = newChecklist();
    Map<String, Object> item = item("FGW", DAY.plusDays(300));
    item.put("reportEvery", "MONTHLY");
    String id = post("/api/checklists/" + checklist + "/items", INSPECTOR, item).text("id");
    publish(checklist);
    moveTo(DAY.withDayOfMonth(25)); // 2026-06-25: within 7 days of the period end
    scan.scan();
    var due = await("gov.supervision.item.report-due.v1", id);
    assertThat(body(due).path("periodEnd").asString()).isEqualTo("2026-06-30");
    assertThat(body(due).path("cadence").asString()).isEqualTo("MONTHLY");
    scan.scan();
    probe.poll();
    assertThat(count("gov.supervision.item.report-due.v1", id)).isEqualTo(1);
  }
}

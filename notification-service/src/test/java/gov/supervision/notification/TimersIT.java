package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.checklist.ItemAssigned;
import gov.supervision.contracts.checklist.ItemClosed;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.ItemOverdue;
import gov.supervision.notification.escalation.EscalationJob;
import gov.supervision.notification.escalation.ReceiptReminderJob;
import gov.supervision.testsupport.TestTokens;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/** 三色督办 escalation and 签收 reminders, driven by the test clock. */
class TimersIT extends NotificationITSupport {

  @Autowired EscalationJob escalation;
  @Autowired ReceiptReminderJob receipts;
  @Autowired MongoTemplate mongo;

  private final String admin = TestTokens.admin();
  private final String inspector = TestTokens.inspector();
  private final String leadFgw = TestTokens.leadFgw();

  @Test
  void anItemRedForThreeDaysEscalatesOncePerStep() {
    ItemFacts item = item("FGW", "lead-fgw", "逾期升级督办");
    String link = "/api/items/" + item.itemId();
    publish(new ItemOverdue(item));
    awaitInbox(leadFgw, link, 1);
    awaitRed(item.itemId(), true);

    escalation.scan();
    assertThat(typesFor(admin, link)).isEmpty();

    clock.advance(Duration.ofDays(3).plusHours(1));
    escalation.scan();
    escalation.scan();
    assertThat(typesFor(admin, link)).containsExactly("ITEM_ESCALATED");
    assertThat(typesFor(inspector, link)).containsExactly("ITEM_ESCALATED", "ITEM_OVERDUE");
    assertThat(typesFor(leadFgw, link)).containsExactly("ITEM_OVERDUE");
    assertThat(inboxFor(admin, link).get(0).get("title").asString()).isEqualTo("【督办升级·第1级】逾期升级督办");

    clock.advance(Duration.ofDays(3));
    escalation.scan();
    clock.advance(Duration.ofDays(10));
    escalation.scan();
    List<JsonNode> escalations = inboxFor(admin, link);
    assertThat(escalations).hasSize(2);
    assertThat(escalations.get(0).get("title").asString()).contains("第2级");
    assertThat(typesFor(inspector, link))
        .containsExactly("ITEM_ESCALATED", "ITEM_ESCALATED", "ITEM_OVERDUE");
  }

  @Test
  void aClosedItemDoesNotEscalate() {
    ItemFacts item = item("JW", "lead-jw", "已办结不升级");
    String link = "/api/items/" + item.itemId();
    publish(new ItemOverdue(item));
    awaitRed(item.itemId(), true);
    publish(new ItemClosed(item, "inspector", "办结"));
    awaitRed(item.itemId(), false);

    clock.advance(Duration.ofDays(7));
    escalation.scan();
    assertThat(typesFor(admin, link)).isEmpty();
    assertThat(typesFor(inspector, link)).containsExactly("ITEM_OVERDUE");
  }

  @Test
  void aLateDuplicateOfAnOverdueDoesNotTurnAClosedItemRedAgain() {
    String leadJw = TestTokens.leadJw();
    ItemFacts item = item("JW", "lead-jw", "办结后重发的逾期");
    String link = "/api/items/" + item.itemId();
    String overdue = publish(new ItemOverdue(item));
    awaitRed(item.itemId(), true);
    publish(new ItemClosed(item, "inspector", "办结"));
    awaitRed(item.itemId(), false);

    // the publisher sends the overdue again (same ce_id), after the close; then a marker event
    // of the same item, on the same partition, so that the duplicate is handled before it
    publish(new ItemOverdue(item), overdue);
    publish(new ItemAssigned(item, null, "inspector", null));
    awaitInbox(leadJw, link, 2);
    assertThat(typesFor(leadJw, link)).containsExactly("ITEM_ASSIGNED", "ITEM_OVERDUE");
    assertThat(mongo.findById(item.itemId(), Document.class, "red_items")).isNull();

    clock.advance(Duration.ofDays(7));
    escalation.scan();
    assertThat(typesFor(admin, link)).isEmpty();
  }

  @Test
  void anUnacknowledgedAssignmentGetsOneReminder() {
    String leadJw = TestTokens.leadJw();
    ItemFacts ignored = item("JW", "lead-jw", "未签收事项");
    ItemFacts acknowledged = item("JW", "lead-jw", "已签收事项");
    publish(new ItemAssigned(ignored, null, "inspector", null));
    publish(new ItemAssigned(acknowledged, null, "inspector", null));
    awaitInbox(leadJw, "/api/items/" + ignored.itemId(), 1);
    String ackId =
        awaitInbox(leadJw, "/api/items/" + acknowledged.itemId(), 1).get(0).get("id").asString();
    assertThat(post(leadJw, "/api/notifications/" + ackId + "/acknowledge", null).status())
        .isEqualTo(200);

    receipts.scan();
    assertThat(typesFor(leadJw, "/api/items/" + ignored.itemId())).containsExactly("ITEM_ASSIGNED");

    clock.advance(Duration.ofDays(2).plusHours(1));
    receipts.scan();
    receipts.scan();
    assertThat(typesFor(leadJw, "/api/items/" + ignored.itemId()))
        .containsExactly("ITEM_ASSIGNED", "RECEIPT_REMINDER");
    assertThat(typesFor(leadJw, "/api/items/" + acknowledged.itemId()))
        .containsExactly("ITEM_ASSIGNED");
    JsonNode reminder =
        inboxFor(leadJw, "/api/items/" + ignored.itemId()).stream()
            .filter(n -> n.get("type").asString().equals("RECEIPT_REMINDER"))
            .findFirst()
            .get();
    assertThat(reminder.get("title").asString()).isEqualTo("【签收提醒】未签收事项");
    assertThat(reminder.get("body").asString()).contains("专人盯办");
    clock.advance(Duration.ofDays(5));
    receipts.scan();
    assertThat(typesFor(leadJw, "/api/items/" + ignored.itemId()))
        .containsExactly("ITEM_ASSIGNED", "RECEIPT_REMINDER");
  }

  private void awaitRed(String itemId, boolean red) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> (mongo.findById(itemId, Document.class, "red_items") != null) == red);
  }
}

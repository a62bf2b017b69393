package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.contracts.checklist.ItemAssigned;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.ItemOverdue;
import gov.supervision.contracts.checklist.ItemPublished;
import gov.supervision.notification.alert.NotificationDocument;
import gov.supervision.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** The inbox: read state per person, nobody touches another's notification, receipts, languages. */
class InboxIT extends NotificationITSupport {

  @Autowired MongoTemplate mongo;

  private final String inspector = TestTokens.inspector();
  private final String otherInspector = TestTokens.token("inspector-2", null, "INSPECTOR");
  private final String leadFgw = TestTokens.leadFgw();

  @Test
  void aRoleNotificationReadByOnePersonStaysUnreadForTheOthers() {
    ItemFacts item = item("FGW", "lead-fgw", "角色通知已读状态");
    String link = "/api/items/" + item.itemId();
    publish(new ItemOverdue(item));
    String id = awaitInbox(inspector, link, 1).get(0).get("id").asString();
    awaitInbox(otherInspector, link, 1);
    awaitInbox(leadFgw, link, 1);
    long otherUnread = unreadCount(otherInspector);

    Answer read = post(inspector, "/api/notifications/" + id + "/read", null);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().get("read").asBoolean()).isTrue();

    assertThat(inboxFor(inspector, link).get(0).get("read").asBoolean()).isTrue();
    assertThat(inboxFor(otherInspector, link).get(0).get("read").asBoolean()).isFalse();
    assertThat(inboxFor(leadFgw, link).get(0).get("read").asBoolean()).isFalse();
    assertThat(ids(inspector, "unread=true&type=ITEM_OVERDUE")).doesNotContain(id);
    assertThat(ids(inspector, "unread=false&type=ITEM_OVERDUE")).contains(id);
    assertThat(ids(otherInspector, "unread=true&type=ITEM_OVERDUE")).contains(id);
    assertThat(unreadCount(otherInspector)).isEqualTo(otherUnread);

    Answer all = post(otherInspector, "/api/notifications/read-all", null);
    assertThat(all.status()).isEqualTo(200);
    assertThat(unreadCount(otherInspector)).isZero();
    assertThat(inboxFor(leadFgw, link).get(0).get("read").asBoolean()).isFalse();
  }

  @Test
  void nobodyReadsOrMarksAnothersNotification() {
    ItemFacts item = item("FGW", "lead-fgw", "他人通知不可见");
    String link = "/api/items/" + item.itemId();
    publish(new ItemAssigned(item, "lead-fgw", "inspector", null));
    String personal = awaitInbox(leadFgw, link, 1).get(0).get("id").asString();
    ItemFacts red = item("JW", "lead-jw", "角色通知不可见");
    publish(new ItemOverdue(red));
    String forInspectors =
        awaitInbox(inspector, "/api/items/" + red.itemId(), 1).get(0).get("id").asString();

    for (String token :
        List.of(TestTokens.leadJw(), TestTokens.hr(), TestTokens.admin(), inspector)) {
      assertThat(post(token, "/api/notifications/" + personal + "/read", null).status())
          .isEqualTo(404);
      assertThat(post(token, "/api/notifications/" + personal + "/acknowledge", null).status())
          .isEqualTo(404);
    }
    assertThat(
            post(TestTokens.hr(), "/api/notifications/" + forInspectors + "/read", null).status())
        .isEqualTo(404);
    String unknown = UUID.randomUUID().toString();
    Answer none = post(leadFgw, "/api/notifications/" + unknown + "/read", null);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().get("type").asString()).isEqualTo("urn:supervision:problem:not-found");
    assertThat(none.json().get("detail").asString())
        .isEqualTo("通知 notification " + unknown + " 不存在 does not exist");
    assertThat(inboxFor(leadFgw, link).get(0).get("read").asBoolean()).isFalse();
    assertThat(post(leadFgw, "/api/notifications/" + personal + "/read", null).status())
        .isEqualTo(200);
  }

  @Test
  void assignmentsAreAcknowledgedByTheirAddressee() {
    ItemFacts item = item("FGW", "lead-fgw", "签收测试事项");
    String link = "/api/items/" + item.itemId();
    publish(new ItemPublished(item));
    publish(new ItemAssigned(item, null, "inspector", null));
    List<JsonNode> both = awaitInbox(leadFgw, link, 2);
    JsonNode assigned =
        both.stream()
            .filter(n -> n.get("type").asString().equals("ITEM_ASSIGNED"))
            .findFirst()
            .get();
    JsonNode published =
        both.stream()
            .filter(n -> n.get("type").asString().equals("ITEM_PUBLISHED"))
            .findFirst()
            .get();
    assertThat(assigned.get("receiptRequired").asBoolean()).isTrue();
    assertThat(assigned.get("acknowledged").asBoolean()).isFalse();
    Instant deadline = Instant.parse(assigned.get("createdAt").asString()).plus(Duration.ofDays(3));
    assertThat(Instant.parse(assigned.get("acknowledgeBy").asString())).isEqualTo(deadline);
    assertThat(published.get("receiptRequired").asBoolean()).isFalse();
    assertThat(published.has("acknowledgeBy")).isTrue();
    assertThat(published.get("acknowledgeBy").isNull()).isTrue();

    Answer ack =
        post(leadFgw, "/api/notifications/" + assigned.get("id").asString() + "/acknowledge", null);
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.json().get("acknowledged").asBoolean()).isTrue();
    assertThat(ack.json().get("read").asBoolean()).isTrue();
    assertThat(Instant.parse(ack.json().get("acknowledgeBy").asString())).isEqualTo(deadline);
    Answer read =
        post(leadFgw, "/api/notifications/" + published.get("id").asString() + "/read", null);
    assertThat(read.json().get("acknowledgeBy").isNull()).isTrue();
    Answer noReceipt =
        post(
            leadFgw, "/api/notifications/" + published.get("id").asString() + "/acknowledge", null);
    assertThat(noReceipt.status()).isEqualTo(409);
    assertThat(noReceipt.json().get("type").asString())
        .isEqualTo("urn:supervision:problem:receipt-not-required");
    assertThat(noReceipt.json().get("title").asString()).isEqualTo("状态冲突 Conflict");
    assertThat(noReceipt.json().get("detail").asString())
        .isEqualTo("该通知无需签收 this notification needs no acknowledgement");
  }

  /**
   * A notification stored before the deadline existed (a document without it, as every stored
   * document is: it is computed when read) shows its deadline from its creation time.
   */
  @Test
  void aNotificationStoredByAnEarlierVersionShowsItsDeadline() {
    ItemFacts item = item("FGW", "lead-fgw", "旧版本存储的事项");
    publish(new ItemAssigned(item, null, "inspector", null));
    String template =
        awaitInbox(leadFgw, "/api/items/" + item.itemId(), 1).get(0).get("id").asString();
    Document stored =
        mongo
            .getCollection(NotificationDocument.COLLECTION)
            .find(new Document("_id", template))
            .first();
    assertThat(stored).doesNotContainKey("acknowledgeBy");
    // a notification of another item: its own id, event, link and creation time
    String id = "stored-" + UUID.randomUUID();
    String link = "/api/items/item-" + id;
    Instant created = clock.instant().truncatedTo(ChronoUnit.MILLIS); // the newest of the inbox
    stored
        .append("_id", id)
        .append("eventId", "event-" + id)
        .append("link", link)
        .append("itemId", "item-" + id)
        .append("createdAt", Date.from(created));
    mongo.getCollection(NotificationDocument.COLLECTION).insertOne(stored);

    Instant deadline = created.plus(Duration.ofDays(3));
    JsonNode old = inboxFor(leadFgw, link).get(0);
    assertThat(old.get("receiptRequired").asBoolean()).isTrue();
    assertThat(Instant.parse(old.get("acknowledgeBy").asString())).isEqualTo(deadline);
    Answer ack = post(leadFgw, "/api/notifications/" + id + "/acknowledge", null);
    assertThat(ack.status()).isEqualTo(200);
    assertThat(Instant.parse(ack.json().get("acknowledgeBy").asString())).isEqualTo(deadline);
  }

  @Test
  void rendersEnglishWhenAskedAndChineseByDefault() {
    ItemFacts item = item("FGW", "lead-fgw", "Language check");
    String link = "/api/items/" + item.itemId();
    publish(new ItemPublished(item));
    JsonNode zh = awaitInbox(leadFgw, link, 1).get(0);
    assertThat(zh.get("title").asString()).isEqualTo("新督办事项：Language check");

    String body =
        http()
            .get()
            .uri("/api/notifications/inbox?type=ITEM_PUBLISHED&size=200")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + leadFgw)
            .header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9")
            .retrieve()
            .body(String.class);
    JsonNode en = null;
    for (JsonNode n : json.readTree(body).get("content")) {
      if (n.get("link").asString().equals(link)) {
        en = n;
      }
    }
    assertThat(en).isNotNull();
    assertThat(en.get("title").asString()).isEqualTo("New supervision item: Language check");
    assertThat(en.get("body").asString()).contains("Municipal Development and Reform Commission");
  }

  @Test
  void refusesBadPaging() {
    assertThat(get(leadFgw, "/api/notifications/inbox?size=0").status()).isEqualTo(400);
    assertThat(get(leadFgw, "/api/notifications/inbox?size=1001").status()).isEqualTo(400);
    assertThat(get(leadFgw, "/api/notifications/inbox?size=500").status()).isEqualTo(200);
    assertThat(get(leadFgw, "/api/notifications/inbox?page=-1").status()).isEqualTo(400);
    assertThat(get(leadFgw, "/api/notifications/inbox?type=NOPE").status()).isEqualTo(400);
  }

  private long unreadCount(String token) {
    return get(token, "/api/notifications/inbox?size=1").json().get("unreadCount").asLong();
  }

  private List<String> ids(String token, String query) {
    List<String> ids = new ArrayList<>();
    get(token, "/api/notifications/inbox?size=200&" + query)
        .json()
        .get("content")
        .forEach(n -> ids.add(n.get("id").asString()));
    return ids;
  }
}

package gov.supervision.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.DomainEvent;
import gov.supervision.contracts.Topics;
import gov.supervision.contracts.checklist.ItemDueSoon;
import gov.supervision.contracts.checklist.ItemFacts;
import gov.supervision.contracts.checklist.ItemPublished;
import gov.supervision.contracts.evaluation.CadreVetoed;
import gov.supervision.testsupport.TestTokens;
import gov.supervision.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Each topic has one publisher: an event on it that claims another source is dead-lettered and
 * notifies nobody, while a genuine event behind it on the same partition still does. Without the
 * check, anyone who could write a topic could send any person (or HR) notifications in the name of
 * another service.
 */
class ForgedSourceIT extends NotificationITSupport {

  @Autowired MongoTemplate mongo;

  @Test
  void anItemEventClaimingEvaluationServiceIsDeadLetteredAndNotifiesNobody() {
    ItemFacts item = item("FGW", "lead-fgw", "伪造来源的事项");
    String link = "/api/items/" + item.itemId();
    String forged = UUID.randomUUID().toString();
    try (TopicProbe dlt = TopicProbe.tail(Topics.CHECKLIST + "-dlt")) {
      claim(new ItemPublished(item), forged, "/evaluation-service");
      // a genuine event behind it, same key (same partition), so read after it
      String genuine = publish(new ItemDueSoon(item));

      awaitNotified(genuine);
      assertThat(dlt.await(r -> forged.equals(TopicProbe.header(r, CloudEventHeaders.ID))))
          .isNotNull();
    }
    assertThat(typesFor(TestTokens.leadFgw(), link)).containsExactly("ITEM_DUE_SOON");
    assertThat(notifications(forged)).isZero();
  }

  @Test
  void aVetoClaimingChecklistServiceIsDeadLetteredAndNotifiesNobody() {
    String cadre = "forged-" + UUID.randomUUID();
    String forged = UUID.randomUUID().toString();
    try (TopicProbe dlt = TopicProbe.tail(Topics.EVALUATION + "-dlt")) {
      claim(
          new CadreVetoed(cadre, "王五", "FGW", List.of("PROMOTION"), List.of()),
          forged,
          "/checklist-service");
      String genuine = publish(new CadreVetoed(cadre, "王五", "FGW", List.of("AWARD"), List.of()));

      awaitNotified(genuine);
      assertThat(dlt.await(r -> forged.equals(TopicProbe.header(r, CloudEventHeaders.ID))))
          .isNotNull();
    }
    assertThat(notifications(forged)).isZero();
  }

  private void claim(DomainEvent event, String ceId, String source) {
    try {
      publishAsync(event, ceId, source).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitNotified(String eventId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> notifications(eventId) > 0);
  }

  private long notifications(String eventId) {
    return mongo.count(new Query(Criteria.where("eventId").is(eventId)), "notifications");
  }
}

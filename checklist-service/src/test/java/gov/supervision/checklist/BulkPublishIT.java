package gov.supervision.checklist;

import static gov.supervision.testsupport.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.checklist.domain.Deadlines;
import gov.supervision.checklist.item.ItemDocument;
import gov.supervision.checklist.item.ItemStore;
import gov.supervision.contracts.Topics;
import gov.supervision.testsupport.TopicProbe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishing writes the items in one bulk write: every item published, each ItemPublished on the
 * topic exactly once; an item changed between the read and the write is neither overwritten nor
 * lost, but left for a retry of its own.
 */
class BulkPublishIT extends ChecklistIT {

  @Autowired ItemStore items;
  @Autowired MongoTemplate mongo;

  @Test
  void aChecklistOfManyItemsIsPublishedWithEachItemAnnouncedOnce() {
    String checklist = newChecklist();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(addItem(checklist, i % 2 == 0 ? "FGW" : "JW", DAY.plusDays(30 + i)));
    }
    try (TopicProbe probe = TopicProbe.tail(Topics.CHECKLIST)) {
      publish(checklist);

      assertThat(ids)
          .allSatisfy(
              id ->
                  assertThat(
                          get("/api/items/" + id, INSPECTOR).body().path("published").asBoolean())
                      .isTrue());
      assertThat(items.unpublishedIds(checklist)).isEmpty();
      probe.await(
          ofType("gov.supervision.checklist.published.v1").and(r -> checklist.equals(r.key())));
      Set<String> keys = new HashSet<>(ids);
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .until(() -> announced(probe.poll(), keys).keySet().equals(keys));
      // nothing left in any item's outbox for the relay to send (again), and everything it sent
      // read off the topic: a copy would be among what the probe has seen
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(30))
          .until(
              () ->
                  mongo.count(
                          new Query(Criteria.where("_id").in(ids).and("outbox.0").exists(true)),
                          ItemDocument.class)
                      == 0);
      Map<String, Long> perItem = announced(probe.pollToEnd(), keys);
      assertThat(perItem.values()).hasSize(ids.size()).allMatch(n -> n == 1);
    }
  }

  /** How often each item of {@code keys} was announced as published among {@code records}. */
  private static Map<String, Long> announced(
      List<ConsumerRecord<String, String>> records, Set<String> keys) {
    return records.stream()
        .filter(ofType("gov.supervision.item.published.v1"))
        .filter(r -> keys.contains(r.key()))
        .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
  }

  @Test
  void anItemChangedDuringTheBulkWriteIsNotOverwrittenAndIsLeftForItsOwnRetry() {
    String checklist = newChecklist();
    String a = addItem(checklist, "FGW", DAY.plusDays(30));
    String b = addItem(checklist, "FGW", DAY.plusDays(31));
    String c = addItem(checklist, "JW", DAY.plusDays(32));
    Deadlines deadlines = new Deadlines(clock, 7);

    int written =
        items.updateUnpublishedOf(
            checklist,
            item -> {
              if (item.id().equals(b)) {
                // another request saves b after the bulk read it (its draft edited)
                mongo.updateFirst(
                    new Query(Criteria.where("_id").is(b)),
                    new Update().inc("version", 1).set("item.content", "会前修改的内容"),
                    ItemDocument.class);
              }
              return item.publish("inspector", null, deadlines);
            });

    assertThat(written).isEqualTo(2);
    assertThat(items.unpublishedIds(checklist)).containsExactly(b);
    assertThat(items.find(b).orElseThrow().content()).isEqualTo("会前修改的内容");
    assertThat(items.find(a).orElseThrow().published()).isTrue();
    assertThat(items.find(c).orElseThrow().published()).isTrue();
  }
}

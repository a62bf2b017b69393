package gov.supervision.checklist;

import static gov.supervision.testsupport.TopicProbe.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.checklist.checklist.ChecklistStore;
import gov.supervision.checklist.item.ItemStore;
import gov.supervision.checklist.lights.LightScan;
import gov.supervision.contracts.Topics;
import gov.supervision.testsupport.TopicProbe;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A crash after the checklist's publishing write but before its items were published: the scan
 * finds the {@code publishing} marker and finishes the job, each item published exactly once.
 */
class PublishRecoveryIT extends ChecklistIT {

  @Autowired ChecklistStore checklists;
  @Autowired ItemStore items;
  @Autowired LightScan scan;

  @Test
  void theScanCompletesAHalfDonePublication() {
    String checklist = newChecklist();
    String a = addItem(checklist, "FGW", DAY.plusDays(30));
    String b = addItem(checklist, "JW", DAY.plusDays(30));
    try (TopicProbe probe = TopicProbe.tail(Topics.CHECKLIST)) {
      // step 1 of publish only, then "crash"; item a was also published before the crash
      checklists.update(checklist, c -> c.publish(List.of(a, b), "inspector", clock.instant()));
      items.updateIf(
          a,
          i ->
              i.publish(
                  "inspector", null, new gov.supervision.checklist.domain.Deadlines(clock, 7)));
      assertThat(get("/api/items/" + b, INSPECTOR).body().path("published").asBoolean()).isFalse();

      scan.scan();
      scan.scan();

      assertThat(get("/api/items/" + b, INSPECTOR).body().path("published").asBoolean()).isTrue();
      assertThat(checklists.get(checklist).publishing()).isFalse();
      probe.await(ofType("gov.supervision.item.published.v1").and(r -> b.equals(r.key())));
      probe.await(
          ofType("gov.supervision.checklist.published.v1").and(r -> checklist.equals(r.key())));
      probe.poll();
      for (String id : List.of(a, b)) {
        assertThat(
                probe.poll().stream()
                    .filter(ofType("gov.supervision.item.published.v1"))
                    .filter(r -> id.equals(r.key()))
                    .count())
            .isEqualTo(1);
      }
    }
  }
}

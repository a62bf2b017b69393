package gov.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The counter against the stored entries: entries deleted below it are {@code MISSING} and entries
 * stored beyond it are a {@code COUNTER} problem, each reported at the entry where the chain
 * breaks, by {@code verify} alone (no later append declares anything). Without the counter, a
 * deleted run of the newest entries left a shorter, intact-looking chain, and a hole in the middle
 * only showed as an unexplained link.
 */
class AccessLogCounterIT extends AccessLogStoreIT {

  private long gapsBefore;

  @Test
  void entriesDeletedInsideTheChainAreMissingFromTheFirstDeletedOne() {
    long head = appendSix();
    assertValid(head);

    // the attack: delete two entries inside the chain, leave the counter and the newer entries
    entries().deleteMany(Filters.and(Filters.gte("_id", head - 4), Filters.lte("_id", head - 3)));

    JsonNode verify = verify();
    assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isFalse();
    assertThat(verify.get("firstBrokenSeq").asLong()).isEqualTo(head - 4);
    assertThat(verify.get("counter").asLong()).isEqualTo(head);
    assertThat(verify.get("head").asLong()).isEqualTo(head);
    assertThat(verify.get("checked").asLong()).isEqualTo(head - 5);
    assertThat(problems(verify)).contains("MISSING@" + (head - 4));
    assertThat(verify.get("gaps").toString())
        .contains("{\"from\":" + (head - 4) + ",\"to\":" + (head - 3) + ",\"kind\":\"MISSING\"}");
    assertThat(entries().countDocuments(Filters.eq("endpoint", "GAP")))
        .as("verify declares nothing: the hole stays a hole")
        .isEqualTo(gapsBefore);
  }

  @Test
  void theNewestEntriesDeletedUnderTheCounterAreMissingUpToIt() {
    long head = appendSix();
    assertValid(head);

    // the attack: delete the two newest entries, but the counter still says how many were written
    entries().deleteMany(Filters.gte("_id", head - 1));

    JsonNode verify = verify();
    assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isFalse();
    assertThat(verify.get("firstBrokenSeq").asLong()).isEqualTo(head - 1);
    assertThat(verify.get("counter").asLong()).isEqualTo(head);
    assertThat(verify.get("head").asLong()).isEqualTo(head - 2);
    assertThat(verify.get("checked").asLong()).isEqualTo(head - 2);
    assertThat(problems(verify)).contains("MISSING@" + (head - 1));
    assertThat(verify.get("gaps").toString())
        .contains("{\"from\":" + (head - 1) + ",\"to\":" + head + ",\"kind\":\"MISSING\"}");
    assertThat(entries().countDocuments(Filters.eq("endpoint", "GAP"))).isEqualTo(gapsBefore);
  }

  @Test
  void entriesStoredBeyondTheCounterAreReportedAtTheFirstOfThem() {
    long head = appendSix();
    assertValid(head);

    // the attack: the counter says two entries fewer than are stored (entries planted beyond it,
    // or the counter turned back so that the next writers overwrite the newest numbers)
    mongo
        .getCollection("counters")
        .updateOne(Filters.eq("_id", "access_log"), Updates.set("seq", head - 2));

    JsonNode verify = verify();
    assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isFalse();
    assertThat(verify.get("firstBrokenSeq").asLong()).isEqualTo(head - 1);
    assertThat(verify.get("counter").asLong()).isEqualTo(head - 2);
    assertThat(verify.get("head").asLong()).isEqualTo(head);
    assertThat(problems(verify)).containsExactly("COUNTER@" + (head - 1));
    assertThat(verify.get("problems").get(0).get("message").asString())
        .contains("beyond the counter " + (head - 2));
  }

  /** Appends six reads and returns the number of the newest. */
  private long appendSix() {
    gapsBefore = entries().countDocuments(Filters.eq("endpoint", "GAP"));
    long head = 0;
    for (int i = 0; i < 6; i++) {
      head = accessLog.append(read("read " + i)).seq();
    }
    return head;
  }

  private void assertValid(long head) {
    JsonNode verify = verify();
    assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
    assertThat(verify.get("counter").asLong()).isEqualTo(head);
    assertThat(verify.get("head").asLong()).isEqualTo(head);
  }

  /** Each problem as {@code KIND@seq}. */
  private static List<String> problems(JsonNode verify) {
    List<String> problems = new ArrayList<>();
    verify
        .get("problems")
        .forEach(
            p ->
                problems.add(
                    p.get("kind").asString()
                        + "@"
                        + (p.get("seq").isNull() ? "-" : p.get("seq").asLong())));
    return problems;
  }
}

package gov.supervision.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every unit's early warning in one call, each entry as the single-unit endpoint answers it. */
class EarlyWarningOverviewIT extends ChecklistIT {

  static final List<String> REFERENCE = List.of("FGW", "JW", "CZJ", "RSJ", "ZJJ", "WJW", "JGDW");

  @Test
  void everyReferenceUnitThenEveryOtherUnitWithOpenItemsOrVetoes() {
    String red = freshUnit();
    publishedItem(red, DAY.minusDays(3));
    String vetoedOnly = freshUnit();
    String vetoed =
        "{\"cadreId\":\"c9\",\"name\":\"王五\",\"unit\":\"%s\",\"purposes\":[\"PROMOTION\"],\"reasons\":[]}";
    EarlyWarningIT.sendEvaluation(
        UUID.randomUUID().toString(),
        "gov.supervision.cadre.vetoed.v2",
        "c9",
        vetoedOnly,
        vetoed.formatted(vetoedOnly));
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> units(overview()).contains(vetoedOnly));

    JsonNode all = overview();
    List<String> units = units(all);
    assertThat(units.subList(0, REFERENCE.size())).isEqualTo(REFERENCE);
    assertThat(units).contains(red).doesNotHaveDuplicates();
    List<String> others = units.subList(REFERENCE.size(), units.size());
    assertThat(others).isSorted();
    for (JsonNode entry : all) {
      String unit = entry.path("unit").asString();
      assertThat(entry)
          .as(unit)
          .isEqualTo(get("/api/units/" + unit + "/early-warning", INSPECTOR).body());
    }
    JsonNode redEntry = entry(all, red);
    assertThat(redEntry.path("level").asString()).isEqualTo("WATCH");
    assertThat(redEntry.path("indicators").path("redItems").asInt()).isEqualTo(1);
    JsonNode vetoEntry = entry(all, vetoedOnly);
    assertThat(vetoEntry.path("indicators").path("vetoedCadres").asInt()).isEqualTo(1);
    assertThat(vetoEntry.path("indicators").path("redItems").asInt()).isZero();
    assertThat(entry(all, "JGDW").path("indicators").path("redItems").isNumber()).isTrue();
  }

  @Test
  void onlyTheInspectionTeamAndAdministratorsSeeIt() {
    assertThat(get("/api/units/early-warning", ADMIN).status()).isEqualTo(200);
    for (String other : new String[] {AUDITOR, LEAD_FGW, HR, EVALUATOR}) {
      Reply refused = get("/api/units/early-warning", other);
      assertThat(refused.status()).isEqualTo(403);
      assertThat(refused.headers().getContentType().toString())
          .startsWith("application/problem+json");
    }
    assertThat(get("/api/units/early-warning", null).status()).isEqualTo(401);
  }

  JsonNode overview() {
    Reply reply = get("/api/units/early-warning", INSPECTOR);
    assertThat(reply.status()).isEqualTo(200);
    return reply.body();
  }

  static List<String> units(JsonNode all) {
    List<String> units = new ArrayList<>();
    all.forEach(entry -> units.add(entry.path("unit").asString()));
    return units;
  }

  static JsonNode entry(JsonNode all, String unit) {
    for (JsonNode entry : all) {
      if (entry.path("unit").asString().equals(unit)) {
        return entry;
      }
    }
    throw new AssertionError("no entry for " + unit + " in " + all);
  }
}

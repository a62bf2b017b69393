package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;

import gov.supervision.suite.Suite.Answer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The stored state a run of requests may change, as last read through the API: each resource is
 * read before the run and again right after each change a service accepted (the change must read
 * back exactly as answered, one entry more in its list and nothing else moved), and at the end
 * every resource must read exactly as last read and every collection count as many entries as
 * accepted, so nothing a refused request did is stored anywhere.
 */
final class StoredState {

  private record Read(String client, JsonNode json) {}

  private final Suite suite;
  private final Map<String, Read> resources = new LinkedHashMap<>();
  private final Map<String, Long> totals = new LinkedHashMap<>();
  private final Map<String, String> totalClients = new LinkedHashMap<>();

  StoredState(Suite suite) {
    this.suite = suite;
  }

  /** Reads {@code path} now, to compare with later. */
  StoredState watch(String client, String path) {
    resources.put(path, new Read(client, read(client, path)));
    return this;
  }

  /** Counts the entries of the page {@code listPath} now ({@code totalElements}). */
  StoredState count(String client, String listPath) {
    totalClients.put(listPath, client);
    totals.put(listPath, total(client, listPath));
    return this;
  }

  /** The resource as last read. */
  JsonNode last(String path) {
    return resources.get(path).json();
  }

  /**
   * An accepted change of {@code path}: read again, its list {@code field} (null: the whole
   * resource is a list) holds {@code growth} entries more than before (an append-only list keeps
   * the old ones unchanged in front); returns the new reading.
   */
  JsonNode changed(String path, String field, int growth, boolean appendOnly) {
    Read before = resources.get(path);
    JsonNode after = read(before.client(), path);
    resources.put(path, new Read(before.client(), after));
    JsonNode old = field == null ? before.json() : before.json().get(field);
    JsonNode now = field == null ? after : after.get(field);
    assertThat(now.size())
        .as(path + " " + field + " after an accepted change")
        .isEqualTo(old.size() + growth);
    if (appendOnly) {
      for (int i = 0; i < old.size(); i++) {
        assertThat(now.get(i))
            .as(path + " " + field + "[" + i + "] unchanged")
            .isEqualTo(old.get(i));
      }
    }
    return after;
  }

  /** An accepted change of {@code path} that adds no entry to any list: read again. */
  void reread(String path) {
    Read before = resources.get(path);
    resources.put(path, new Read(before.client(), read(before.client(), path)));
  }

  /** An accepted create in the page {@code listPath}: it counts one more. */
  void created(String listPath) {
    totals.merge(listPath, 1L, Long::sum);
  }

  /** {@code path} reads exactly as {@code answer} said when it was accepted. */
  void readsAsAnswered(String client, String path, Answer answer) {
    assertThat(read(client, path)).as(path + " as accepted").isEqualTo(asStored(answer.json()));
  }

  private static final Pattern INSTANT =
      Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\d+Z");
  private static final Pattern WHOLE_SECOND =
      Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)\\.000Z");

  /**
   * An answer as the store keeps it: instants to the millisecond (an answer may name the time of a
   * change to the nanosecond; MongoDB keeps milliseconds).
   */
  static JsonNode asStored(JsonNode answer) {
    String millis = INSTANT.matcher(answer.toString()).replaceAll("$1Z");
    return Suite.JSON.readTree(WHOLE_SECOND.matcher(millis).replaceAll("$1Z"));
  }

  /** Everything reads as last read, and every page counts what was accepted. */
  void assertNothingElseStored() {
    resources.forEach(
        (path, last) ->
            assertThat(read(last.client(), path))
                .as(path + " as after the last accepted change (or before the run)")
                .isEqualTo(last.json()));
    totals.forEach(
        (listPath, expected) ->
            assertThat(total(totalClients.get(listPath), listPath))
                .as(listPath + ": entries before the run plus those accepted")
                .isEqualTo(expected));
  }

  private JsonNode read(String client, String path) {
    Answer answer = suite.get(client, path);
    assertThat(answer.status()).as("GET " + path + " " + answer).isEqualTo(200);
    return answer.json();
  }

  private long total(String client, String listPath) {
    Answer page = suite.get(client, listPath + (listPath.contains("?") ? "&" : "?") + "size=1");
    assertThat(page.status()).as("GET " + listPath + " " + page).isEqualTo(200);
    assertThat(page.json().has("totalElements")).as(page.toString()).isTrue();
    return page.json().get("totalElements").asLong();
  }
}

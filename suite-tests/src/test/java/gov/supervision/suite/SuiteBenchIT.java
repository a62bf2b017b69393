package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.suite.Suite.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Figures of the whole suite, run only on request ({@code bench/event-latency.sh}, {@code
 * bench/write-path.sh}): never part of {@code verify}, never asserted against a time.
 */
@Tag("bench")
class SuiteBenchIT {

  static final Suite suite = Suite.get();

  /**
   * Change -> notification in the inbox over 1,000 changes paced at {@code bench.changesPerSecond}
   * (default 20/s, a sustained rate, so the figure is latency rather than a backlog): each change
   * is an item entering ASSIGNED through the gateway; its latency is the notification's {@code
   * createdAt} minus the moment the request was sent (one machine, one clock).
   */
  @Test
  void eventLatencyChangeToInbox() {
    int changes = Integer.getInteger("bench.changes", 1_000);
    List<String> items = publishedItems(changes);
    Map<String, Instant> sent = new HashMap<>();
    long pacingNanos = 1_000_000_000L / Integer.getInteger("bench.changesPerSecond", 20);
    long next = System.nanoTime();
    for (String item : items) {
      while (System.nanoTime() < next) {
        Thread.onSpinWait();
      }
      next += pacingNanos;
      sent.put("/api/items/" + item, Instant.now());
      Answer answer =
          suite.post(
              "inspector",
              "/api/items/" + item + "/transitions",
              Map.of("to", "ASSIGNED", "note", "专人盯办", "assignee", "lead-jw"));
      assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }
    List<Long> micros = latenciesToInbox(sent, Duration.ofSeconds(1));
    report(
        "event-latency",
        String.format(
            "change -> inbox over %d changes at %d/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
            changes,
            Integer.getInteger("bench.changesPerSecond", 20),
            pct(micros, 50) / 1e3,
            pct(micros, 99) / 1e3,
            pct(micros, 100) / 1e3));
  }

  /**
   * Sustained item transitions per second through the gateway: rising concurrency, 15 s each, until
   * p99 passes 1 s; reports the best throughput with p99 under 1 s.
   */
  @Test
  void writePathTransitionsPerSecond() throws Exception {
    String best = "none";
    double bestPerSecond = 0;
    for (int threads : List.of(2, 4, 8, 16)) {
      List<String> items = publishedItems(threads * 200);
      AtomicInteger next = new AtomicInteger();
      List<Long> micros = Collections.synchronizedList(new ArrayList<>());
      long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> workers = new ArrayList<>();
      long began = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  while (System.nanoTime() < end) {
                    int i = next.getAndIncrement();
                    if (i >= items.size()) {
                      return;
                    }
                    long t0 = System.nanoTime();
                    Answer answer =
                        suite.post(
                            "inspector",
                            "/api/items/" + items.get(i) + "/transitions",
                            Map.of("to", "ASSIGNED", "note", "压测"));
                    micros.add((System.nanoTime() - t0) / 1_000);
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      pool.shutdown();
      double seconds = (System.nanoTime() - began) / 1e9;
      double perSecond = micros.size() / seconds;
      double p99 = pct(micros, 99) / 1e3;
      String line =
          String.format(
              "%d clients: %.0f transitions/s, p50 %.1f ms, p99 %.1f ms",
              threads, perSecond, pct(micros, 50) / 1e3, p99);
      System.out.println("[bench] " + line);
      if (p99 >= 1_000) {
        break;
      }
      if (perSecond > bestPerSecond) {
        bestPerSecond = perSecond;
        best = line;
      }
    }
    report("write-path", "best with p99 < 1 s: " + best);
  }

  /**
   * What a person's session costs compared with a bearer token: the same read ({@code GET
   * /api/checklists?size=1}) through the gateway, one connection each, alternating session and
   * bearer calls so both see the same machine; then the gateway's resident memory before and after
   * {@code bench.people} (default 200) people signed in and used their sessions.
   */
  @Test
  void sessionCallVersusBearerCall() throws Exception {
    int calls = Integer.getInteger("bench.calls", 3_000);
    String url = suite.stack.gatewayUrl() + "/api/checklists?size=1";
    Person person = new Person();
    person.signIn(suite.stack.gatewayUrl() + "/", "inspector");
    java.net.http.HttpRequest bearer =
        suite.authorized("inspector", "/api/checklists?size=1").GET().build();
    List<Long> session = new ArrayList<>();
    List<Long> token = new ArrayList<>();
    for (int i = 0; i < calls + 300; i++) {
      long t0 = System.nanoTime();
      java.net.http.HttpResponse<String> viaSession = person.get(url);
      long t1 = System.nanoTime();
      Answer viaToken = suite.send(bearer);
      long t2 = System.nanoTime();
      assertThat(viaSession.statusCode()).as(viaSession.body()).isEqualTo(200);
      assertThat(viaToken.status()).as(viaToken.toString()).isEqualTo(200);
      if (i >= 300) { // the first calls warm up both paths
        session.add((t1 - t0) / 1_000);
        token.add((t2 - t1) / 1_000);
      }
    }

    int people = Integer.getInteger("bench.people", 200);
    long before = gatewayResidentBytes();
    List<Person> signedIn = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      Person next = new Person();
      next.signIn(suite.stack.gatewayUrl() + "/", "lead-jw");
      assertThat(next.get(url.replace("checklists?size=1", "me")).statusCode()).isEqualTo(200);
      signedIn.add(next);
    }
    long after = gatewayResidentBytes();
    report(
        "session-vs-bearer",
        String.format(
            "%d calls on one connection each: session p50 %.2f ms p99 %.2f ms, bearer p50 %.2f ms"
                + " p99 %.2f ms, added p50 %.2f ms p99 %.2f ms; gateway RSS %d MB -> %d MB with %d"
                + " sessions (%+d MB)",
            calls,
            pct(session, 50) / 1e3,
            pct(session, 99) / 1e3,
            pct(token, 50) / 1e3,
            pct(token, 99) / 1e3,
            (pct(session, 50) - pct(token, 50)) / 1e3,
            (pct(session, 99) - pct(token, 99)) / 1e3,
            before >> 20,
            after >> 20,
            signedIn.size(),
            (after - before) >> 20));
  }

  private static long gatewayResidentBytes() {
    return suite.stack.processes().stream()
        .filter(p -> p.name().equals("gateway"))
        .findFirst()
        .flatMap(gov.supervision.localstack.ManagedProcess::residentBytes)
        .orElseThrow();
  }

  /**
   * {@code count} published items, in checklists of 50 (a publication of a much larger checklist
   * takes longer than the gateway's 3 s limit on this machine; see docs/benchmarks.md).
   */
  static List<String> publishedItems(int count) {
    List<String> ids = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int start = 0; start < count; start += 50) {
        int size = Math.min(50, count - start);
        String checklistId = suite.draftChecklist("基准测试清单");
        List<Future<Answer>> adds =
            IntStream.range(0, size)
                .mapToObj(
                    i ->
                        pool.submit(
                            () -> {
                              Map<String, Object> item = new HashMap<>();
                              item.put("focusArea", "OTHER");
                              item.put("content", "基准 " + i);
                              item.put("requirements", "无");
                              item.put("responsibleUnit", "JW");
                              item.put("responsiblePerson", "lead-jw");
                              item.put("method", "ROUTINE_CHECK");
                              item.put("dueDate", LocalDate.now().plusDays(90).toString());
                              return suite.post(
                                  "inspector", "/api/checklists/" + checklistId + "/items", item);
                            }))
                .toList();
        for (Future<Answer> add : adds) {
          ids.add(add.get().id());
        }
        Answer published =
            suite.post("inspector", "/api/checklists/" + checklistId + "/publish", Map.of());
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
      }
      return ids;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Change -> inbox latency of each change in {@code sent} (the link of the changed item -> when
   * its request was sent): the {@code createdAt} of lead-jw's ITEM_ASSIGNED notification about it
   * minus that moment, in microseconds; waits (reading the inbox every {@code pollEvery}) until
   * every change has its notification.
   */
  static List<Long> latenciesToInbox(Map<String, Instant> sent, Duration pollEvery) {
    Map<String, Instant> created = inboxTimes(sent, pollEvery);
    List<Long> micros = new ArrayList<>();
    sent.forEach(
        (link, at) -> micros.add(Duration.between(at, created.get(link)).toNanos() / 1_000));
    return micros;
  }

  /**
   * The {@code createdAt} of lead-jw's ITEM_ASSIGNED notification about each link in {@code sent};
   * waits (reading the inbox every {@code pollEvery}) until every link has one.
   */
  static Map<String, Instant> inboxTimes(Map<String, Instant> sent, Duration pollEvery) {
    Map<String, Instant> created = new ConcurrentHashMap<>();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(pollEvery)
        .until(
            () -> {
              for (JsonNode n : inbox("lead-jw", "ITEM_ASSIGNED")) {
                String link = n.get("link").asString();
                if (sent.containsKey(link)) {
                  created.put(link, Instant.parse(n.get("createdAt").asString()));
                }
              }
              return created.size() == sent.size();
            });
    return created;
  }

  static List<JsonNode> inbox(String client, String type) {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode content =
          suite
              .get(client, "/api/notifications/inbox?type=" + type + "&size=500&page=" + page)
              .json()
              .get("content");
      content.forEach(all::add);
      if (content.size() < 500) {
        return all;
      }
    }
  }

  static double pct(List<Long> values, int percentile) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  static void report(String name, String line) {
    String out = "[bench] " + name + ": " + line;
    System.out.println(out);
    try {
      Path file =
          Path.of(System.getProperty("suite.repositoryRoot", ".."))
              .resolve("target/bench-" + name + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file, out + "\n", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

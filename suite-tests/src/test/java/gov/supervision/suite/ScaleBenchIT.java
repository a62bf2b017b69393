package gov.supervision.suite;

import static gov.supervision.suite.SuiteBenchIT.pct;
import static gov.supervision.suite.SuiteBenchIT.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.CloudEventHeaders;
import gov.supervision.contracts.EventType;
import gov.supervision.contracts.Topics;
import gov.supervision.suite.Suite.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Figures of the suite at a city's scale, run only on request ({@code bench/checklist-scale.sh},
 * {@code bench/sustained-notifications.sh}): the annual checklist of 1,000 items imported and
 * published, a 1,000-row cadre file imported, and changes at a sustained rate into the inbox. Never
 * part of {@code verify}, never asserted against a time. Run with {@code
 * -Dsuite.lightScanInterval=60s}, the production interval, so the figures are not the test suite's
 * fast light scan.
 */
@Tag("bench")
class ScaleBenchIT {

  static final Suite suite = Suite.get();
  private static final String[] UNITS = {"FGW", "JW", "CZJ", "RSJ", "ZJJ", "WJW", "JGDW"};

  /**
   * Three rounds of: a workbook of {@code bench.items} (default 1,000) rows imported into a new
   * draft, then the draft published, both through the gateway (its limit is 3 s). When the gateway
   * gives up (504), the time until every item is published is measured by reading the checklist
   * until it is.
   */
  @Test
  void importAndPublishLargeChecklist() {
    int rows = Integer.getInteger("bench.items", 1_000);
    List<String> rounds = new ArrayList<>();
    for (int round = 1; round <= 3; round++) {
      String checklistId = suite.draftChecklist("年度重点事项清单");
      byte[] workbook = itemWorkbook(rows);
      long t0 = System.nanoTime();
      Answer imported =
          suite.upload(
              "inspector",
              "/api/checklists/" + checklistId + "/items/import",
              "年度清单.xlsx",
              workbook);
      long t1 = System.nanoTime();
      assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
      Answer published =
          suite.post("inspector", "/api/checklists/" + checklistId + "/publish", Map.of());
      long t2 = System.nanoTime();
      String done = "";
      if (published.status() != 200) {
        awaitAllPublished(checklistId, rows);
        done = String.format(", all items published after %.2f s", (System.nanoTime() - t1) / 1e9);
      } else {
        assertThat(publishedCount(checklistId)).isEqualTo(rows);
      }
      rounds.add(
          String.format(
              "round %d: import %.2f s (%d), publish %.2f s (%d)%s",
              round,
              (t1 - t0) / 1e9,
              imported.status(),
              (t2 - t1) / 1e9,
              published.status(),
              done));
    }
    report(
        "checklist-scale",
        rows + "-item checklist through the gateway: " + String.join("; ", rounds));
  }

  /** Three rounds of a {@code bench.items}-row cadre file (.xlsx) imported through the gateway. */
  @Test
  void importCadreWorkbook() {
    int rows = Integer.getInteger("bench.items", 1_000);
    List<String> rounds = new ArrayList<>();
    for (int round = 1; round <= 3; round++) {
      byte[] workbook = cadreWorkbook(rows);
      long t0 = System.nanoTime();
      Answer imported = suite.upload("admin", "/api/cadres/import", "干部名册.xlsx", workbook);
      long t1 = System.nanoTime();
      assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
      assertThat(imported.json().get("imported").asInt()).isEqualTo(rows);
      rounds.add(String.format("round %d: %.2f s", round, (t1 - t0) / 1e9));
    }
    report(
        "cadre-import",
        rows + "-row cadre workbook through the gateway: " + String.join("; ", rounds));
  }

  /**
   * Changes sent at a fixed rate whatever the answers do (an open loop: a slow answer does not slow
   * the next change down), for {@code bench.seconds} (default 60) at each rate of {@code
   * bench.rates} (default 20 and 200 per second); each change is an item entering ASSIGNED through
   * the gateway, and its latency is the notification's {@code createdAt} minus the moment its
   * request was sent (one machine, one clock).
   */
  @Test
  void sustainedChangesToInbox() throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 60);
    List<Integer> rates =
        List.of(System.getProperty("bench.rates", "20,200").split(",")).stream()
            .map(String::strip)
            .map(Integer::valueOf)
            .toList();
    int total = rates.stream().mapToInt(r -> r * seconds).sum();
    List<String> items = publishedItems(total);
    awaitNotificationsCaughtUp();
    int offset = 0;
    for (int rate : rates) {
      List<String> batch = items.subList(offset, offset + rate * seconds);
      offset += batch.size();
      report("sustained-inbox-" + rate, sustained(batch, rate, seconds));
      awaitNotificationsCaughtUp();
    }
  }

  private String sustained(List<String> items, int rate, int seconds) throws Exception {
    try (TopicTimes onTopic = new TopicTimes()) {
      return sustained(items, rate, seconds, onTopic);
    }
  }

  private String sustained(List<String> items, int rate, int seconds, TopicTimes onTopic)
      throws Exception {
    Map<String, Instant> sent = new ConcurrentHashMap<>();
    List<CompletableFuture<Long>> answers = new ArrayList<>();
    Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    String body = "{\"to\":\"ASSIGNED\",\"note\":\"专人盯办\",\"assignee\":\"lead-jw\"}";
    long periodNanos = 1_000_000_000L / rate;
    long began = System.nanoTime();
    for (int i = 0; i < items.size(); i++) {
      long due = began + i * periodNanos;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        if (wait > 200_000) {
          LockSupport.parkNanos(wait - 100_000);
        } else {
          Thread.onSpinWait();
        }
      }
      String link = "/api/items/" + items.get(i);
      HttpRequest request =
          suite
              .authorized("inspector", link + "/transitions")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      long t0 = System.nanoTime();
      sent.put(link, Instant.now());
      answers.add(
          suite
              .http
              .sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
              .thenApply(
                  response -> {
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                    if (response.statusCode() != 200) {
                      sent.remove(link); // no change, so no notification to wait for
                    }
                    return (System.nanoTime() - t0) / 1_000;
                  }));
    }
    double sendSeconds = (System.nanoTime() - began) / 1e9;
    List<Long> answerMicros =
        answers.stream().map(CompletableFuture::join).collect(Collectors.toList());
    awaitNotificationsCaughtUp(); // reading the inbox before would compete with the backlog
    Map<String, Instant> created = SuiteBenchIT.inboxTimes(sent, Duration.ofSeconds(5));
    List<Long> micros = new ArrayList<>();
    List<Long> toTopic = new ArrayList<>();
    List<Long> fromTopic = new ArrayList<>();
    sent.forEach(
        (link, at) -> {
          micros.add(Duration.between(at, created.get(link)).toNanos() / 1_000);
          Instant published = onTopic.times.get(link);
          if (published != null) {
            toTopic.add(Duration.between(at, published).toNanos() / 1_000);
            fromTopic.add(Duration.between(published, created.get(link)).toNanos() / 1_000);
          }
        });
    return String.format(
        "change -> inbox, %d changes sent at %d/s for %d s (achieved %.1f/s): p50 %.1f ms, p90"
            + " %.1f ms, p99 %.1f ms, max %.1f ms; answers p50 %.1f ms, p99 %.1f ms, by status %s;"
            + " change -> on the topic (%d seen) p50 %.1f ms, p99 %.1f ms; topic -> inbox p50 %.1f"
            + " ms, p99 %.1f ms",
        items.size(),
        rate,
        seconds,
        items.size() / sendSeconds,
        pct(micros, 50) / 1e3,
        pct(micros, 90) / 1e3,
        pct(micros, 99) / 1e3,
        pct(micros, 100) / 1e3,
        pct(answerMicros, 50) / 1e3,
        pct(answerMicros, 99) / 1e3,
        new java.util.TreeMap<>(statuses),
        toTopic.size(),
        pct(toTopic, 50) / 1e3,
        pct(toTopic, 99) / 1e3,
        pct(fromTopic, 50) / 1e3,
        pct(fromTopic, 99) / 1e3);
  }

  /**
   * When each item's ITEM_ASSIGNED event reached the checklist topic (its record's timestamp, set
   * by checklist-service's relay when it sends), by the item's link; read from the end of the topic
   * as it stood when created, until closed.
   */
  private static final class TopicTimes implements AutoCloseable {

    final Map<String, Instant> times = new ConcurrentHashMap<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread reader = new Thread(this::read, "bench-topic-times");

    TopicTimes() throws InterruptedException {
      reader.start();
      assertThat(positioned.await(1, TimeUnit.MINUTES)).as("at the topic's end").isTrue();
    }

    private void read() {
      try (KafkaConsumer<String, String> consumer = suite.consumerFromEarliest()) {
        List<TopicPartition> partitions =
            consumer.partitionsFor(Topics.CHECKLIST).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end before the changes begin
        positioned.countDown();
        while (open.get()) {
          for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            if (EventType.ITEM_ASSIGNED
                .ceType()
                .equals(Suite.header(record, CloudEventHeaders.TYPE))) {
              times.putIfAbsent(
                  "/api/items/" + record.key(), Instant.ofEpochMilli(record.timestamp()));
            }
          }
        }
      }
    }

    @Override
    public void close() throws InterruptedException {
      open.set(false);
      reader.join(Duration.ofSeconds(10).toMillis());
    }
  }

  /**
   * {@code count} published items of unit JW (lead-jw responsible), imported in checklists of up to
   * 1,000 and published directly at checklist-service (set-up, not measured, so no gateway limit
   * applies).
   */
  private static List<String> publishedItems(int count) {
    List<String> ids = new ArrayList<>();
    for (int start = 0; start < count; start += 1_000) {
      int size = Math.min(1_000, count - start);
      String checklistId = suite.draftChecklist("基准测试清单");
      Answer imported =
          suite.upload(
              "inspector",
              "/api/checklists/" + checklistId + "/items/import",
              "基准.xlsx",
              workbook(size, i -> "JW"));
      assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
      HttpRequest publish =
          HttpRequest.newBuilder(
                  URI.create(
                      suite.stack.serviceUrl("checklist-service")
                          + "/api/checklists/"
                          + checklistId
                          + "/publish"))
              .timeout(Duration.ofMinutes(5))
              .header("Authorization", "Bearer " + suite.token("inspector"))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      Answer published = suite.send(publish);
      assertThat(published.status()).as(published.toString()).isEqualTo(200);
      suite
          .get("inspector", "/api/checklists/" + checklistId)
          .json()
          .get("items")
          .forEach(item -> ids.add(item.get("id").asString()));
    }
    assertThat(ids).hasSize(count);
    Collections.shuffle(ids);
    return ids;
  }

  /**
   * Waits until notification-service has consumed everything on its topics and nothing new arrived
   * for a few seconds (the relays are done with the set-up's events).
   */
  private static void awaitNotificationsCaughtUp() throws Exception {
    try (Admin admin = Admin.create(suite.operatorLogin())) {
      long[] lastEnd = {-1};
      await()
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofSeconds(3))
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin
                        .listConsumerGroupOffsets("notification-service")
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
                var ends =
                    admin
                        .listOffsets(
                            committed.keySet().stream()
                                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all()
                        .get(30, TimeUnit.SECONDS);
                long end = ends.values().stream().mapToLong(e -> e.offset()).sum();
                long lag =
                    committed.entrySet().stream()
                        .mapToLong(e -> ends.get(e.getKey()).offset() - e.getValue().offset())
                        .sum();
                boolean quiet = lag == 0 && end == lastEnd[0];
                lastEnd[0] = end;
                return quiet;
              });
    }
  }

  private static void awaitAllPublished(String checklistId, int rows) {
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> publishedCount(checklistId) == rows);
  }

  private static long publishedCount(String checklistId) {
    Answer checklist = suite.get("inspector", "/api/checklists/" + checklistId);
    if (checklist.status() != 200) {
      return -1; // the service is still busy
    }
    JsonNode items = checklist.json().get("items");
    long published = 0;
    for (JsonNode item : items) {
      if (item.get("published").asBoolean()) {
        published++;
      }
    }
    return published;
  }

  /** An annual checklist's workbook: rows spread over the reference units. */
  private static byte[] itemWorkbook(int rows) {
    return workbook(rows, i -> UNITS[i % UNITS.length]);
  }

  private static byte[] workbook(int rows, IntFunction<String> unit) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"聚焦领域", "监督内容", "工作要求", "责任主体", "责任人", "监督方式", "完成时限", "定期报告"});
    String due = LocalDate.now().plusDays(90).toString();
    for (int i = 1; i <= rows; i++) {
      String code = unit.apply(i);
      lines.add(
          new String[] {
            "OTHER",
            "年度重点事项第 " + i + " 项：落实整改责任",
            "按期报送进展，留存佐证材料",
            code,
            "lead-" + code.toLowerCase(Locale.ROOT),
            "ROUTINE_CHECK",
            due,
            ""
          });
    }
    return xlsx("重点事项", lines);
  }

  private static byte[] cadreWorkbook(int rows) {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"编号", "姓名", "单位", "职务"});
    for (int i = 1; i <= rows; i++) {
      lines.add(new String[] {"C-" + run + "-" + i, "干部" + i, UNITS[i % UNITS.length], "科长"});
    }
    return xlsx("干部名册", lines);
  }

  private static byte[] xlsx(String sheetName, List<String[]> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Sheet sheet = book.createSheet(sheetName);
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        String[] values = rows.get(r);
        for (int c = 0; c < values.length; c++) {
          row.createCell(c).setCellValue(values[c]);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

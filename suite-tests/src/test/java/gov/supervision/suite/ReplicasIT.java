package gov.supervision.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.supervision.contracts.EventType;
import gov.supervision.localstack.LocalStack;
import gov.supervision.suite.Suite.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances of every service and two gateways, started as {@code ./run-local.sh --replicas 2}
 * starts them, in a stack of their own: every instance is healthy and answers on its own port, and
 * the instances of a service share its consumer group, each holding partitions of every topic the
 * group reads. Tagged {@code slow}; {@code ./mvnw verify} runs it.
 */
@Tag("slow")
class ReplicasIT {

  /** The services with a Kafka consumer group. */
  static final List<String> CONSUMERS =
      List.of("checklist-service", "evaluation-service", "notification-service");

  /** Per service: a client allowed to read the path asked of each instance. */
  static final Map<String, List<String>> DOORS =
      Map.of(
          "checklist-service", List.of("inspector", "/api/checklists?year=2026"),
          "evaluation-service", List.of("auditor", "/api/access-log"),
          "notification-service", List.of("lead-fgw", "/api/notifications/inbox?size=1"),
          "gateway", List.of("inspector", "/api/checklists?year=2026"));

  static Suite replicated;

  @BeforeAll
  static void startTwoOfEach() {
    // eight service JVMs starting at once on two cores: more time than the suite's usual
    replicated =
        Suite.start(
            // every monthly report due now: the light scan raises one ReportDue per such item
            Suite.stackSettings("--supervision.lights.report-lead=31d")
                .replicas(2)
                .serviceTimeout(Duration.ofSeconds(300)));
  }

  @AfterAll
  static void stop() {
    if (replicated != null) {
      replicated.stack.close();
    }
  }

  @Test
  void everyInstanceIsHealthyAndAnswersOnItsOwnPort() {
    for (String service : LocalStack.SERVICE_NAMES) {
      List<String> urls = replicated.stack.serviceUrls(service);
      assertThat(replicated.stack.instanceNames(service)).containsExactly(service, service + "-2");
      assertThat(Set.copyOf(urls)).as(service + ": a port each").hasSize(2);
      String client = DOORS.get(service).get(0);
      String path = DOORS.get(service).get(1);
      for (String url : urls) {
        Answer health =
            replicated.send(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).build());
        assertThat(health.status()).as(url + " " + health).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        Answer answer =
            replicated.send(
                HttpRequest.newBuilder(URI.create(url + path))
                    .header("Authorization", "Bearer " + replicated.token(client))
                    .build());
        assertThat(answer.status()).as(url + path + " " + answer).isEqualTo(200);
      }
    }
  }

  @Test
  void bothInstancesOfAServiceHoldPartitionsOfEveryTopicItsGroupReads() {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              for (String service : CONSUMERS) {
                assertThat(instancesPerTopic(replicated, service))
                    .as(service + "'s group: the instances holding partitions of each topic")
                    .isNotEmpty()
                    .allSatisfy(
                        (topic, instances) ->
                            assertThat(instances)
                                .as(topic)
                                .containsExactlyInAnyOrderElementsOf(
                                    replicated.stack.instanceNames(service)));
              }
            });
  }

  /**
   * 1,000 changes (20 checklists of 50 items for lead-fgw, published one after another through the
   * first gateway) while the second instance of every service, the gateway's included, is killed
   * ({@code kill -9}) after the 6th publication and started again from the 12th. The items of the
   * first two checklists report monthly: the light scan, on whichever checklist instance holds its
   * lease, raises one ReportDue each.
   */
  @Test
  void aThousandChangesWhileOneInstanceOfEachServiceIsKilledLoseAndDoubleNothing()
      throws Exception {
    String firstGateway = replicated.stack.gatewayUrls().get(0);
    String secondGateway = replicated.stack.gatewayUrls().get(1);
    Person lead = new Person();
    lead.signIn(secondGateway + "/inbox", "lead-fgw");
    assertThat(GatewayInstancesIT.meId(lead, secondGateway)).isEqualTo("lead-fgw");

    List<String> checklists =
        new ArrayList<>(replicated.draftsOfItems(2, 50, Map.of("reportEvery", "MONTHLY")));
    checklists.addAll(replicated.draftsOfItems(18, 50, Map.of()));
    Set<String> items = replicated.itemLinks(checklists);
    Set<String> reporting = replicated.itemLinks(checklists.subList(0, 2));
    assertThat(items).hasSize(1_000);

    List<String> victims =
        LocalStack.SERVICE_NAMES.stream()
            .map(service -> replicated.stack.instanceNames(service).get(1))
            .toList();
    ExecutorService restarts = Executors.newFixedThreadPool(victims.size());
    List<Future<?>> restarted = new ArrayList<>();
    try {
      for (int c = 0; c < checklists.size(); c++) {
        if (c == 6) {
          victims.forEach(replicated.stack::killPart);
          assertThat(GatewayInstancesIT.meId(lead, firstGateway))
              .as("the session made on the killed gateway works on the other")
              .isEqualTo("lead-fgw");
        }
        if (c == 12) {
          victims.forEach(
              victim -> restarted.add(restarts.submit(() -> replicated.stack.restartPart(victim))));
        }
        publish(checklists.get(c));
      }
      for (Future<?> restart : restarted) {
        restart.get(5, TimeUnit.MINUTES);
      }
    } finally {
      restarts.shutdown();
    }
    assertThat(GatewayInstancesIT.meId(lead, secondGateway))
        .as("and on the killed gateway once it is back")
        .isEqualTo("lead-fgw");

    List<String> published =
        settled(() -> replicated.notices("lead-fgw", "ITEM_PUBLISHED", items), 1_000);
    assertThat(published).hasSize(1_000);
    assertThat(new HashSet<>(published)).as("each item's publication noticed once").hasSize(1_000);
    List<String> reportsDue =
        settled(() -> replicated.notices("lead-fgw", "REPORT_DUE", reporting), 100);
    assertThat(reportsDue).hasSize(100);
    assertThat(new HashSet<>(reportsDue)).as("each scan alert once").hasSize(100);

    Map<String, Set<String>> publications = eventIdsBySubject(EventType.ITEM_PUBLISHED);
    Map<String, Set<String>> reports = eventIdsBySubject(EventType.REPORT_DUE);
    for (String link : items) {
      String itemId = link.substring("/api/items/".length());
      assertThat(publications.get(itemId)).as("events published of " + itemId).hasSize(1);
      if (reporting.contains(link)) {
        assertThat(reports.get(itemId)).as("ReportDue events of " + itemId).hasSize(1);
      }
    }
    bothInstancesOfAServiceHoldPartitionsOfEveryTopicItsGroupReads();
  }

  /**
   * Publishes a checklist through the first gateway, asking again while an instance is away (a POST
   * is never retried by the gateway). A 409 after a failed try means the try had published it
   * before its instance died; the light scan completes such a publication.
   */
  private static void publish(String checklistId) {
    AtomicInteger tries = new AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(
            () -> {
              boolean triedBefore = tries.getAndIncrement() > 0;
              int status =
                  replicated
                      .post("inspector", "/api/checklists/" + checklistId + "/publish", Map.of())
                      .status();
              return status == 200 || (status == 409 && triedBefore);
            });
  }

  /**
   * What {@code notices} lists once it reached {@code expected} entries and then stayed the same
   * over ten seconds (long enough for a late duplicate to show).
   */
  private static List<String> settled(Callable<List<String>> notices, int expected)
      throws InterruptedException {
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(notices.call()).hasSizeGreaterThanOrEqualTo(expected));
    List<String> before = read(notices);
    while (true) {
      Thread.sleep(10_000);
      List<String> now = read(notices);
      if (now.size() == before.size()) {
        return now;
      }
      before = now;
    }
  }

  /** {@code notices}, asked again while a service catching up answers 504. */
  private static List<String> read(Callable<List<String>> notices) {
    AtomicReference<List<String>> read = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> read.set(notices.call()));
    return read.get();
  }

  /**
   * Every event of {@code type} on its topic, read from the beginning to the end by the operator:
   * the distinct {@code ce_id}s per subject (a record sent again after a kill keeps its id).
   */
  private static Map<String, Set<String>> eventIdsBySubject(EventType type) {
    Map<String, Set<String>> ids = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = replicated.consumerFromEarliest()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(type.topic()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          if (type.ceType().equals(Suite.header(record, "ce_type"))) {
            ids.computeIfAbsent(Suite.header(record, "ce_subject"), s -> new HashSet<>())
                .add(Suite.header(record, "ce_id"));
          }
        }
      }
    }
    return ids;
  }

  /**
   * Per topic the consumer group {@code group} reads: the instances (by their Kafka client id, the
   * instance name plus the listener thread's number) holding at least one of its partitions.
   */
  static Map<String, Set<String>> instancesPerTopic(Suite suite, String group) throws Exception {
    try (Admin admin = Admin.create(new HashMap<>(suite.operatorLogin()))) {
      ConsumerGroupDescription description =
          admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
      Map<String, Set<String>> holders = new TreeMap<>();
      for (MemberDescription member : description.members()) {
        String instance = member.clientId().replaceFirst("-\\d+$", "");
        member
            .assignment()
            .topicPartitions()
            .forEach(
                partition ->
                    holders
                        .computeIfAbsent(partition.topic(), topic -> new TreeSet<>())
                        .add(instance));
      }
      return holders;
    }
  }
}

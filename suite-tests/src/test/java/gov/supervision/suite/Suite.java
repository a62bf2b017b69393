package gov.supervision.suite;

import gov.supervision.contracts.DemoIdentity;
import gov.supervision.localstack.LocalStack;
import gov.supervision.localstack.LocalStackBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite for one test JVM, started exactly as {@code ./run-local.sh} starts it (the same
 * {@link LocalStack} launcher) but on free ports and in a scratch directory, plus a small HTTP
 * client that talks to it through the gateway with real tokens from the issuer.
 */
final class Suite {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static volatile Suite instance;

  final LocalStack stack;

  /**
   * Ports of further gateway instances the tests may start ({@link
   * LocalStack#startGatewayInstance}).
   */
  static final List<Integer> EXTRA_GATEWAY_PORTS =
      List.of(gov.supervision.localstack.Ports.free(), gov.supervision.localstack.Ports.free());

  final HttpClient http =
      HttpClient.newBuilder()
          // HTTP/1.1: the JDK client's h2c upgrade attempt on plain HTTP can stall a request
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  private Suite(LocalStack stack) {
    this.stack = stack;
  }

  /** The running suite, started on first use and stopped when the JVM exits. */
  static Suite get() {
    if (instance == null) {
      synchronized (Suite.class) {
        if (instance == null) {
          instance = start();
        }
      }
    }
    return instance;
  }

  private static Suite start() {
    return start(stackSettings().extraGatewayPorts(EXTRA_GATEWAY_PORTS));
  }

  /**
   * A suite of its own with {@code settings} (e.g. {@link #stackSettings()} with replicas); stop it
   * with {@code suite.stack.close()} once done, it is also stopped when the JVM exits.
   */
  static Suite start(LocalStackBuilder settings) {
    LocalStack stack = settings.build();
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "suite-stop"));
    stack.start();
    return new Suite(stack);
  }

  /**
   * The settings of the suite's stacks: free ports, a scratch directory, fast scans; {@code
   * moreServiceArguments} after the usual ones.
   */
  static LocalStackBuilder stackSettings(String... moreServiceArguments) {
    Path root =
        Path.of(System.getProperty("suite.repositoryRoot", "..")).toAbsolutePath().normalize();
    List<String> arguments =
        new java.util.ArrayList<>(
            List.of(
                // the scale benchmarks run it at the production interval (60s)
                "--supervision.lights.scan-interval="
                    + System.getProperty("suite.lightScanInterval", "2s"),
                "--supervision.lights.scan-initial-delay=1s",
                // the load of these tests is the point; the limiter has its own gateway IT
                "--supervision.limits.rate.limit-for-period=1000000",
                // token attacks are sent on purpose; the per-address limit is tested on a
                // gateway instance of its own (GatewayInstancesIT)
                "--supervision.limits.anonymous.limit-for-period=1000000",
                "--supervision.people.refresh-skew=2s",
                // the access log's head signed soon, so verify has a witnessed checkpoint
                "--supervision.access-log.checkpoints.interval=2s"));
    arguments.addAll(List.of(moreServiceArguments));
    try {
      return LocalStack.builder()
          .repositoryRoot(root)
          .workDir(Files.createTempDirectory("suite-e2e"))
          // every stack of the run starts from the same extracted builds and class data archives
          .serviceCache(root.resolve("suite-tests/target/service-cache"))
          .freePorts()
          .requireServices(true)
          // people's access tokens end soon, so sign-in tests see them refreshed
          .authArguments(List.of("--localstack.auth.console.access-token-lifetime=10s"))
          .serviceArguments(arguments)
          .serviceTimeout(Duration.ofSeconds(150));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A scope no other checklist of the run has (one checklist per scope and year): eight capital
   * letters, a valid unit code.
   */
  static String uniqueScope() {
    StringBuilder scope = new StringBuilder();
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 8; i++) {
      scope.append((char) ('A' + random.nextInt(26)));
    }
    return scope.toString();
  }

  /** A new draft checklist of this year's scope of its own, made by the inspector; its id. */
  String draftChecklist(String title) {
    Answer created =
        create(
            "inspector",
            "/api/checklists",
            Map.of("year", 2026, "scope", uniqueScope(), "title", title));
    if (created.status() != 201) {
      throw new IllegalStateException("no draft checklist: " + created);
    }
    return created.id();
  }

  /**
   * {@code checklists} draft checklists of {@code itemsEach} items each for lead-fgw (FGW), due in
   * 60 days, with {@code extra} fields; added eight at a time through the gateway. Their ids.
   */
  List<String> draftsOfItems(int checklists, int itemsEach, Map<String, Object> extra)
      throws Exception {
    List<String> ids = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int c = 0; c < checklists; c++) {
        String checklistId = draftChecklist("故障演练清单");
        ids.add(checklistId);
        List<Future<Answer>> adds = new ArrayList<>();
        for (int i = 0; i < itemsEach; i++) {
          Map<String, Object> item =
              Fixtures.item("FGW", "lead-fgw", LocalDate.now().plusDays(60), "批量 " + i);
          item.putAll(extra);
          adds.add(
              pool.submit(
                  () -> create("inspector", "/api/checklists/" + checklistId + "/items", item)));
        }
        for (Future<Answer> add : adds) {
          if (add.get().status() != 201) {
            throw new IllegalStateException("item not added: " + add.get());
          }
        }
      }
    } finally {
      pool.shutdown();
    }
    return ids;
  }

  /** The links ({@code /api/items/<id>}) of every item of the checklists. */
  Set<String> itemLinks(List<String> checklistIds) {
    Set<String> links = new HashSet<>();
    for (String checklistId : checklistIds) {
      Answer checklist = answered(() -> get("inspector", "/api/checklists/" + checklistId));
      checklist.json().get("items").forEach(i -> links.add("/api/items/" + i.get("id").asString()));
    }
    return links;
  }

  /** The links of {@code client}'s notifications of {@code type} that are among {@code ours}. */
  List<String> notices(String client, String type, Set<String> ours) {
    List<String> links = new ArrayList<>();
    for (int page = 0; ; page++) {
      String path = "/api/notifications/inbox?type=" + type + "&size=500&page=" + page;
      // a service started again answers slowly while it catches up (504 at the gateway)
      JsonNode content = answered(() -> get(client, path)).json().get("content");
      content.forEach(
          n -> {
            String link = n.get("link").asString();
            if (ours.contains(link)) {
              links.add(link);
            }
          });
      if (content.size() < 500) {
        return links;
      }
    }
  }

  /**
   * A POST that creates something, with an {@code Idempotency-Key}: asked again with the same key
   * while the answer is a 5xx (the gateway's time limit ran out, an instance went away) or the
   * first try still runs, so it is made once however often it is asked.
   */
  Answer create(String client, String path, Object body) {
    String key = UUID.randomUUID().toString();
    return answered(
        () ->
            send(
                authorized(client, path)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(asJson(body)))
                    .build()),
        answer ->
            answer.status() < 500
                && !(answer.status() == 409 && answer.body().contains("in-progress")));
  }

  /** What {@code call} answers once it is 200, asked again for up to a minute. */
  static Answer answered(Supplier<Answer> call) {
    return answered(call, answer -> answer.status() == 200);
  }

  private static Answer answered(Supplier<Answer> call, Predicate<Answer> done) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    Answer last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = call.get();
        if (done.test(last)) {
          return last;
        }
      } catch (IllegalStateException connectionLost) {
        last = null;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no answer after a minute of trying; last: " + last);
  }

  /**
   * A consumer of the suite's broker, logged in as the operator (the broker's admin), in a group of
   * its own, reading from the earliest record.
   */
  KafkaConsumer<String, String> consumerFromEarliest() {
    Map<String, Object> config = new java.util.HashMap<>(operatorLogin());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "suite-tests-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  /**
   * The operator's Kafka login ({@code bootstrap.servers} included), as a test pokes the broker.
   */
  Map<String, Object> operatorLogin() {
    return stack.kafkaClientProperties(gov.supervision.localstack.kafka.KafkaCredentials.ADMIN);
  }

  /** A record's header as text, or null. */
  static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** A fresh access token of a demo client, with its secret from {@link DemoIdentity}. */
  String token(String client) {
    return tokens.computeIfAbsent(client, this::fetchToken);
  }

  private String fetchToken(String client) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (client + ":" + DemoIdentity.of(client).secret()).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.tokenUri()))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    Answer answer = send(request);
    if (answer.status() != 200) {
      throw new IllegalStateException("no token for " + client + ": " + answer);
    }
    return answer.json().get("access_token").asString();
  }

  Answer get(String client, String path) {
    return send(authorized(client, path).GET().build());
  }

  Answer post(String client, String path, Object body) {
    return send(
        authorized(client, path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(asJson(body)))
            .build());
  }

  Answer put(String client, String path, Object body) {
    return send(
        authorized(client, path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(asJson(body)))
            .build());
  }

  /** A file upload as a browser sends it: multipart/form-data, part {@code file}, UTF-8 name. */
  Answer upload(String client, String path, String fileName, byte[] content) {
    String boundary = "suite-" + UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        authorized(client, path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  Answer delete(String client, String path) {
    return send(authorized(client, path).DELETE().build());
  }

  HttpRequest.Builder authorized(String client, String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
            .timeout(Duration.ofSeconds(20));
    if (client != null) {
      builder.header("Authorization", "Bearer " + token(client));
    }
    return builder;
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String asJson(Object body) {
    return body instanceof String text ? text : JSON.writeValueAsString(body);
  }

  /** A response: status, headers and body. */
  record Answer(int status, Map<String, List<String>> headers, String body) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    String id() {
      return json().get("id").asString();
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
    }
  }
}

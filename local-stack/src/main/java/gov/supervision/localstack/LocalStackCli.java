package gov.supervision.localstack;

import gov.supervision.contracts.DemoIdentity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The command behind {@code ./run-local.sh}: starts the {@link LocalStack} with ports from the
 * environment, prints one ready line, optionally runs the demo seed, and stops everything on Ctrl-C
 * or SIGTERM (or when a part dies).
 *
 * <p>Environment: {@code KAFKA_PORT, KAFKA_CONTROLLER_PORT, MONGO_PORT, AUTH_PORT, SMTP_PORT,
 * MAIL_HTTP_PORT, CHECKLIST_PORT, EVALUATION_PORT, NOTIFICATION_PORT, GATEWAY_PORT, LOCAL_DIR,
 * SERVICE_JAVA_OPTS, INFRA_JAVA_OPTS, INFRA_TIMEOUT, SERVICE_TIMEOUT} (seconds). Options: {@code
 * --seed-script=PATH}, {@code --infra-only}, {@code --services=a,b}, {@code --replicas=N}.
 */
public final class LocalStackCli {

  private LocalStackCli() {}

  /** Runs the stack until stopped; exits 1 when a part fails. */
  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Path root = Path.of(env.getOrDefault("REPO_ROOT", "")).toAbsolutePath().normalize();
    LocalStackBuilder builder =
        LocalStack.builder()
            .repositoryRoot(root)
            .workDir(root.resolve(env.getOrDefault("LOCAL_DIR", ".local")))
            .kafkaPort(port(env, "KAFKA_PORT", 9092))
            .kafkaControllerPort(
                port(env, "KAFKA_CONTROLLER_PORT", port(env, "KAFKA_PORT", 9092) + 1))
            .mongoPort(port(env, "MONGO_PORT", 27017))
            .authPort(port(env, "AUTH_PORT", 9000))
            .smtpPort(port(env, "SMTP_PORT", 2525))
            .mailHttpPort(port(env, "MAIL_HTTP_PORT", 2580))
            .infraTimeout(java.time.Duration.ofSeconds(port(env, "INFRA_TIMEOUT", 90)))
            .serviceTimeout(java.time.Duration.ofSeconds(port(env, "SERVICE_TIMEOUT", 180)));
    for (ServiceDefinition service : ServiceDefinition.SUITE) {
      builder.servicePort(service.name(), port(env, service.portVariable(), service.defaultPort()));
    }
    words(env.get("SERVICE_JAVA_OPTS")).ifPresent(builder::serviceJavaOptions);
    words(env.get("INFRA_JAVA_OPTS")).ifPresent(builder::infraJavaOptions);
    String seedScript = null;
    for (String arg : args) {
      if (arg.startsWith("--seed-script=")) {
        seedScript = arg.substring("--seed-script=".length());
      } else if (arg.startsWith("--replicas=")) {
        builder.replicas(number("--replicas", arg.substring("--replicas=".length())));
      } else if (arg.equals("--infra-only")) {
        builder.infrastructureOnly();
      } else if (arg.startsWith("--services=")) {
        String list = arg.substring("--services=".length());
        builder.services(list.isBlank() ? List.of() : Arrays.asList(list.split(",")));
      } else {
        System.err.println("unknown option " + arg);
        System.exit(2);
      }
    }
    LocalStack stack = builder.build();
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.close();
                  System.out.println("[local-stack] stopped; no process of the stack is left");
                  done.countDown();
                },
                "local-stack-stop"));
    long began = System.nanoTime();
    try {
      stack.start();
    } catch (LocalStackException e) {
      System.err.println("[local-stack] FAILED: " + e.getMessage());
      System.err.println("[local-stack] stack stopped.");
      System.exit(1);
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    printMemory(stack);
    if (!stack.skippedServices().isEmpty()) {
      System.out.println(
          "[local-stack] WARNING: not started (no runnable jar): "
              + String.join(", ", stack.skippedServices()));
    }
    boolean gateway = stack.processes().stream().anyMatch(p -> p.name().equals("gateway"));
    DemoIdentity inspector = DemoIdentity.of("inspector");
    String token =
        "token: curl -s -u "
            + inspector.id()
            + ":"
            + inspector.secret()
            + " -d grant_type=client_credentials "
            + stack.tokenUri();
    String signIn =
        DemoIdentity.ALL.stream()
            .limit(3)
            .map(demo -> demo.id() + " / " + demo.secret())
            .collect(Collectors.joining(", "));
    System.out.printf(
        "[local-stack] READY in %.0f s: %s | %s | mail %s | Ctrl-C stops all%n",
        seconds,
        gateway
            ? "console 工作台 "
                + String.join("/ and ", stack.gatewayUrls()) // each gateway instance
                + "/ (sign in 登录: "
                + signIn
                + " ...) | OpenAPI UI "
                + stack.gatewayUrl()
                + "/swagger-ui.html"
            : "infrastructure only (no gateway), kafka "
                + stack.kafkaBootstrapServers()
                + ", "
                + stack.mongoUri(""),
        token,
        stack.mailMessagesUrl());
    if (seedScript != null) {
      seed(seedScript, stack, root);
    }
    watch(stack);
  }

  private static void seed(String script, LocalStack stack, Path root) throws Exception {
    if (!stack.skippedServices().isEmpty()) {
      System.out.println("[local-stack] seed skipped: not every service is running");
      return;
    }
    ProcessBuilder pb = new ProcessBuilder("bash", script).directory(root.toFile()).inheritIO();
    pb.environment().put("GATEWAY_URL", stack.gatewayUrl());
    pb.environment().put("TOKEN_URL", stack.tokenUri());
    int rc = pb.start().waitFor();
    System.out.println(
        rc == 0
            ? "[local-stack] demo data seeded"
            : "[local-stack] WARNING: seeding failed (exit " + rc + "); the stack keeps running");
  }

  /** Blocks until the JVM is asked to stop; stops the whole stack if one part dies. */
  private static void watch(LocalStack stack) throws InterruptedException {
    while (true) {
      Thread.sleep(1000);
      Optional<ManagedProcess> dead = stack.firstDeadPart();
      if (dead.isPresent()) {
        ManagedProcess part = dead.get();
        System.err.println(
            "[local-stack] FAILED: "
                + part.name()
                + " exited with code "
                + part.exitCode().orElse(-1)
                + "; last lines of its log "
                + part.logFile()
                + ":\n"
                + part.tail(10));
        System.err.println("[local-stack] stopping the stack.");
        System.exit(1);
      }
    }
  }

  private static void printMemory(LocalStack stack) {
    List<String> parts = new ArrayList<>();
    long total = 0;
    for (ManagedProcess process : stack.processes()) {
      Optional<Long> rss = process.residentBytes();
      if (rss.isPresent()) {
        total += rss.get();
        parts.add(process.name() + " " + rss.get() / (1024 * 1024) + " MB");
      }
    }
    if (!parts.isEmpty()) {
      System.out.println(
          "[local-stack] resident memory: "
              + String.join(", ", parts)
              + "; total "
              + total / (1024 * 1024)
              + " MB");
    }
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : number(name, value);
  }

  private static int number(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      System.err.println("[local-stack] " + name + " is not a number: " + value);
      System.exit(2);
      return 0;
    }
  }

  private static Optional<List<String>> words(String value) {
    return value == null || value.isBlank()
        ? Optional.empty()
        : Optional.of(Arrays.asList(value.trim().split("\\s+")));
  }
}

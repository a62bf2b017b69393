package gov.supervision.localstack;

import gov.supervision.localstack.kafka.KafkaBroker;
import gov.supervision.localstack.kafka.KafkaCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * Starts the parts of a stack: the infrastructure, then every instance of the services whose jar is
 * there, each group launched at once and then awaited healthy.
 */
final class StackStarter {

  private final StackConfig config;
  private final StackFiles files;
  private final ServiceCache cache;
  private final ProcessCommands commands;
  private final StackParts parts;
  private final HealthWait health;
  private final BooleanSupplier stopping;
  private volatile KafkaCredentials kafkaCredentials;

  StackStarter(
      StackConfig config,
      StackFiles files,
      ProcessCommands commands,
      StackParts parts,
      HealthWait health,
      BooleanSupplier stopping) {
    this.config = config;
    this.files = files;
    this.cache = new ServiceCache(config, files);
    this.commands = commands;
    this.parts = parts;
    this.health = health;
    this.stopping = stopping;
  }

  /**
   * The instances of the selected services that can start; a service without a runnable jar is
   * added to {@code skipped}, or fails the start when services are required.
   */
  List<ServiceInstance> runnableInstances(List<String> skipped) {
    List<ServiceInstance> runnable = new ArrayList<>();
    for (String name : config.selected()) {
      Optional<String> problem = files.jarProblem(ServiceDefinition.named(name));
      if (problem.isEmpty()) {
        runnable.addAll(config.instancesOf(name));
      } else if (config.requireServices()) {
        throw new LocalStackException(name + ": " + problem.get());
      } else {
        skipped.add(name);
        config.out().accept("WARNING: skipping " + name + ": " + problem.get());
      }
    }
    return runnable;
  }

  void startInfrastructure(StackAddresses addresses) {
    kafkaCredentials(); // before the broker: it and the services share the passwords
    HealthCheck kafkaUp =
        HealthCheck.kafka(
            config.infra().kafka(),
            kafkaCredentials().clientProperties(KafkaCredentials.ADMIN),
            Set.copyOf(KafkaBroker.SUITE_TOPICS));
    HealthCheck authUp = HealthCheck.http(addresses.jwkSetUri(), "\"keys\"");
    HealthCheck mailUp = HealthCheck.http(addresses.mailMessagesUrl(), null);
    awaitAll(
        List.of(
            infrastructure("kafka", commands.kafka(), kafkaUp),
            infrastructure("mongo", commands.mongo(), HealthCheck.tcp(config.infra().mongo())),
            infrastructure("auth", commands.auth(), authUp),
            infrastructure("mail", commands.mail(), mailUp)));
  }

  void startServices(List<ServiceInstance> runnable) {
    Map<String, ServiceCache.Prepared> builds = prepare(runnable);
    List<ManagedProcess> started = new ArrayList<>();
    for (ServiceInstance instance : runnable) {
      List<String> command = commands.service(instance, builds.get(instance.definition().name()));
      started.add(start(instance.name(), instance, command));
    }
    awaitAll(started);
  }

  /**
   * Each service's current build, extracted; the builds without a class data archive are trained
   * first, all at once, so every instance starts from one.
   */
  private Map<String, ServiceCache.Prepared> prepare(List<ServiceInstance> runnable) {
    Map<String, ServiceCache.Prepared> builds = new LinkedHashMap<>();
    Map<String, CompletableFuture<ServiceCache.Prepared>> trainings = new LinkedHashMap<>();
    for (ServiceInstance instance : runnable) {
      String name = instance.definition().name();
      if (!builds.containsKey(name)) {
        ServiceCache.Prepared build = cache.prepare(instance.definition());
        builds.put(name, build);
        if (build.archive().isEmpty()) {
          trainings.put(name, CompletableFuture.supplyAsync(() -> train(instance, build)));
        }
      }
    }
    trainings.forEach((name, training) -> builds.put(name, training.join()));
    return builds;
  }

  private ServiceCache.Prepared train(ServiceInstance instance, ServiceCache.Prepared build) {
    String name = instance.definition().name();
    requireRunning(name);
    long began = System.nanoTime();
    Path log = files.logFile(name + "-training");
    ServiceCache.Training training =
        cache.train(
            build,
            commands.service(instance, build),
            kafkaCredentials().serviceEnvironment(name),
            log);
    if (training.failure() != null) {
      config
          .out()
          .accept(
              String.format(
                  "WARNING: no class data archive for %s (%s, see %s); it starts without one",
                  name, training.failure(), files.display(log)));
      return build;
    }
    config
        .out()
        .accept(
            String.format(
                "made %s's class data archive (%.1f s, once per build)",
                name, (System.nanoTime() - began) / 1e9));
    return training.build();
  }

  /**
   * Starts a gateway named {@code name} on {@code port} with {@code arguments} in place of the
   * usual ones of the same names; waits until it is healthy.
   */
  void startGatewayInstance(String name, int port, List<String> arguments) {
    ServiceInstance gateway = new ServiceInstance(ServiceDefinition.named("gateway"), 1, port);
    List<String> command =
        ProcessCommands.overridden(
            commands.service(gateway, cache.prepare(gateway.definition())), arguments);
    awaitAll(List.of(start(name, gateway, command)));
  }

  /** The passwords of the broker's logins, made on first use in the work directory. */
  KafkaCredentials kafkaCredentials() {
    if (kafkaCredentials == null) {
      kafkaCredentials = KafkaCredentials.loadOrCreate(config.workDir().resolve("kafka"));
    }
    return kafkaCredentials;
  }

  private ManagedProcess infrastructure(String name, List<String> command, HealthCheck check) {
    requireRunning(name);
    return parts.startInfrastructure(
        name, new StackParts.Launch(command, Map.of(), check, config.timeouts().infra()));
  }

  /** Starts a service instance as {@code name}, with only its own service's Kafka login. */
  private ManagedProcess start(String name, ServiceInstance instance, List<String> command) {
    requireRunning(name);
    return parts.startService(
        name,
        new StackParts.Launch(
            command,
            kafkaCredentials().serviceEnvironment(instance.definition().name()),
            HealthCheck.http(instance.url() + "/actuator/health", "\"UP\""),
            config.timeouts().service()));
  }

  private void awaitAll(List<ManagedProcess> started) {
    for (ManagedProcess process : started) {
      StackParts.Launch launch = parts.launch(process.name());
      health.await(process, launch.check(), launch.timeout());
    }
  }

  private void requireRunning(String name) {
    if (stopping.getAsBoolean()) {
      throw new LocalStackException("stack is stopping; not starting " + name);
    }
  }
}

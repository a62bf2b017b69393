package gov.supervision.localstack;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Something a service needs from the stack, and the {@code --name=value} arguments that give it;
 * the property names are the contract with the services.
 */
enum ServiceNeed {
  /** Its own MongoDB database. */
  STORE(
      (stack, instance) ->
          List.of("--spring.mongodb.uri=" + stack.mongoUri(instance.definition().database()))),

  /**
   * The broker, as a client named after the instance (so the groups' members tell which instance
   * holds which partitions); the login goes by environment: a command line is logged and shown by
   * ps.
   */
  KAFKA(
      (stack, instance) ->
          List.of(
              "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrap(),
              "--spring.kafka.client-id=" + instance.name())),

  /** The SMTP server. */
  MAIL(
      (stack, instance) ->
          List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + stack.smtpPort())),

  /**
   * The access log's key file, beside the store and never in it; one for every instance (the first
   * to start makes it).
   */
  ACCESS_LOG_KEY(
      (stack, instance) ->
          List.of("--supervision.access-log.key-file=" + stack.accessLogKeyFile())),

  /**
   * The witness of the access log's checkpoints: every notification instance, the one of the same
   * number first, so that verify still reaches a witness while that one is down.
   */
  ACCESS_LOG_WITNESS(
      (stack, instance) ->
          List.of(
              "--supervision.access-log.witness.urls="
                  + String.join(
                      ",", stack.instanceUrlsFrom("notification-service", instance.number())))),

  /** People sign in at the stack's issuer. */
  SIGN_IN(
      (stack, instance) ->
          List.of(
              "--spring.security.oauth2.client.provider.supervision.issuer-uri="
                  + stack.issuerUri())),

  /** Where the gateway routes: every instance of each routed service, comma-separated. */
  ROUTES(
      (stack, instance) ->
          ServiceDefinition.SUITE.stream()
              .filter(ServiceDefinition::routed)
              .map(
                  routed ->
                      "--supervision.routes."
                          + routed.name()
                          + "="
                          + String.join(",", stack.instanceUrls(routed.name())))
              .toList());

  private final BiFunction<StackAddresses, ServiceInstance, List<String>> arguments;

  ServiceNeed(BiFunction<StackAddresses, ServiceInstance, List<String>> arguments) {
    this.arguments = arguments;
  }

  /** The arguments giving {@code instance} this need on {@code stack}. */
  List<String> arguments(StackAddresses stack, ServiceInstance instance) {
    return arguments.apply(stack, instance);
  }
}

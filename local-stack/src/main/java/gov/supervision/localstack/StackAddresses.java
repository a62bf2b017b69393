package gov.supervision.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where each part of a stack answers, as its clients and the other parts reach it. */
final class StackAddresses {

  private final StackConfig config;

  StackAddresses(StackConfig config) {
    this.config = config;
  }

  /** The issuer ({@code iss} of the tokens), e.g. {@code http://localhost:9000}. */
  String issuerUri() {
    return "http://localhost:" + config.infra().auth();
  }

  String tokenUri() {
    return issuerUri() + "/oauth2/token";
  }

  String jwkSetUri() {
    return issuerUri() + "/oauth2/jwks";
  }

  String kafkaBootstrap() {
    return "127.0.0.1:" + config.infra().kafka();
  }

  String mongoUri(String database) {
    return "mongodb://127.0.0.1:" + config.infra().mongo() + "/" + database;
  }

  int smtpPort() {
    return config.infra().smtp();
  }

  String mailMessagesUrl() {
    return "http://127.0.0.1:" + config.infra().mailHttp() + "/messages";
  }

  /** The access log's key, beside the store and never in it. */
  Path accessLogKeyFile() {
    return config.workDir().resolve("keys").resolve("access-log.key");
  }

  /** The base URL of every instance of the service {@code name}, first one first. */
  List<String> instanceUrls(String name) {
    return config.instancesOf(name).stream().map(ServiceInstance::url).toList();
  }

  /**
   * The base URL of every instance of {@code name}: instance {@code number} first (its last when it
   * has fewer), then the others in their order.
   */
  List<String> instanceUrlsFrom(String name, int number) {
    List<String> urls = instanceUrls(name);
    String own = urls.get(Math.min(number, urls.size()) - 1);
    List<String> ordered = new ArrayList<>(urls.size());
    ordered.add(own);
    urls.stream().filter(url -> !url.equals(own)).forEach(ordered::add);
    return List.copyOf(ordered);
  }

  /** The first instance of {@code name}. */
  ServiceInstance first(String name) {
    return config.instancesOf(ServiceDefinition.named(name).name()).get(0);
  }

  /**
   * Every gateway origin people may sign in through: each gateway instance's, then each extra
   * gateway port's (all registered with the issuer as redirect targets).
   */
  List<String> gatewayUrls() {
    List<String> urls = new ArrayList<>();
    config.instancesOf("gateway").forEach(i -> urls.add("http://localhost:" + i.port()));
    config.extraGatewayPorts().forEach(port -> urls.add("http://localhost:" + port));
    return urls;
  }
}

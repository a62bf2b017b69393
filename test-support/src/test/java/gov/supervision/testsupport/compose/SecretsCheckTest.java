package gov.supervision.testsupport.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs {@code docker/secrets-check.sh} with {@code sh}, exactly with the arguments
 * docker-compose.yml gives it, in good and bad environments: strong secrets of their own pass; an
 * empty, short, default or demo one, or one value used twice, stops the suite (exit 1) with a line
 * naming the variable, and no value ever appears in what it prints.
 */
class SecretsCheckTest {

  /** Where compose mounts the script. */
  static final String SCRIPT_IN_IMAGE = "/opt/supervision/secrets-check.sh";

  private static final SecureRandom RANDOM = new SecureRandom();

  private static Path script;
  private static List<String> arguments;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(root.resolve("docker-compose.yml"))) {
      root = root.getParent();
    }
    script = root.resolve("docker/secrets-check.sh");
    LoaderOptions options = new LoaderOptions();
    try (Reader reader =
        Files.newBufferedReader(root.resolve("docker-compose.yml"), StandardCharsets.UTF_8)) {
      Map<String, Object> compose = new Yaml(new SafeConstructor(options)).load(reader);
      Map<String, Object> check =
          (Map<String, Object>)
              ((Map<String, Object>) compose.get("services")).get("secrets-check");
      List<String> entrypoint = (List<String>) check.get("entrypoint");
      arguments = entrypoint.subList(2, entrypoint.size());
    }
  }

  /** A strong value of its own for every variable, and a user name that is not admin. */
  private static Map<String, String> goodEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    for (String argument : arguments) {
      if (argument.startsWith("login:")) {
        env.put(argument.substring("login:".length()), "kc-operator");
      } else {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        env.put(argument, HexFormat.of().formatHex(bytes));
      }
    }
    return env;
  }

  @Test
  void strongSecretsOfTheirOwnPass() throws Exception {
    Map<String, String> env = goodEnvironment();
    Run run = run(env);
    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout()).contains(arguments.size() + " settings checked");
    assertThat(run.stderr()).isEmpty();
    assertNoValueIn(run, env);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("KEYCLOAK_ADMIN", "admin", "is a default or demo value"),
        Arguments.of("KEYCLOAK_ADMIN", "", "is empty or unset"),
        Arguments.of("KEYCLOAK_ADMIN_PASSWORD", "admin", "is a default or demo value"),
        Arguments.of("KEYCLOAK_ADMIN_PASSWORD", "Admin", "is a default or demo value"),
        Arguments.of("CONSOLE_CLIENT_SECRET", "change-me", "is a default or demo value"),
        Arguments.of("CONSOLE_CLIENT_SECRET", "console-secret", "is a default or demo value"),
        Arguments.of("REALM_INSPECTOR_SECRET", "inspector-secret", "is a default or demo value"),
        Arguments.of("REALM_HR_PASSWORD", "hr-secret", "is a default or demo value"),
        Arguments.of(
            "REALM_ADMIN_SECRET",
            "a-long-enough-value-but-still-the-demo-SECRET".replace("SECRET", "Secret"),
            "is a default or demo value"),
        Arguments.of("SUPERVISION_ACCESS_LOG_KEY", "", "is empty or unset"),
        Arguments.of("KAFKA_ADMIN_PASSWORD", "x".repeat(31), "is shorter than 32 characters"),
        Arguments.of("REALM_AUDITOR_PASSWORD", "Sommer2026!", "is shorter than 32 characters"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("refused")
  void aWeakOrDemoSecretStopsTheSuiteNamingTheVariable(String name, String value, String rule)
      throws Exception {
    Map<String, String> env = goodEnvironment();
    assertThat(env).containsKey(name);
    env.put(name, value);
    Run run = run(env);
    assertThat(run.exit()).as(run.stdout() + run.stderr()).isEqualTo(1);
    assertThat(run.stderr()).contains("secrets-check: " + name + " " + rule).contains("1 refused");
    assertNoValueIn(run, env);
  }

  @Test
  void oneValueUsedForTwoSecretsIsRefused() throws Exception {
    Map<String, String> env = goodEnvironment();
    env.put("KAFKA_EVALUATION_PASSWORD", env.get("KAFKA_CHECKLIST_PASSWORD"));
    Run run = run(env);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.stderr())
        .contains("KAFKA_EVALUATION_PASSWORD has the same value as KAFKA_CHECKLIST_PASSWORD");
    assertNoValueIn(run, env);
  }

  @Test
  void anUnsetVariableIsRefusedAndEveryRefusalIsListed() throws Exception {
    Map<String, String> env = goodEnvironment();
    env.remove("CONSOLE_CLIENT_SECRET");
    env.put("REALM_LEAD_FGW_SECRET", "lead-fgw-secret");
    Run run = run(env);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.stderr())
        .contains("CONSOLE_CLIENT_SECRET is empty or unset")
        .contains("REALM_LEAD_FGW_SECRET is a default or demo value")
        .contains("2 refused");
  }

  /** No value longer than a few characters shows in the output (short ones are common words). */
  private static void assertNoValueIn(Run run, Map<String, String> env) {
    String output = run.stdout() + run.stderr();
    env.values().stream()
        .filter(value -> value.length() >= 6)
        .forEach(value -> assertThat(output).as("the output names no value").doesNotContain(value));
  }

  private record Run(int exit, String stdout, String stderr) {}

  private static Run run(Map<String, String> env) throws Exception {
    List<String> command =
        Stream.concat(Stream.of("sh", script.toString()), arguments.stream()).toList();
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    builder.environment().putAll(env);
    Path out = Files.createTempFile("secrets-check", ".out");
    Path err = Files.createTempFile("secrets-check", ".err");
    try {
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the check ends").isTrue();
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}

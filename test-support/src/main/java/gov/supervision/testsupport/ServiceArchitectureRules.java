package gov.supervision.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The architecture rules every service keeps, checked on the service's main classes (tests left
 * out). A service's {@code ArchitectureTest} extends this class, names its base package and adds
 * only what is its own:
 *
 * <pre>
 * class ArchitectureTest extends ServiceArchitectureRules {
 *   ArchitectureTest() {
 *     super("gov.supervision.checklist");
 *   }
 * }
 * </pre>
 *
 * <p>Each rule fails when the classes it speaks of are missing (ArchUnit's default), so a wrong
 * base package cannot pass unnoticed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureRules {

  /** Where the event records live: the only project code the domain may use besides its own. */
  public static final String EVENT_CONTRACTS = "gov.supervision.contracts..";

  protected final String basePackage;
  protected final JavaClasses classes;
  private final List<String> domainMayAlsoUse;

  /**
   * @param basePackage the service's base package, e.g. {@code gov.supervision.checklist}
   * @param domainMayAlsoUse packages (ArchUnit syntax, e.g. {@code javax.crypto..}) this service's
   *     domain may use besides {@code java..}, itself and the event contracts
   */
  protected ServiceArchitectureRules(String basePackage, String... domainMayAlsoUse) {
    this(
        basePackage,
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage),
        domainMayAlsoUse);
  }

  /** The rules over classes imported elsewhere (this module's own test checks them on fixtures). */
  ServiceArchitectureRules(String basePackage, JavaClasses classes, String... domainMayAlsoUse) {
    this.basePackage = basePackage;
    this.classes = classes;
    this.domainMayAlsoUse = List.of(domainMayAlsoUse);
  }

  /** The domain ({@code <base>.domain}) is plain Java: no framework, no adapter of the service. */
  @Test
  public void theDomainDependsOnlyOnTheJdkItselfAndTheEventContracts() {
    String domain = basePackage + ".domain..";
    String[] allowed =
        Stream.concat(Stream.of("java..", domain, EVENT_CONTRACTS), domainMayAlsoUse.stream())
            .toArray(String[]::new);
    classes()
        .that()
        .resideInAPackage(domain)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(allowed)
        .check(classes);
  }

  /** Dependencies come in through constructors, where a test can see and pass them. */
  @Test
  public void noFieldInjection() {
    GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(classes);
  }

  /** Controllers speak HTTP and call services or stores; they hold no MongoDB or Kafka client. */
  @Test
  public void controllersReachNeitherTheDatabaseNorTheBrokerDirectly() {
    noClasses()
        .that()
        .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
        .or()
        .areAnnotatedWith("org.springframework.stereotype.Controller")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.data.mongodb..",
            "com.mongodb..",
            "org.bson..",
            "org.springframework.kafka..",
            "org.apache.kafka..")
        .check(classes);
  }

  /** Output goes through the logger (with its request id), never to stdout or stderr. */
  @Test
  public void noClassWritesToTheStandardStreams() {
    GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
  }
}

package gov.supervision.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
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

  private static final String VALUE = "org.springframework.beans.factory.annotation.Value";

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

  /**
   * Errors are answered in one place, service-support's {@code ProblemHandler}: a service has no
   * exception advice of its own (it throws {@code Refusal} or {@code ApiProblem}).
   */
  @Test
  public void theServiceHasNoErrorAdviceOfItsOwn() {
    noClasses()
        .should()
        .beAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")
        .orShould()
        .beAnnotatedWith("org.springframework.web.bind.annotation.ControllerAdvice")
        .allowEmptyShould(true)
        .check(classes);
  }

  /** Every Kafka listener of the service lives in its {@code messaging} package. */
  @Test
  public void kafkaListenersLiveInMessaging() {
    methods()
        .that()
        .areAnnotatedWith("org.springframework.kafka.annotation.KafkaListener")
        .should()
        .beDeclaredInClassesThat()
        .resideInAPackage(basePackage + ".messaging..")
        .allowEmptyShould(true)
        .check(classes);
  }

  /**
   * Stores and documents refuse in domain terms ({@code Refusal}), never with an HTTP answer, and
   * are classes over {@code MongoTemplate}, not Spring Data repository interfaces.
   */
  @Test
  public void storesSpeakNoHttpAndAreNoRepositoryInterfaces() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Store")
        .or()
        .haveSimpleNameEndingWith("Document")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework.http..",
            "org.springframework.web..",
            "gov.supervision.support.web..")
        .allowEmptyShould(true)
        .check(classes);
    noClasses()
        .should()
        .beAssignableTo("org.springframework.data.repository.Repository")
        .allowEmptyShould(true)
        .check(classes);
  }

  /** Request and response records are files of their own, not nested in a controller or holder. */
  @Test
  public void requestAndResponseRecordsAreTopLevel() {
    classes()
        .that()
        .haveSimpleNameEndingWith("Request")
        .or()
        .haveSimpleNameEndingWith("Response")
        .and()
        .areRecords()
        .should()
        .beTopLevelClasses()
        .allowEmptyShould(true)
        .check(classes);
  }

  /** Health is Spring Boot's own MongoDB and Kafka indicators; the service adds none. */
  @Test
  public void noHealthIndicatorsOfItsOwn() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("HealthIndicator")
        .allowEmptyShould(true)
        .check(classes);
  }

  /**
   * Settings are {@code @ConfigurationProperties} records in {@code config}, not {@code @Value}.
   */
  @Test
  public void settingsAreTypedPropertiesInConfig() {
    classes()
        .that()
        .areAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
        .should()
        .resideInAPackage(basePackage + ".config..")
        .allowEmptyShould(true)
        .check(classes);
  }

  /** No setting is injected loose with {@code @Value}: it belongs in a properties record. */
  @Test
  public void noSettingIsInjectedWithValue() {
    noFields().should().beAnnotatedWith(VALUE).allowEmptyShould(true).check(classes);
    noCodeUnits()
        .should(
            new ArchCondition<>("take a @Value parameter") {
              @Override
              public void check(JavaCodeUnit item, ConditionEvents events) {
                item.getParameters().stream()
                    .filter(parameter -> parameter.isAnnotatedWith(VALUE))
                    .forEach(
                        parameter ->
                            events.add(
                                SimpleConditionEvent.satisfied(
                                    item, item.getFullName() + " takes a @Value parameter")));
              }
            })
        .allowEmptyShould(true)
        .check(classes);
  }
}

package gov.supervision.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The shared rules pass on classes that keep them and fail, naming the culprit, on those that
 * don't.
 */
class ServiceArchitectureRulesTest {

  static final String GOOD = "gov.supervision.testsupport.archfixture.good";
  static final String BAD = "gov.supervision.testsupport.archfixture.bad";

  static ServiceArchitectureRules rulesOver(String basePackage, String... domainMayAlsoUse) {
    return new ServiceArchitectureRules(
        basePackage, new ClassFileImporter().importPackages(basePackage), domainMayAlsoUse) {};
  }

  @Test
  void classesThatKeepTheRulesPassThemAll() {
    ServiceArchitectureRules rules = rulesOver(GOOD);
    assertThatCode(
            () -> {
              rules.theDomainDependsOnlyOnTheJdkItselfAndTheEventContracts();
              rules.noFieldInjection();
              rules.controllersReachNeitherTheDatabaseNorTheBrokerDirectly();
              rules.noClassWritesToTheStandardStreams();
              rules.theServiceHasNoErrorAdviceOfItsOwn();
              rules.kafkaListenersLiveInMessaging();
              rules.storesSpeakNoHttpAndAreNoRepositoryInterfaces();
              rules.requestAndResponseRecordsAreTopLevel();
              rules.noHealthIndicatorsOfItsOwn();
              rules.settingsAreTypedPropertiesInConfig();
              rules.noSettingIsInjectedWithValue();
            })
        .doesNotThrowAnyException();
  }

  @Test
  void aDomainClassUsingAFrameworkFails() {
    assertThatThrownBy(rulesOver(BAD)::theDomainDependsOnlyOnTheJdkItselfAndTheEventContracts)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyDeadline")
        .hasMessageContaining("org.springframework.util.Assert");
  }

  @Test
  void aPackageTheServiceAllowsItsDomainPasses() {
    assertThatCode(
            rulesOver(BAD, "org.springframework.util..")
                ::theDomainDependsOnlyOnTheJdkItselfAndTheEventContracts)
        .doesNotThrowAnyException();
  }

  @Test
  void fieldInjectionFails() {
    assertThatThrownBy(rulesOver(BAD)::noFieldInjection)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyController.mongo");
  }

  @Test
  void aControllerHoldingAMongoClientFails() {
    assertThatThrownBy(rulesOver(BAD)::controllersReachNeitherTheDatabaseNorTheBrokerDirectly)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("MongoTemplate");
  }

  @Test
  void writingToStdoutFails() {
    assertThatThrownBy(rulesOver(BAD)::noClassWritesToTheStandardStreams)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("System.out");
  }

  @Test
  void aWrongBasePackageFailsInsteadOfPassingOnNothing() {
    assertThatThrownBy(
            rulesOver("gov.supervision.testsupport.archfixture.missing")
                ::theDomainDependsOnlyOnTheJdkItselfAndTheEventContracts)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void anErrorAdviceOfTheServiceFails() {
    assertThatThrownBy(rulesOver(BAD)::theServiceHasNoErrorAdviceOfItsOwn)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyAdvice");
  }

  @Test
  void aKafkaListenerOutsideMessagingFails() {
    assertThatThrownBy(rulesOver(BAD)::kafkaListenersLiveInMessaging)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ItemListener.on");
  }

  @Test
  void aStoreAnsweringInHttpTermsOrARepositoryInterfaceFails() {
    assertThatThrownBy(rulesOver(BAD)::storesSpeakNoHttpAndAreNoRepositoryInterfaces)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ItemStore")
        .hasMessageContaining("ResponseStatusException");
  }

  @Test
  void aNestedResponseRecordFails() {
    assertThatThrownBy(rulesOver(BAD)::requestAndResponseRecordsAreTopLevel)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyAdvice$ConflictResponse");
  }

  @Test
  void aHealthIndicatorOfTheServiceFails() {
    assertThatThrownBy(rulesOver(BAD)::noHealthIndicatorsOfItsOwn)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("MongoPing")
        .hasMessageContaining("PingHealthIndicator");
  }

  @Test
  void settingsOutsideConfigFail() {
    assertThatThrownBy(rulesOver(BAD)::settingsAreTypedPropertiesInConfig)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ItemProperties");
  }

  @Test
  void aSettingInjectedWithValueFails() {
    assertThatThrownBy(rulesOver(BAD)::noSettingIsInjectedWithValue)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ItemListener.<init>(int) takes a @Value parameter");
  }
}

package gov.supervision.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain depends on nothing but the JDK and the event contracts. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("gov.supervision.notification");

  @Test
  void domainHasNoSpring() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "tools.jackson..", "org.bson..", "com.mongodb..")
        .check(classes);
  }

  @Test
  void domainDoesNotReachIntoAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "gov.supervision.notification.rule..",
            "gov.supervision.notification.alert..",
            "gov.supervision.notification.inbox..",
            "gov.supervision.notification.delivery..",
            "gov.supervision.notification.messaging..",
            "gov.supervision.notification.escalation..",
            "gov.supervision.support..")
        .check(classes);
  }
}

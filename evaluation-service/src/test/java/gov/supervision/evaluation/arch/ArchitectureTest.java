package gov.supervision.evaluation.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("gov.supervision.evaluation");

  @Test
  void domainDependsOnNoFramework() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "org.bson..", "com.mongodb..", "jakarta..", "tools.jackson..")
        .check(CLASSES);
  }

  @Test
  void domainDoesNotReachIntoAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("..cadre..", "..dossier..", "..accesslog..", "..messaging..", "..web..")
        .check(CLASSES);
  }
}

package org.crater.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module dependency rules of the design, checked on the compiled classes of every module. */
class ArchitectureTest {

  private static JavaClasses crater;

  @BeforeAll
  static void importClasses() {
    crater =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crater");
  }

  @Test
  void theWebLayerNeverTalksToKubernetes() {
    noClasses()
        .that()
        .resideInAPackage("org.crater.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.kubernetes..", "org.crater.k8s..")
        .check(crater);
  }

  @Test
  void theClusterAdapterKnowsNoCraterModuleAndNoContainer() {
    noClasses()
        .that()
        .resideInAPackage("org.crater.k8s..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.crater.model..",
            "org.crater.ejb..",
            "org.crater.web..",
            "jakarta.persistence..",
            "jakarta.ejb..",
            "jakarta.enterprise..",
            "jakarta.inject..")
        .allowEmptyShould(true)
        .check(crater);
  }

  @Test
  void theModelDependsOnNothingAboveIt() {
    noClasses()
        .that()
        .resideInAPackage("org.crater.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.crater.ejb..", "org.crater.web..", "org.crater.k8s..", "io.kubernetes..")
        .check(crater);
  }

  @Test
  void servicesNeverDependOnTheWebLayer() {
    noClasses()
        .that()
        .resideInAPackage("org.crater.ejb..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.crater.web..")
        .check(crater);
  }

  @Test
  void datasetsKnowNothingOfJobs() {
    noClasses()
        .that()
        .resideInAPackage("org.crater.*.dataset..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.crater.*.job..")
        .check(crater);
  }

  @Test
  void onlyTheV010RoutesUseTheCompatibilityPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.crater.web.compat..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.crater.web.compat..")
        .check(crater);
  }

  @Test
  void featurePackagesHaveNoCycles() {
    slices().matching("org.crater.(*).(*)..").should().beFreeOfCycles().check(crater);
  }
}

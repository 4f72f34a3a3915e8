package org.crater.k8s;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The adapter's boundaries (docs/architecture.md, "Modules"): no other Crater module, no Jakarta EE
 * (no CDI, EJB or JPA), and no cycles between its feature packages.
 */
@AnalyzeClasses(packages = "org.crater.k8s", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noOtherCraterModule =
      noClasses()
          .that()
          .resideInAPackage("org.crater.k8s..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.crater.model..", "org.crater.ejb..", "org.crater.web..", "org.crater.sim..");

  @ArchTest
  static final ArchRule noJakartaEe =
      noClasses()
          .that()
          .resideInAPackage("org.crater.k8s..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta..", "javax.persistence..", "javax.ejb..", "javax.inject..");

  @ArchTest
  static final ArchRule featurePackagesAreAcyclic =
      slices().matching("org.crater.k8s.(*)..").should().beFreeOfCycles();
}

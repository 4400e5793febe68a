package io.paymentnotifier.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.paymentnotifier.cli.App;
import io.paymentnotifier.devstack.DevStackApp;
import picocli.CommandLine.Command;

/**
 * The package rules of ARCHITECTURE (the code's own notes in the README's Development section), as
 * tests over the compiled service and dev-stack classes: a rule broken fails the build.
 */
@AnalyzeClasses(
    packages = "io.paymentnotifier",
    importOptions = ImportOption.DoNotIncludeTests.class)
class PackageRulesTest {

  private static final String ROOT = "io.paymentnotifier";
  private static final String DEV_STACK = ROOT + ".devstack..";
  private static final String CLI = ROOT + ".cli..";

  @ArchTest
  static final ArchRule serviceNeverImportsTheDevStack =
      noClasses()
          .that()
          .resideInAPackage(ROOT + "..")
          .and()
          .resideOutsideOfPackage(DEV_STACK)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(DEV_STACK)
          .because("the service artifact ships without the dev stack");

  @ArchTest
  static final ArchRule serviceNeverUsesTheBrokerOrItsLogging =
      noClasses()
          .that()
          .resideInAPackage(ROOT + "..")
          .and()
          .resideOutsideOfPackage(DEV_STACK)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "kafka..",
              "org.apache.kafka.server..",
              "org.apache.kafka.raft..",
              "org.apache.kafka.metadata..",
              "org.apache.kafka.storage..",
              "org.apache.kafka.coordinator..",
              "scala..",
              "org.apache.logging.log4j..")
          .because("the service's runtime class path holds no broker, Scala or log4j");

  @ArchTest
  static final ArchRule onlyTheTwoAppsHaveMainMethods =
      methods()
          .that()
          .haveName("main")
          .and()
          .areStatic()
          .should()
          .beDeclaredIn(App.class)
          .orShould()
          .beDeclaredIn(DevStackApp.class)
          .because("commands are the only entry points");

  @ArchTest
  static final ArchRule commandsLiveInTheCommandPackages =
      classes()
          .that()
          .areAnnotatedWith(Command.class)
          .should()
          .resideInAnyPackage(CLI, DEV_STACK)
          .because("commands and their option mixins are the entry points, in one place");

  @ArchTest
  static final ArchRule nothingButEntryPointsUsesTheCommands =
      noClasses()
          .that()
          .resideOutsideOfPackages(CLI, DEV_STACK)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(CLI)
          .because("dependencies point inward, away from the entry points");

  @ArchTest
  static final ArchRule innerPackagesKnowNothingOfTheOuterOnes =
      noClasses()
          .that()
          .resideInAnyPackage(
              ROOT + ".notify..", ROOT + ".avro..", ROOT + ".config..", ROOT + ".retry..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".topology..",
              ROOT + ".ops..",
              ROOT + ".dlq..",
              ROOT + ".service..",
              ROOT + ".cli..",
              ROOT + ".publish..",
              ROOT + ".simulator..")
          .because("notify, avro, config and retry are the core the rest builds on");

  @ArchTest
  static final ArchRule theTopologyKnowsNoOperationsOrComposition =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".topology..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ROOT + ".ops..",
              ROOT + ".service..",
              ROOT + ".cli..",
              ROOT + ".publish..",
              ROOT + ".simulator..")
          .because("the topology reports through NotificationObserver; ops implements it");

  @ArchTest
  static final ArchRule onlyEntryPointsComposeTheService =
      noClasses()
          .that()
          .resideInAnyPackage(
              ROOT + ".notify..",
              ROOT + ".avro..",
              ROOT + ".config..",
              ROOT + ".retry..",
              ROOT + ".topology..",
              ROOT + ".ops..",
              ROOT + ".dlq..",
              ROOT + ".simulator..",
              ROOT + ".publish..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + ".service..")
          .because("service holds the composition root, which only commands start");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
}

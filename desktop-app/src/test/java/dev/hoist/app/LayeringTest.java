package dev.hoist.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module borders of DESIGN.md, checked: the engine knows nothing of rules' names, the faces
 * or JavaFX; rules know only the SPI and facts; the CLI never touches JavaFX; the window's view
 * models know JavaFX's properties and collections but not its scene graph. Inside the engine:
 * reading classes knows no facts, facts know no rules, profiles or reports, report writers render
 * what others computed, and no two packages depend on each other in a cycle.
 */
class LayeringTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hoist");
    }

    @Test
    void coreDependsOnNeitherRulesNorFacesNorJavaFx() {
        noClasses().that().resideInAPackage("dev.hoist.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.hoist.rules..", "dev.hoist.app..", "javafx..", "org.jfree..", "picocli..")
                .check(classes);
    }

    @Test
    void rulesSeeOnlyTheCore() {
        noClasses().that().resideInAPackage("dev.hoist.rules..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.hoist.app..", "javafx..", "org.jfree..", "picocli..")
                .check(classes);
    }

    @Test
    void cliNeverTouchesJavaFx() {
        noClasses().that().resideInAPackage("dev.hoist.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "dev.hoist.app.gui..")
                .check(classes);
    }

    @Test
    void viewModelsArePlainJavaWithJavaFxPropertiesOnly() {
        // view models are tested without starting the toolkit: no scene graph, no views, no charts
        noClasses().that().resideInAPackage("dev.hoist.app.gui.vm..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "org.jfree..", "dev.hoist.app.gui.view..")
                .check(classes);
    }

    @Test
    void workloadsAreIndependentOfHoist() {
        noClasses().that().resideInAPackage("dev.hoist.workloads..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hoist.core..", "dev.hoist.rules..", "dev.hoist.app..")
                .check(classes);
    }

    @Test
    void theClassBytesAgentNeedsOnlyTheJdk() {
        // its jar is appended to the target's class path: anything else it used would be missing there
        noClasses().that().resideInAPackage("dev.hoist.agent..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.hoist.agent..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.hoist.core.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("dev.hoist.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("dev.hoist.app.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void readingClassesKnowsNothingAbove() {
        noClasses().that().resideInAPackage("dev.hoist.core.classes..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hoist.core.facts..", "dev.hoist.core.rule..",
                        "dev.hoist.core.advice..", "dev.hoist.core.report..", "dev.hoist.core.profile..",
                        "dev.hoist.core.sampling..", "dev.hoist.core.session..")
                .check(classes);
    }

    @Test
    void factsKnowNeitherRulesNorProfilesNorReports() {
        noClasses().that().resideInAPackage("dev.hoist.core.facts..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hoist.core.rule..", "dev.hoist.core.advice..",
                        "dev.hoist.core.report..", "dev.hoist.core.profile..", "dev.hoist.core.sampling..",
                        "dev.hoist.core.jvm..", "dev.hoist.core.session..")
                .check(classes);
    }

    @Test
    void profilesKnowNoClassFiles() {
        // a recording is read without any class file: samples, frames and methods only (ASM's Type parses descriptors)
        noClasses().that().resideInAPackage("dev.hoist.core.profile..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hoist.core.facts..", "dev.hoist.core.rule..",
                        "dev.hoist.core.advice..", "dev.hoist.core.report..")
                .check(classes);
    }

    @Test
    void reportWritersComputeNoFacts() {
        // writers render what the advisor, the rules and the profile readers computed
        noClasses().that().resideInAPackage("dev.hoist.core.report..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hoist.core.facts..", "dev.hoist.core.sampling..",
                        "dev.hoist.core.jvm..", "org.objectweb.asm..")
                .check(classes);
    }
}

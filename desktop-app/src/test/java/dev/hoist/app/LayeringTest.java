package dev.hoist.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module borders of DESIGN.md, checked: the engine knows nothing of rules' names, the faces
 * or JavaFX; rules know only the SPI and facts; the CLI never touches JavaFX; the window's view
 * models know JavaFX's properties and collections but not its scene graph.
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
}

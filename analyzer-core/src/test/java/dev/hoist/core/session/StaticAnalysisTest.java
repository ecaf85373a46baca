package dev.hoist.core.session;

import dev.hoist.core.advice.TestRules;
import dev.hoist.core.jvm.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The static use case shared by {@code hoist analyze} and the window, on the sample workloads' classes. */
class StaticAnalysisTest {

    @Test
    void analysesTheInputsAndSaysEachProblemOnce(@TempDir Path dir) throws Exception {
        Path classes = Probe.workloadClasspath();
        Path broken = dir.resolve("broken.jar");
        Files.writeString(broken, "PK not really a jar");
        Path missing = dir.resolve("missing.jar");
        StaticAnalysis.Result r = StaticAnalysis.run(List.of(classes, broken), missing + File.pathSeparator,
                List.of(TestRules.EVERY_LOOP), List.of(), 2);
        assertThat(r.classes()).isGreaterThan(10);
        assertThat(r.methodsWithLoops()).isPositive();
        assertThat(r.findings()).isNotEmpty();
        assertThat(r.problems()).anyMatch(p -> p.contains("broken.jar"));
        assertThat(r.problems()).filteredOn(p -> p.contains("missing.jar")).singleElement()
                .satisfies(p -> assertThat(p).contains("not found"));
    }

    /** The result names the inputs' classes, so {@code analyze --profile} knows the user's code without indexing it again. */
    @Test
    void namesTheClassesOfTheInputsNotThoseOfTheLibraries() throws Exception {
        Path classes = Probe.workloadClasspath();
        Path asm = Path.of(org.objectweb.asm.ClassReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        StaticAnalysis.Result r = StaticAnalysis.run(List.of(classes), asm.toString(), List.of(TestRules.EVERY_LOOP), List.of(), 2);
        assertThat(r.classNames()).contains("dev.hoist.workloads.pairs.unsized.CustomerIndex")
                .noneMatch(c -> c.startsWith("org.objectweb.asm."));
        assertThat(r.findings()).isNotEmpty().allMatch(f -> r.classNames().contains(f.className()));
    }

    @Test
    void nothingReadableGivesNoClassesAndTheReason(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.jar");
        Files.writeString(broken, "PK not really a jar");
        StaticAnalysis.Result r = StaticAnalysis.run(List.of(broken), null, List.of(TestRules.EVERY_LOOP), List.of(),
                StaticAnalysis.defaultThreads());
        assertThat(r.classes()).isZero();
        assertThat(r.findings()).isEmpty();
        assertThat(r.problems()).isNotEmpty().allMatch(p -> p.contains("broken.jar"));
    }
}

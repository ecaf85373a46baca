package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.RuleRegistry;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine on bytecode nobody wrote for it: the JDK's java.util and java.util.concurrent
 * class files (read from the jrt image as bytes, never loaded). Every method must be analyzed
 * without a problem, and every finding must point inside its loop.
 */
class RealBytecodeTest {
    @Test
    void analysesTheJdkCollectionsWithoutProblems() throws Exception {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<byte[]> classes = new ArrayList<>();
        for (String pkg : List.of("java/util", "java/util/concurrent")) {
            try (Stream<Path> s = Files.list(jrt.getPath("/modules/java.base", pkg))) {
                for (Path p : s.filter(x -> x.toString().endsWith(".class")).toList()) classes.add(Files.readAllBytes(p));
            }
        }
        Analysis.Result result = new Analysis(new TestClassLookup(Map.of()), List.copyOf(RuleRegistry.load().all())).analyze(classes);
        assertThat(result.problems()).isEmpty();
        assertThat(result.classes()).isEqualTo(classes.size());
        assertThat(result.methodsWithLoops()).isGreaterThan(500);
        assertThat(result.findings()).isNotEmpty();
        for (Finding f : result.findings()) {
            assertThat(f.line()).as(f.toString()).isBetween(f.firstLoopLine() > 0 ? 1 : -1, Integer.MAX_VALUE);
            assertThat(f.loopBcis()).as("bcis of " + f.className() + "." + f.method()).isNotEmpty().isSorted();
            if (!f.rule().equals("unsized-collection")) {
                // everything but the allocation-site rule reports a line inside the loop
                assertThat(f.line()).as(f.className() + "." + f.method() + " " + f.rule()).isBetween(f.firstLoopLine(), f.lastLoopLine());
            }
        }
    }
}

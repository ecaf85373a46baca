package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.RuleRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Code that runs once per class (the static initializer and private methods only it calls) or only
 * when something fails (it can only end in a throw, or a call that always throws) is found but
 * known to be cold (issue 17's "cold code" and "error paths"): its score is lowered, the message
 * says why, and {@code hoist analyze} shows it only with --all. A throw the loop itself catches and
 * a call to a method that loops for ever are no error paths.
 */
class ColdCodeTest {
    private static final Path FILE = Path.of("src/test/resources/cold/com/acme/cold/Cold.java");

    private static List<Finding> findings() throws Exception {
        Map<String, byte[]> classes = InMemoryCompiler.compile(List.of(FILE));
        return new Analysis(new TestClassLookup(classes), List.copyOf(RuleRegistry.load().all()), List.of())
                .analyze(classes.values()).findings();
    }

    private static List<Finding> in(List<Finding> all, String method) {
        return all.stream().filter(f -> f.method().equals(method)).toList();
    }

    @Test
    void aPrivateMethodOnlyTheStaticInitializerCallsRunsOnce() throws Exception {
        List<Finding> all = findings();
        assertThat(in(all, "fill")).isNotEmpty().allMatch(Finding::runsOnce)
                .allMatch(f -> f.message().contains("called only from the class's static initializer") && f.score() <= 20);
        assertThat(in(all, "fillAgain")).isNotEmpty().noneMatch(Finding::runsOnce);
    }

    @Test
    void workThatOnlyLeadsToAThrowIsAnErrorPath() throws Exception {
        List<Finding> check = in(findings(), "check");
        assertThat(check).as("the boxes and varargs array for fail(...)").isNotEmpty().allMatch(Finding::onErrorPath)
                .allMatch(f -> f.message().contains("on an error path") && f.score() <= 20);
    }

    @Test
    void aThrowTheLoopCatchesAndAnEndlessCalleeAreNoErrorPaths() throws Exception {
        List<Finding> all = findings();
        assertThat(in(all, "countNumbers")).isNotEmpty().noneMatch(Finding::onErrorPath);
        assertThat(in(all, "serve")).isNotEmpty().noneMatch(Finding::onErrorPath).noneMatch(Finding::runsOnce);
    }
}

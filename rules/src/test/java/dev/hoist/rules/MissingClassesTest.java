package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.RuleRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A field whose class is not on the analyzed class path may be volatile: a value read from it is
 * never advised out of a loop (a spin loop would hang), and the analysis names the missing class.
 */
class MissingClassesTest {
    private static final Path SRC = Path.of("src/test/resources/missing");

    private static Analysis.Result analyze(boolean withFlag) throws Exception {
        Map<String, byte[]> all = InMemoryCompiler.compile(List.of(SRC.resolve("Flag.java"), SRC.resolve("Spin.java")));
        Map<String, byte[]> path = new HashMap<>(all);
        if (!withFlag) path.remove("Flag");
        return new Analysis(new TestClassLookup(path), List.copyOf(RuleRegistry.load().all())).analyze(List.of(all.get("Spin")));
    }

    @Test
    void aCallOnAFieldOfAMissingClassIsNotHoistedAndTheClassIsNamed() throws Exception {
        Analysis.Result r = analyze(false);
        assertThat(r.findings()).noneMatch(f -> f.rule().equals("invariant-call-in-loop"));
        assertThat(r.missingClasses()).containsExactly("Flag");
    }

    @Test
    void withTheClassOnThePathItsVolatileFieldIsKnownAndNothingIsMissing() throws Exception {
        Analysis.Result r = analyze(true);
        assertThat(r.findings()).noneMatch(f -> f.rule().equals("invariant-call-in-loop"));
        assertThat(r.missingClasses()).isEmpty();
    }
}

package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fix written in the user's code compiles there: for every finding on the fixes file whose fix is
 * an exact rewrite of the flagged line (the before and after blocks differ in that one line), the
 * line is replaced in a copy of the source, which javac then compiles. A fix that is plainly a
 * pattern (a "..." statement, a template) is not applied, nor one whose message says it changes a
 * declaration too (boxing-in-loop's Map.merge: "The map's value type becomes long[]"), which one
 * line cannot show; those are counted apart, so a new one is seen.
 */
class FixesCompileTest {
    private static final Path SRC = Path.of("src/test/resources/fixes");
    private static final Path FILE = SRC.resolve("com/acme/fix/Fixes.java");

    @Test
    void everyExactRewriteCompilesInTheUsersSource(@TempDir Path dir) throws Exception {
        Map<String, byte[]> classes = InMemoryCompiler.compile(List.of(FILE));
        List<Finding> all = new Analysis(new TestClassLookup(classes), List.copyOf(RuleRegistry.load().all()), List.of(SRC))
                .analyze(classes.values()).findings();
        List<String> source = Files.readAllLines(FILE);
        int applied = 0;
        List<String> broken = new ArrayList<>();
        List<String> spanning = new ArrayList<>();
        for (Finding f : all) {
            if (f.fix().expression() == null || f.fix().replacement() == null) continue;
            if (f.message().contains("value type becomes")) {
                spanning.add(f.rule() + ":" + f.line());
                assertThat(f.fix().after()).as("the rewritten line says the declaration changes with it").contains(" now maps to ");
                continue;
            }
            List<String> before = f.fix().before().lines().toList();
            List<String> after = f.fix().after().lines().toList();
            if (before.size() != after.size()) continue;
            int changed = -1;
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).equals(after.get(i))) changed = changed == -1 ? i : -2;
            }
            if (changed < 0) continue;
            String was = before.get(changed).strip();
            int at = f.line() - 1;
            if (at < 0 || at >= source.size() || !source.get(at).strip().equals(was)) continue;
            List<String> patched = new ArrayList<>(source);
            String line = source.get(at);
            patched.set(at, line.substring(0, line.indexOf(was)) + after.get(changed).strip());
            Path copy = dir.resolve("p" + applied + "/com/acme/fix/Fixes.java");
            Files.createDirectories(copy.getParent());
            Files.write(copy, patched);
            applied++;
            try {
                InMemoryCompiler.compile(List.of(copy));
            } catch (Exception | AssertionError e) {
                broken.add(f.rule() + " at line " + f.line() + ": " + after.get(changed).strip() + "\n  " + e.getMessage());
            }
        }
        assertThat(applied).as("exact rewrites applied to the fixes file").isGreaterThanOrEqualTo(4);
        assertThat(broken).as("rewrites that do not compile in the user's source").isEmpty();
        assertThat(spanning).as("fixes that say they change a declaration as well").containsExactly(
                "boxing-in-loop:22", "boxing-in-loop:86", "boxing-in-loop:87");
    }
}

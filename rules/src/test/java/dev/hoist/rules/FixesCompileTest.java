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
        Applied r = applyEach(SRC, FILE, dir);
        assertThat(r.applied).as("exact rewrites applied to the fixes file").isGreaterThanOrEqualTo(4);
        assertThat(r.broken).as("rewrites that do not compile in the user's source").isEmpty();
        assertThat(r.spanning).as("fixes that say they change a declaration as well").containsExactly(
                "boxing-in-loop:22", "boxing-in-loop:86", "boxing-in-loop:87");
    }

    /**
     * The same over every case file of every rule: each is put where its package says (the case
     * folders are named by rule, not by package, so sources were not found for them before), its
     * findings' exact rewrites are applied one at a time, and each copy must compile.
     */
    @Test
    void everyExactRewriteInEveryCaseFileCompiles(@TempDir Path dir) throws Exception {
        int applied = 0;
        int files = 0;
        List<String> broken = new ArrayList<>();
        try (var cases = Files.walk(Path.of("src/test/resources/cases"))) {
            for (Path file : cases.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String pkg = Files.readAllLines(file).stream().filter(l -> l.startsWith("package ")).findFirst()
                        .map(l -> l.substring(8, l.indexOf(';')).strip()).orElse("");
                Path root = dir.resolve("src" + files++);
                Path placed = root.resolve(pkg.replace('.', '/')).resolve(file.getFileName().toString());
                Files.createDirectories(placed.getParent());
                Files.copy(file, placed);
                Applied r = applyEach(root, placed, dir.resolve("out" + files));
                applied += r.applied;
                r.broken.forEach(b -> broken.add(file.getFileName() + ": " + b));
            }
        }
        assertThat(files).as("case files").isGreaterThan(50);
        assertThat(applied).as("exact rewrites applied across the case files").isGreaterThanOrEqualTo(10);
        assertThat(broken).as("rewrites that do not compile in the case files").isEmpty();
    }

    private static final class Applied {
        int applied;
        final List<String> broken = new ArrayList<>();
        final List<String> spanning = new ArrayList<>();
    }

    private static Applied applyEach(Path srcRoot, Path file, Path dir) throws Exception {
        Map<String, byte[]> classes = InMemoryCompiler.compile(List.of(file));
        List<Finding> all = new Analysis(new TestClassLookup(classes), List.copyOf(RuleRegistry.load().all()), List.of(srcRoot))
                .analyze(classes.values()).findings();
        List<String> source = Files.readAllLines(file);
        Path relative = srcRoot.relativize(file);
        Applied r = new Applied();
        for (Finding f : all) {
            if (f.message().contains("value type becomes")) {
                r.spanning.add(f.rule() + ":" + f.line());
                assertThat(f.fix().after()).as("the rewritten line says the declaration changes with it").contains(" now maps to ");
                continue;
            }
            if (f.fix().expression() == null || f.fix().replacement() == null) continue;
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
            Path copy = dir.resolve("p" + r.applied).resolve(relative);
            Files.createDirectories(copy.getParent());
            Files.write(copy, patched);
            r.applied++;
            try {
                InMemoryCompiler.compile(List.of(copy));
            } catch (Exception | AssertionError e) {
                r.broken.add(f.rule() + " at line " + f.line() + ": " + after.get(changed).strip() + "\n  " + e.getMessage());
            }
        }
        return r;
    }
}

package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.RuleRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fixes written in the user's own code: with the source found, before is the loop's real header
 * and the flagged line, after is that line with the rule's exact rewrite; without it, the rewrite
 * still names the user's variables.
 */
class FixInUserCodeTest {
    private static final Path SRC = Path.of("src/test/resources/fixes");
    private static Map<String, byte[]> classes;

    @BeforeAll
    static void compile() throws Exception {
        classes = InMemoryCompiler.compile(List.of(SRC.resolve("com/acme/fix/Fixes.java")));
    }

    private static List<Finding> findings(List<Path> sources) {
        Analysis.Result r = new Analysis(new TestClassLookup(classes), List.copyOf(RuleRegistry.load().all()), sources)
                .analyze(classes.values());
        assertThat(r.problems()).isEmpty();
        return r.findings();
    }

    private static Finding at(List<Finding> all, String rule, int line) {
        return all.stream().filter(f -> f.rule().equals(rule) && f.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " at line " + line + " in " + all));
    }

    @Test
    void substringOnlyParsedBecomesAnInPlaceParseOfTheUsersLine() {
        List<Finding> all = findings(List.of(SRC));
        Finding parseInt = at(all, "copy-in-loop", 12);
        assertThat(parseInt.message()).contains("Integer.parseInt(CharSequence, beginIndex, endIndex, radix)");
        assertThat(parseInt.fix().before()).isEqualTo("for (String row : rows) {\n    ...\n"
                + "    sum += Integer.parseInt(row.substring(0, comma));\n    ...\n}");
        assertThat(parseInt.fix().after()).isEqualTo("for (String row : rows) {\n    ...\n"
                + "    sum += Integer.parseInt(row, 0, comma, 10);\n    ...\n}");

        // the one-argument substring reads to the end; the radix the user gave is kept
        Finding parseLong = at(all, "copy-in-loop", 13);
        assertThat(parseLong.fix().after()).contains("    sum += Long.parseLong(row, comma + 1, row.length(), 16);\n}");
    }

    @Test
    void aSumMergedIntoAMapBecomesAnInPlaceAddUnderTheRealWhileHeader() {
        Finding merge = at(findings(List.of(SRC)), "boxing-in-loop", 22);
        assertThat(merge.message()).contains("totals.merge(..., Long::sum)").contains("long[1] per key");
        assertThat(merge.fix().before()).isEqualTo("while (i < keys.length) {\n    totals.merge(keys[i], amounts[i], Long::sum);\n    ...\n}");
        assertThat(merge.fix().after()).isEqualTo(
                "while (i < keys.length) {\n    totals.computeIfAbsent(keys[i], k -> new long[1])[0] += amounts[i] /* totals now maps to long[] */;\n    ...\n}");
    }

    @Test
    void aMegamorphicCallGetsOneTypeTestPerClassInTheUsersStatement() {
        Finding mega = at(findings(List.of(SRC)), "megamorphic-call-in-loop", 53);
        assertThat(mega.fix().after()).isEqualTo("""
                for (int i = 0; i < shapes.length; i++) {
                    Fixes.Shape shape = shapes[i];
                    // one type test per class: each call below has one receiver class, so C2 inlines it
                    if (shape instanceof Fixes.Circle t1) {
                        total += t1.area();
                    } else if (shape instanceof Fixes.Square t2) {
                        total += t2.area();
                    } else {
                        total += shape.area();
                    }
                }""");
    }

    @Test
    void theRewriteKeepsWhatTheUserWroteWhereTheBytecodeHasAValue() {
        List<Finding> all = findings(List.of(SRC));
        // javac folded HOUR to 11; the source keeps the constant's name
        assertThat(at(all, "copy-in-loop", 63).fix().after())
                .isEqualTo("for (String line : lines) {\n    counts[Integer.parseInt(line, HOUR, HOUR + 2, 10)]++;\n}");
        // a hoisted lookup: Map.get is Object in bytecode; the cast javac put after it names the type (var would not compile before Java 10)
        assertThat(at(all, "invariant-call-in-loop", 71).fix().after()).isEqualTo(
                "final Long rate = rates.get(region);\nfor (int i = 0; i < net.length; i++) {\n    total += net[i] * rate / 10_000;\n}");
        // a collection made before the loop: its line sized, with its type arguments as written, then the loop
        assertThat(at(all, "unsized-collection", 77).fix().after()).isEqualTo(
                "Map<String, String> byLower = new HashMap<String, String>((int) (names.size() / 0.75f) + 1);\n"
                        + "for (String name : names) {\n    ...\n}");
    }

    @Test
    void eachRewriteIsTiedToItsOwnCallNotToOneThatReadsTheSame() {
        List<Finding> all = findings(List.of(SRC));
        // two merges in one loop: each finding rewrites its own map
        assertThat(at(all, "boxing-in-loop", 86).fix().after()).contains("sumsA.computeIfAbsent(keys[i], k -> new long[1])[0] += a[i] /* sumsA now maps to long[] */;");
        assertThat(at(all, "boxing-in-loop", 87).fix().after()).contains("sumsB.computeIfAbsent(keys[i], k -> new long[1])[0] += b[i] /* sumsB now maps to long[] */;");
        // the same substring parsed twice: the hex parse keeps its radix
        assertThat(at(all, "copy-in-loop", 95).fix().after()).contains("int hex = Integer.parseInt(s, 0, 2, 16);");
        assertThat(at(all, "copy-in-loop", 94).fix().after()).contains("int decimal = Integer.parseInt(s, 0, 2, 10);");
    }

    @Test
    void aFieldReadAsThisDotFieldBecomesTheLocal() {
        Finding field = at(findings(List.of(SRC)), "invariant-field-in-loop", 106);
        assertThat(field.fix().after()).isEqualTo("final double[] weights = this.weights;\n"
                + "for (int i = 0; i < values.length; i++) {\n    s += weights[i % 10] * values[i];\n}");
    }

    @Test
    void withoutSourcesTheRewriteStillUsesTheUsersNames() {
        List<Finding> all = findings(List.of());
        assertThat(at(all, "copy-in-loop", 12).fix().after()).contains("Integer.parseInt(row, 0, comma, 10)");
        assertThat(at(all, "boxing-in-loop", 22).fix().after())
                .contains("totals.computeIfAbsent(keys[i], k -> new long[1])[0] += amounts[i]");
    }

    @Test
    void onlyWhereTheRewriteIsTrue() {
        List<Finding> all = findings(List.of(SRC));
        // a merge that multiplies is no running sum: the general boxing advice, no computeIfAbsent
        Finding product = at(all, "boxing-in-loop", 31);
        assertThat(product.message()).doesNotContain("long[1] per key");
        assertThat(product.fix().after()).doesNotContain("computeIfAbsent");
        // a substring that is parsed and also read is no parse-only copy: the general copy advice
        Finding looked = at(all, "copy-in-loop", 39);
        assertThat(looked.message()).doesNotContain("reads the digits in place").contains("Work on the original with indices");
    }
}

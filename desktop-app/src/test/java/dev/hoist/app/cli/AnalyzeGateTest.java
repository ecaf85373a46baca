package dev.hoist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hoist analyze} as a CI gate, the way docs/ci.md runs it: a baseline written on main, then a
 * change that shifts every line (an unrelated edit) and adds a HIGH finding fails the gate with that
 * finding alone, while the same shift without it passes; suppression by config, and its typos.
 */
class AnalyzeGateTest {
    private static final String INDEX = """
                public java.util.Map<String, Integer> index(String[] ids) {
                    java.util.Map<String, Integer> byId = new java.util.HashMap<>();
                    for (int i = 0; i < ids.length; i++) {
                        byId.put(ids[i], i);
                    }
                    return byId;
                }
            """;
    // a lookup repeated per iteration in a loop that also takes a lock: C2 cannot hoist it (HIGH)
    private static final String TOTAL = """
                private int count;

                public long total(java.util.Map<String, Long> prices, String currency, long[] amounts) {
                    long sum = 0;
                    for (int i = 0; i < amounts.length; i++) {
                        sum += amounts[i] * prices.get(currency);
                        synchronized (this) { count++; }
                    }
                    return sum;
                }
            """;

    // a field read per iteration that C2 hoists itself once the loop is compiled: low confidence without a profile
    private static final String SCALED = """
                private int[] data = new int[8];
                private int scale = 3;

                public int scaled() {
                    int s = 0;
                    for (int i = 0; i < data.length; i++) {
                        s += data[i] * scale;
                    }
                    return s;
                }
            """;

    /** Compiles com.acme.Orders with {@code header} lines above it and {@code body} inside; returns its class folder. */
    private static Path build(Path dir, String name, String header, String body) throws Exception {
        Path src = dir.resolve(name + "-src/com/acme/Orders.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, header + "package com.acme;\n\npublic class Orders {\n" + body + "}\n");
        Path out = dir.resolve(name + "-classes");
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-g", "-d", out.toString(), src.toString())).isZero();
        return out;
    }

    @Test
    void aNewHighFindingFailsTheGateAndTheBaselineKeepsTheOldOnesQuietAcrossAnUnrelatedEdit(@TempDir Path dir) throws Exception {
        Path main = build(dir, "main", "", INDEX);
        Path baseline = dir.resolve("hoist-baseline.json");
        MainTest.Result written = MainTest.run("analyze", main.toString(), "--all", "--write-baseline", baseline.toString());
        assertThat(written.code()).isZero();
        // the unsized map (its Integer values are what index returns, so their boxing is no finding)
        assertThat(written.err()).contains("wrote 1 finding(s) to the baseline");

        String shift = "// a licence header added later\n// moves every line\n\n";
        Path unrelated = build(dir, "unrelated", shift, INDEX);
        MainTest.Result same = MainTest.run("analyze", unrelated.toString(), "--all", "--baseline", baseline.toString(), "--fail-on", "high");
        assertThat(same.code()).as(same.err()).isZero();
        assertThat(same.out()).contains("No findings");
        assertThat(same.err()).contains("not reported: 1 in the baseline");

        Path change = build(dir, "change", shift, INDEX + TOTAL);
        Path sarif = dir.resolve("hoist.sarif");
        MainTest.Result gate = MainTest.run("analyze", change.toString(), "--all", "--baseline", baseline.toString(), "--fail-on", "high",
                "--format", "sarif", "--out", sarif.toString());
        assertThat(gate.code()).as(gate.err()).isEqualTo(Failure.GATE_FAILED.exitCode()).isEqualTo(11);
        assertThat(gate.err()).contains("1 finding(s) of severity high or higher not in the baseline (--fail-on)");
        JsonNode results = new ObjectMapper().readTree(sarif.toFile()).path("runs").path(0).path("results");
        // the new loop's lock per iteration is reported too (lock-in-loop, medium), below the gate's severity
        assertThat(results.findValuesAsText("ruleId")).containsExactly("invariant-call-in-loop", "lock-in-loop");
        assertThat(results.findValuesAsText("baselineState")).containsOnly("new");
        assertThat(results.get(0).path("partialFingerprints").path("hoistFinding/v1").asText()).hasSize(16);
    }

    @Test
    void aConfigSuppressesByRuleAndClassAndATypoInItIsBadInput(@TempDir Path dir) throws Exception {
        Path change = build(dir, "change", "", INDEX + TOTAL);
        MainTest.Result text = MainTest.run("analyze", change.toString(), "--fail-on", "high");
        assertThat(text.code()).isEqualTo(11);
        // the text report closes with what the bytecode cannot tell and the command that can
        assertThat(text.out().strip()).endsWith("hoist report --classpath <your jars>.").contains("does not say which of these loops run hot");

        Path config = Files.writeString(dir.resolve("hoist.json"),
                "{\"suppress\": [{\"class\": \"com.acme.Orders\", \"rule\": \"invariant-call-in-loop\", \"reason\": \"measured: cold\"}]}");
        MainTest.Result quiet = MainTest.run("analyze", change.toString(), "--fail-on", "high", "--config", config.toString());
        assertThat(quiet.code()).as(quiet.err()).isZero();
        assertThat(quiet.err()).contains("1 suppressed by " + config);

        Path typo = Files.writeString(dir.resolve("typo.json"), "{\"suppress\": [{\"rule\": \"invariant-calls-in-loop\"}]}");
        MainTest.Result bad = MainTest.run("analyze", change.toString(), "--config", typo.toString());
        assertThat(bad.code()).isEqualTo(Failure.BAD_INPUT.exitCode());
        assertThat(bad.err().strip().lines().toList()).last().asString()
                .contains("names the rule 'invariant-calls-in-loop', which no loaded rule has");
    }

    @Test
    void lowConfidenceFindingsWaitForAProfileUnlessAllIsGiven(@TempDir Path dir) throws Exception {
        Path main = build(dir, "main", "", INDEX + SCALED);
        MainTest.Result plain = MainTest.run("analyze", main.toString(), "--format", "json");
        MainTest.Result all = MainTest.run("analyze", main.toString(), "--format", "json", "--all");
        List<String> shown = rules(plain.out());
        assertThat(shown).contains("unsized-collection").doesNotContain("invariant-field-in-loop");
        assertThat(rules(all.out())).containsAll(shown).contains("invariant-field-in-loop");
        assertThat(plain.err()).contains("of low confidence not shown");
    }

    // a private method only the static initializer calls: runs once per class
    private static final String TABLE = """
                static final java.util.Map<String, Integer> TABLE = new java.util.HashMap<>();
                static { fill(TABLE, 200); }

                private static void fill(java.util.Map<String, Integer> table, int n) {
                    for (int i = 0; i < n; i++) {
                        table.put("k" + i, i);
                    }
                }
            """;

    @Test
    void codeThatRunsOncePerClassIsShownOnlyWithAll(@TempDir Path dir) throws Exception {
        Path main = build(dir, "main", "", INDEX + TABLE);
        MainTest.Result plain = MainTest.run("analyze", main.toString(), "--format", "json");
        MainTest.Result all = MainTest.run("analyze", main.toString(), "--format", "json", "--all");
        assertThat(new ObjectMapper().readTree(plain.out()).path("findings").findValuesAsText("method")).doesNotContain("fill");
        assertThat(new ObjectMapper().readTree(all.out()).path("findings").findValuesAsText("method")).contains("fill");
        assertThat(plain.err()).contains("in code that runs once per class (static initialization) or only on an error path");
    }

    private static List<String> rules(String json) throws Exception {
        return new ObjectMapper().readTree(json).path("findings").findValuesAsText("rule");
    }
}

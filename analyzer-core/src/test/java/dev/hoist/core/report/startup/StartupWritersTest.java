package dev.hoist.core.report.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.LoopCost;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Fix;
import dev.hoist.core.rule.Severity;
import dev.hoist.core.startup.ClassLoading;
import dev.hoist.core.startup.StartLoops;
import dev.hoist.core.startup.StartupAdvice;
import dev.hoist.core.startup.StartupBreakdown;
import dev.hoist.core.startup.StartupReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup report's writers on a report made by hand: a gain is printed as the user reads it
 * ("1,840 ms -> 1,210 ms (median of 5, -34%"), a loss keeps its sign in JSON, and names from the
 * program are escaped in HTML and on a terminal.
 */
class StartupWritersTest {
    private static StartupReport report() {
        return report(null);
    }

    /** The loop advisor's answer on a start window: one boxing advice in a class with a hostile name. */
    private static StartLoops loops(long javaSamples) {
        Finding f = new Finding("boxing-in-loop", "org.example.Feed<i>", "load", "(I)J", "Feed.java", 72,
                new int[] {71, 72}, new int[] {12, 13, 14, 40}, 62, Severity.MEDIUM, Confidence.MEDIUM,
                "an int is boxed to Integer on every iteration <script>", "valueOf allocates", new Fix("ids.add(i)", "ids[i] = i"),
                List.of(), List.of());
        Advice a = new Advice(1, f, new LoopCost("cpu", 40, 90, 600, 0, 0, 0, 0), Confidence.MEDIUM, List.of("measured: 15%"));
        return new StartLoops(600, javaSamples, new AdviceReport(List.of(a), List.of("org.example.Feed.load(I)J"), List.of(), 0));
    }

    private static StartupReport report(StartLoops loops) {
        StartupBreakdown b = new StartupBreakdown(1840, 60, 3000, 1200, 400, 120, 30, 50,
                List.of(new ClassLoading.Group("/app/lib/evil<script>.jar", 1800)), List.of(new ClassLoading.Group("org.example", 900)),
                List.of(10, 200, 5), List.of(new StartupBreakdown.Clinit("org.example.Rates<b>\u001b[31m", 180, 180, "org.example.Rates.build")),
                new StartupBreakdown.CpuSplit(100, 50, 40, 5, 30, 1), 2, 12, 900,
                List.of(new StartupBreakdown.HotMethod("org.example.Rates.build", 150)));
        var faster = new StartupAdvice.Measurement(List.of(1840.0, 1800.0, 1900.0, 1850.0, 1830.0),
                List.of(1210.0, 1200.0, 1250.0, 1190.0, 1220.0), 0);
        var slower = new StartupAdvice.Measurement(List.of(1840.0), List.of(2000.0), 0);
        return new StartupReport(List.of("java", "-jar", "app.jar"), "17.0.15", "its exit", 5, b,
                List.of(new StartupAdvice("appcds", "AppCDS", "maps classes", faster, -1, List.of("-XX:SharedArchiveFile=a.jsa"), List.of("x"), null),
                        new StartupAdvice("tiered-stop-at-level-1", "C1", "short", slower, -1, List.of("-XX:TieredStopAtLevel=1"), List.of(), null)),
                List.of(), List.of(), null, null, loops);
    }

    @Test
    void textSaysTheMeasuredGainAsAUserReadsItAndEscapesNames() {
        StringWriter w = new StringWriter();
        StartupText.write(report(), w);
        assertThat(w.toString()).contains("measured: 1,840 ms -> 1,210 ms (median of 5, -34%")
                .contains("measured: 1,840 ms -> 2,000 ms (median of 1, +9%").contains("no gain here")
                .doesNotContain("\u001b[31m").contains("\\u001b[31m");
    }

    @Test
    void jsonKeepsTheSignOfALoss() throws IOException {
        StringWriter w = new StringWriter();
        StartupJson.write(report(), w);
        JsonNode root = new ObjectMapper().readTree(w.toString());
        assertThat(root.at("/advice/0/measured/changePercent").asDouble()).isEqualTo(-34.2);
        assertThat(root.at("/advice/1/savedMillis").asDouble()).isEqualTo(-160.0);
        assertThat(root.at("/advice/1/measured/changePercent").asDouble()).isEqualTo(8.7);
    }

    @Test
    void htmlEscapesEverythingFromTheProgram() throws IOException {
        StringWriter w = new StringWriter();
        StartupHtml.write(report(), w);
        String html = w.toString();
        assertThat(html).doesNotContain("evil<script>").contains("evil&lt;script&gt;.jar")
                .doesNotContain("Rates<b>").contains("Rates&lt;b&gt;").doesNotContain("\u001b");
        assertThat(html).contains("<svg").contains("200 classes");
    }

    @Test
    void theLoopsHotDuringStartAreListedWithTheirShareInEveryFormat() throws IOException {
        StartupReport r = report(loops(300));
        StringWriter text = new StringWriter();
        StartupText.write(r, text);
        assertThat(text.toString()).contains("Loops hot during start").contains("#1  15.0% cpu  (loop 15.0%)  boxing-in-loop")
                .contains("org.example.Feed<i>.load (Feed.java:72), loop lines 71-72").contains("boxed to Integer")
                .doesNotContain("too few samples");
        StringWriter json = new StringWriter();
        StartupJson.write(r, json);
        JsonNode loops = new ObjectMapper().readTree(json.toString()).get("loops");
        assertThat(loops.at("/items/0/rule").asText()).isEqualTo("boxing-in-loop");
        assertThat(loops.at("/items/0/site/percent").asDouble()).isEqualTo(15.0);
        assertThat(loops.get("verdict").isNull()).isTrue();
        StringWriter html = new StringWriter();
        StartupHtml.write(r, html);
        assertThat(html.toString()).contains("Loops hot during start").contains("Feed&lt;i&gt;.load").doesNotContain("<script>")
                .doesNotContain("Feed<i>");
    }

    @Test
    void aStartWithTooFewJavaSamplesSaysSoPlainly() throws IOException {
        StartupReport r = report(loops(40));
        StringWriter text = new StringWriter();
        StartupText.write(r, text);
        assertThat(text.toString()).contains("too few samples for loop advice: the start window has 40 cpu samples in Java code");
        StringWriter json = new StringWriter();
        StartupJson.write(r, json);
        JsonNode loops = new ObjectMapper().readTree(json.toString()).get("loops");
        assertThat(loops.get("tooFew").asBoolean()).isTrue();
        assertThat(loops.get("verdict").asText()).startsWith("too few samples");
    }

    @Test
    void noLoopWorthFixingIsSaidAndNoLoopAdviceAskedLeavesTheSectionOut() throws IOException {
        StartupReport none = report(new StartLoops(900, 400, new AdviceReport(List.of(), List.of("org.example.Feed.load(I)J"), List.of(), 2)));
        StringWriter text = new StringWriter();
        StartupText.write(none, text);
        assertThat(text.toString()).contains("none worth fixing: no rule matched a sampled loop of the 1 hot methods");
        StringWriter jdk = new StringWriter();
        StartupText.write(report(new StartLoops(481, 80, new AdviceReport(List.of(), List.of(), List.of(), 0))), jdk);
        assertThat(jdk.toString()).as("a longer run would not help: the JDK's code is never advised")
                .contains("none: the start's hot methods are all the JDK's").contains("80 cpu samples in Java code (481 in all)");
        StringWriter skipped = new StringWriter();
        StartupText.write(report(), skipped);
        assertThat(skipped.toString()).doesNotContain("Loops hot during start");
        StringWriter json = new StringWriter();
        StartupJson.write(report(), json);
        assertThat(new ObjectMapper().readTree(json.toString()).get("loops").isNull()).isTrue();
    }
}

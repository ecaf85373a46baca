package dev.hoist.core.report.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.startup.ClassLoading;
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
                List.of(), List.of(), null, null);
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
}

package dev.hoist.app.cli;

import dev.hoist.workloads.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hoist report --format html} on a real recording of a sample program. */
class ReportHtmlCommandTest {
    @TempDir
    Path tmp;

    @Test
    void htmlReportOfARecordingIsOneOfflinePageWithItsHotMethod() throws Exception {
        Catalog.Pair pair = Catalog.PAIRS.stream().filter(p -> p.ruleId().equals("string-concat-in-loop")).findFirst().orElseThrow();
        Path recording = PairRecordings.record(pair.antiPatternClass(), 3);
        MainTest.Result r = MainTest.run("report", recording.toString(), "--format", "html");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("<!DOCTYPE html>").contains("</html>");
        assertThat(r.out()).contains("id=\"hoist-data\"", "id=\"hot-table\"", "<svg");
        int table = r.out().indexOf("id=\"hot-table\"");
        assertThat(r.out().indexOf(pair.antiPatternClass() + "." + pair.hotMethod(), table)).isPositive();
        assertThat(r.out()).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//");

        // --out writes the same page to a file
        Path file = tmp.resolve("sub/report.html");
        MainTest.Result toFile = MainTest.run("report", recording.toString(), "--format", "html", "--out", file.toString());
        assertThat(toFile.code()).as(toFile.err()).isZero();
        assertThat(toFile.out()).isEmpty();
        assertThat(toFile.err()).contains("wrote the html report to " + file);
        assertThat(Files.readString(file)).isEqualTo(r.out());
    }
}

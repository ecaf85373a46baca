package dev.hoist.app.cli;

import dev.hoist.app.testing.AdviceRecordings;
import dev.hoist.workloads.Catalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The options async-profiler users reach for, on a real async-profiler recording of the demo:
 * -t, -I/-X, --title, and collapsed stacks, a standalone flame graph and pprof as outputs (written
 * by async-profiler's own converter).
 */
class AsprofOptionsTest {
    private static final String PARSE = "dev/hoist/workloads/demo/OrderFeed.parse";
    static Path demo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void record() throws Exception {
        demo = AdviceRecordings.asyncProfiler(Catalog.DEMO_MAIN, 7);
    }

    private static List<String> collapsed(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "report";
        args[1] = demo.toString();
        args[2] = "--format=collapsed";
        System.arraycopy(extra, 0, args, 3, extra.length);
        MainTest.Result r = MainTest.run(args);
        assertThat(r.code()).as(r.err()).isZero();
        return r.out().lines().toList();
    }

    private static long total(List<String> lines) {
        return lines.stream().mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void collapsedStacksAreOneStackAndCountPerLine() {
        List<String> all = collapsed();
        assertThat(all).isNotEmpty().allMatch(l -> l.matches("\\S.* \\d+"));
        assertThat(all).anyMatch(l -> l.contains(PARSE));
    }

    @Test
    void includeKeepsOnlyStacksThroughTheFrameAndExcludeDropsThem() {
        List<String> all = collapsed();
        List<String> included = collapsed("--include", "*OrderFeed.parse");
        List<String> excluded = collapsed("-X", "dev.hoist.workloads.demo.OrderFeed.parse");
        assertThat(included).isNotEmpty().allMatch(l -> l.contains(PARSE));
        assertThat(excluded).isNotEmpty().noneMatch(l -> l.contains(PARSE));
        // together they are the whole profile: nothing else is lost
        assertThat(total(included) + total(excluded)).isEqualTo(total(all));
    }

    @Test
    void threadsPutOneRootFramePerThread() {
        // the demo's main thread is called DestroyJavaVM by the time the recording ends; the VM's watcher has no name
        assertThat(collapsed("-t")).isNotEmpty().allMatch(l -> l.matches("\\[([^\\]]+ )?tid=\\d+\\];.* \\d+"));
    }

    @Test
    void flameGraphIsAStandalonePageWithTheTitleEscaped() throws Exception {
        Path html = tmp.resolve("flame.html");
        MainTest.Result r = MainTest.run("report", demo.toString(), "--format", "flamegraph", "--title", "Orders <v2>",
                "--out", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<h1>Orders &lt;v2&gt;</h1>").contains("const cpool = [")
                .doesNotContain("<script src=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(html))).isEqualTo("rw-------");
    }

    @Test
    void pprofIsWrittenToAFileOnly() throws Exception {
        Path pprof = tmp.resolve("cpu.pprof");
        MainTest.Result r = MainTest.run("report", demo.toString(), "--format", "pprof", "--out", pprof.toString());
        assertThat(r.code()).as(r.err()).isZero();
        byte[] bytes = Files.readAllBytes(pprof);
        // a pprof Profile message: field 1 (sample_type), length-delimited, first; its string table names the frames
        assertThat(bytes[0]).isEqualTo((byte) 0x0a);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("OrderFeed.parse");

        MainTest.Result toTerminal = MainTest.run("report", demo.toString(), "--format", "pprof");
        assertThat(toTerminal.code()).isEqualTo(2);
        assertThat(toTerminal.err()).startsWith("hoist: pprof is binary").hasLineCount(1);
        assertThat(toTerminal.out()).isEmpty();
    }

    @Test
    void theReportHonoursIncludeAndSplitsHotMethodsByThread() {
        MainTest.Result whole = MainTest.run("report", demo.toString(), "--no-advice");
        MainTest.Result r = MainTest.run("report", demo.toString(), "--no-advice", "-t", "-I", "*.Revenue.byRegion");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).containsPattern("--include/--exclude kept [\\d,]+ of [\\d,]+ samples");
        assertThat(r.out()).containsPattern("(?m)^Thread \\S.*: [\\d.]+% of cpu, hot methods");
        // only stacks through byRegion: the parse loop, which never calls it, is gone from the hot methods
        assertThat(whole.out()).contains("OrderFeed.parse");
        assertThat(r.out()).contains("Revenue.byRegion").doesNotContain("OrderFeed.parse");
    }

    @Test
    void htmlReportTakesTheTitle() throws Exception {
        Path html = tmp.resolve("report.html");
        MainTest.Result r = MainTest.run("report", demo.toString(), "--no-advice", "--format", "html", "--title", "Nightly <run>",
                "--out", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(html)).contains("<title>Nightly &lt;run&gt;</title>").contains("<h1>Nightly &lt;run&gt;</h1>")
                .doesNotContain("\"[DestroyJavaVM]\"");
        // -t: the report's flame graph has a root frame per thread
        Path split = tmp.resolve("threads.html");
        assertThat(MainTest.run("report", demo.toString(), "--no-advice", "--format", "html", "-t", "--out", split.toString()).code()).isZero();
        assertThat(Files.readString(split)).contains("\"[DestroyJavaVM]\"");
    }

    /** profile writes the converter's outputs of the recording it has just made, as report does for one on disk. */
    @Test
    void profileWritesCollapsedStacksPerThreadOfWhatItSampled() throws Exception {
        Path jfr = tmp.resolve("probe.jfr");
        Path stacks = tmp.resolve("probe.collapsed");
        try (dev.hoist.testkit.ChildJvm probe = dev.hoist.testkit.ChildJvm.java().testClasspath().mainClass(ProfileCommandTest.PROBE)
                .mergeStderr().readyPrefix("ready").start()) {
            MainTest.Result r = MainTest.run("profile", Long.toString(probe.pid()), "-d", "2s", "-e", "cpu", "--no-repair",
                    "-f", jfr.toString(), "--format", "collapsed", "-t", "--out", stacks.toString());
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("recording: " + jfr).contains("wrote the collapsed output to " + stacks);
            List<String> lines = Files.readAllLines(stacks);
            assertThat(lines).isNotEmpty().allMatch(l -> l.startsWith("[")).anyMatch(l -> l.contains("HotAndAlloc.crunch"));
        }
    }

    @Test
    void helpOfEachSamplingCommandListsTheOptions() {
        for (String cmd : List.of("profile", "attach", "demo", "report")) {
            String help = MainTest.run(cmd, "--help").out();
            assertThat(Arrays.asList("-t, --threads", "-I, --include", "-X, --exclude", "--title", "collapsed", "flamegraph", "pprof"))
                    .as(cmd).allMatch(help::contains);
        }
    }
}

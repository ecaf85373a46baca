package dev.hoist.core.report;

import dev.hoist.core.profile.FrameFilter;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Collapsed stacks through async-profiler's converter, and the frame filter of -I/-X on Hoist's own profile. */
class ProfileExportTest {
    @TempDir
    Path tmp;

    private static final String STACKS = "app/Main.main;app/Feed.parse;java/lang/String.substring 30\n"
            + "app/Main.main;app/Revenue.byRegion;java/lang/Long.valueOf 20\n"
            + "app/Main.main;app/Revenue.byRegion 10\n";

    private Path stacks(String text) throws Exception {
        Path f = tmp.resolve("stacks-" + text.hashCode() + ".txt");
        Files.writeString(f, text);
        return f;
    }

    private static String export(Path file, ProfileExport.Format format, ProfileExport.Settings settings) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProfileExport.write(file, format, settings, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void collapsedStacksAreFilteredAsAsprofFiltersThem() throws Exception {
        Path f = stacks(STACKS);
        var include = new ProfileExport.Settings(null, false, null, FrameFilter.ofGlobs(List.of("app.Revenue.*"), List.of()));
        // the converter marks each frame's type (_[j] for Java) as asprof's collapsed output does
        assertThat(export(f, ProfileExport.Format.COLLAPSED, include).replaceAll("_\\[j\\]", "").lines())
                .containsExactlyInAnyOrder("app/Main.main;app/Revenue.byRegion;java/lang/Long.valueOf 20", "app/Main.main;app/Revenue.byRegion 10");
        var exclude = new ProfileExport.Settings(null, false, null, FrameFilter.ofGlobs(List.of(), List.of("*Long.valueOf")));
        assertThat(export(f, ProfileExport.Format.COLLAPSED, exclude).lines())
                .noneMatch(l -> l.contains("Long.valueOf")).hasSize(2);
    }

    @Test
    void hoistsOwnProfileKeepsTheSameSamplesAsTheConverter() throws Exception {
        Profile p = ProfileReader.read(stacks(STACKS));
        assertThat(p.filter(FrameFilter.ofGlobs(List.of("app/Revenue.*"), List.of())).sampleCounts().values()).containsExactly(30L);
        assertThat(p.filter(FrameFilter.ofGlobs(List.of(), List.of("*.substring", "*.valueOf"))).sampleCounts().values())
                .containsExactly(10L);
        assertThat(p.filter(FrameFilter.ALL)).isSameAs(p);
    }

    @Test
    void aClassNameThatClosesTheScriptCannotOpenAnother() throws Exception {
        String benign = export(stacks(STACKS), ProfileExport.Format.FLAMEGRAPH, ProfileExport.Settings.defaults());
        String hostile = export(stacks("app/Main.main;evil/</script><script>alert(1)</script>.run 5\n" + STACKS),
                ProfileExport.Format.FLAMEGRAPH, ProfileExport.Settings.defaults());
        assertThat(count(hostile, "</script>")).isEqualTo(count(benign, "</script>"));
        assertThat(count(hostile, "<script>")).isEqualTo(count(benign, "<script>"));
        assertThat(hostile).contains("\\x3c/script>\\x3cscript>alert(1)");
    }

    /** -t in Hoist's own flame graph: every stack of a real recording sits under its thread's frame, nothing is lost. */
    @Test
    void threadRootsSplitTheFlameGraphByThread() throws Exception {
        Profile p = ProfileReader.read(dev.hoist.core.profile.Recordings.asyncProfiler());
        Profile split = p.withThreadRoots();
        var whole = dev.hoist.core.profile.FlameGraph.of(p, dev.hoist.core.profile.EventKind.CPU);
        var byThread = dev.hoist.core.profile.FlameGraph.of(split, dev.hoist.core.profile.EventKind.CPU);
        assertThat(byThread.rootTotal()).isEqualTo(whole.rootTotal()).isPositive();
        java.util.Set<String> threadNames = new java.util.HashSet<>();
        for (int t = 0; t < p.threadCount(); t++) threadNames.add("[" + p.threadName(t) + "]");
        java.util.Set<String> topLevel = new java.util.HashSet<>();
        for (int n = 1; n < byThread.size(); n++) {
            if (byThread.parent(n) == 0) topLevel.add(byThread.name(n));
        }
        assertThat(topLevel).isNotEmpty().isSubsetOf(threadNames);
        assertThat(split.size()).isEqualTo(p.size());
        assertThat(split.sampleCounts()).isEqualTo(p.sampleCounts());
    }

    @Test
    void pprofNeedsARecordingWithTimes() throws Exception {
        assertThatThrownBy(() -> export(stacks(STACKS), ProfileExport.Format.PPROF, ProfileExport.Settings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JFR");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}

package dev.hoist.core.profile;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CollapsedStacksReaderTest {
    @TempDir
    Path tmp;

    private static final String STACKS = """
            # written by hand in async-profiler's collapsed format

            [main tid=1];java/lang/Thread.run_[j];com/acme/App.loop_[j];com/acme/App.work_[i] 30
            [main tid=1];java/lang/Thread.run_[j];com/acme/App.loop:17_[j] 10
            [worker tid=2];java/lang/Thread.run_[0];com/acme/App.recurse_[1];com/acme/App.recurse_[j];com/acme/App.recurse:42_[j] 5
            start_thread;thread_native_entry;__memmove_avx_unaligned_erms_[k] 2
            """;

    @Test
    void readsCountsTypesLinesAndThreads() throws Exception {
        Profile p = ProfileReader.read(Files.writeString(tmp.resolve("stacks.txt"), STACKS));
        assertThat(p.info().sampler()).isEqualTo(SamplerKind.COLLAPSED);
        assertThat(p.sampleCounts()).containsEntry(EventKind.SAMPLE, 47L);
        MethodStats stats = MethodStats.of(p, EventKind.SAMPLE);
        assertThat(stats.bySelf()).extracting(s -> s.method().displayName(), MethodStats.MethodStat::self, MethodStats.MethodStat::total)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("com.acme.App.work", 30L, 30L),
                        org.assertj.core.groups.Tuple.tuple("com.acme.App.loop", 10L, 40L),
                        // recursion: three frames of recurse, counted once in total
                        org.assertj.core.groups.Tuple.tuple("com.acme.App.recurse", 5L, 5L));
        int recurse = p.methodIndex(new MethodRef("com.acme.App", "recurse", ""));
        assertThat(stats.lines(recurse).get(0)).isEqualTo(new MethodStats.LineStat(42, 5, 5));
        assertThat(ThreadStats.of(p, EventKind.SAMPLE)).extracting(ThreadStats.ThreadStat::name, ThreadStats.ThreadStat::samples)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("main", 40L), org.assertj.core.groups.Tuple.tuple("worker", 5L),
                        org.assertj.core.groups.Tuple.tuple("[all threads]", 2L));
        // leaf first: the first frame of the 30-sample stack is work, inlined
        int s = p.stack(0);
        Frame leaf = p.frame(p.stackFrames(s)[0]);
        assertThat(leaf.method().name()).isEqualTo("work");
        assertThat(leaf.type()).isEqualTo(FrameType.INLINED);
        assertThat(frameTypes(p)).contains(FrameType.JIT_COMPILED, FrameType.INTERPRETED, FrameType.C1_COMPILED,
                FrameType.KERNEL, FrameType.NATIVE);
    }

    @Test
    void malformedLineNamesFileAndLine() throws Exception {
        Path f = Files.writeString(tmp.resolve("bad.txt"), "a;b 3\n\na;b;c three\n");
        HoistException e = catchThrowableOfType(HoistException.class, () -> ProfileReader.read(f));
        assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT);
        assertThat(e.getMessage()).startsWith(f + ": line 3: ").doesNotContain("\n");
        Path empty = Files.writeString(tmp.resolve("empty-frame.txt"), "a;;b 3\n");
        assertThat(catchThrowableOfType(HoistException.class, () -> ProfileReader.read(empty)).getMessage())
                .startsWith(empty + ": line 1: empty frame");
    }

    @Test
    void commentsOnlyIsNoSamples() throws Exception {
        Path f = Files.writeString(tmp.resolve("comments.txt"), "# nothing\n\n   \n");
        assertThat(catchThrowableOfType(HoistException.class, () -> ProfileReader.read(f)).getMessage())
                .isEqualTo(f + ": no samples (only blank or comment lines)");
    }

    @Test
    void asyncProfilersOwnCollapsedOutputRanksTheWorkload() throws Exception {
        Profile p = ProfileReader.read(Recordings.collapsed());
        String w = ProfileWorkload.class.getName();
        List<String> order = MethodStats.of(p, EventKind.SAMPLE).bySelf().stream().map(s -> s.method().displayName())
                .filter(n -> n.equals(w + ".heavy") || n.equals(w + ".medium") || n.equals(w + ".light")).toList();
        assertThat(order).containsExactly(w + ".heavy", w + ".medium", w + ".light");
        assertThat(p.threadCount()).isGreaterThan(1);
        assertThat(frameTypes(p)).contains(FrameType.JIT_COMPILED);
    }

    private static java.util.Set<FrameType> frameTypes(Profile p) {
        java.util.Set<FrameType> types = java.util.EnumSet.noneOf(FrameType.class);
        for (int f = 0; f < p.frameCount(); f++) {
            types.add(p.frame(f).type());
        }
        return types;
    }
}

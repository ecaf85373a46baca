package dev.hoist.core.profile;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.Probe;
import dev.hoist.core.jvm.Targets;
import dev.hoist.core.sampling.JfrSampler;
import dev.hoist.core.sampling.SamplingEvent;
import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.sampling.SamplingResult;
import dev.hoist.core.sampling.SamplingSession;
import dev.hoist.core.sampling.Samplers;
import dev.hoist.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A recording followed while it is written must end as the profile a whole-file read gives, update
 * while sampling runs, and treat a chunk still being written as "later", never as an error.
 */
class LiveRecordingTest {
    private static final String CRUNCH = "dev.hoist.workloads.probe.HotAndAlloc.crunch";

    @TempDir
    Path tmp;

    @Test
    void followsAnAsyncProfilerSessionAndEndsWithTheWholeFilesProfile() throws Exception {
        Profile last = followSession("live-ap", Duration.ofSeconds(5),
                (target, request) -> Samplers.start(target, request, Samplers.Choice.ASYNC_PROFILER));
        assertThat(last.info().sampler()).isEqualTo(SamplerKind.ASYNC_PROFILER);
    }

    @Test
    void followsAFlightRecorderSessionAndEndsWithTheWholeFilesProfile() throws Exception {
        // the --sampler jfr path: the JDK's own recorder, driven over JMX
        // Flight Recorder checkpoints every two seconds: a longer run, so that three snapshots come with room to spare
        Profile last = followSession("live-jfr", Duration.ofSeconds(12), (target, request) -> new JfrSampler().start(target, request));
        assertThat(last.info().sampler()).isEqualTo(SamplerKind.JDK_JFR);
    }

    /**
     * Samples the probe for {@code length} with the sampler while polling the output, then checks that
     * the view moved during the run and that its last snapshot is the finished file's profile.
     */
    private Profile followSession(String name, Duration length, BiFunction<JvmInfo, SamplingRequest, SamplingSession> sampler)
            throws Exception {
        Path out = tmp.resolve(name + ".jfr");
        LiveRecording live = new LiveRecording(out);
        List<Snapshot> seen = new ArrayList<>();
        try (ChildJvm child = Probe.child(Probe.launcherJar(tmp, name + "-probe")).start()) {
            JvmInfo target = Targets.resolve(Long.toString(child.pid()));
            SamplingSession session = sampler.apply(target, SamplingRequest.of(out, length,
                    EnumSet.of(SamplingEvent.CPU, SamplingEvent.ALLOC)));
            while (session.remaining().compareTo(Duration.ofMillis(300)) > 0) {
                live.poll().ifPresent(p -> seen.add(new Snapshot(p)));
                Thread.sleep(250);
            }
            SamplingResult result = session.awaitResult();
            assertThat(result.file()).isEqualTo(out);
        }
        // the view moved while sampling ran: several snapshots, each with more samples
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).profile.size()).isGreaterThan(seen.get(i - 1).profile.size());
        }
        assertThat(seen.get(seen.size() - 1).profile.info().warnings()).isEmpty();
        Profile last = finish(live);
        Profile whole = ProfileReader.read(out);
        assertSameProfile(last, whole);
        assertThat(MethodStats.of(last, EventKind.CPU).bySelf().get(0).method().displayName()).isEqualTo(CRUNCH);
        // later reading never changed what an earlier snapshot showed
        for (Snapshot s : seen) {
            s.assertUnchanged();
        }
        return last;
    }

    @Test
    void aFileThatDoesNotExistYetIsNothingNewNotAnError() throws Exception {
        Path out = tmp.resolve("later.jfr");
        LiveRecording live = new LiveRecording(out);
        assertThat(live.poll()).isEmpty();
        assertThat(live.current().size()).isZero();
        assertThat(live.current().info().file()).isEqualTo(out);
        assertThat(live.current().info().sampler()).isNull();
        Files.write(out, new byte[0]);
        assertThat(live.poll()).isEmpty();
        Files.write(out, Arrays.copyOf(Files.readAllBytes(Recordings.asyncProfiler()), 40));
        assertThat(live.poll()).isEmpty();
        Files.copy(Recordings.asyncProfiler(), out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Profile p = live.poll().orElseThrow();
        assertSameProfile(p, ProfileReader.read(out));
        assertThat(live.current()).isSameAs(p);
        assertThat(live.poll()).isEmpty();
    }

    @Test
    void aTruncatedLastChunkIsReadOnceItIsComplete() throws Exception {
        for (Path rec : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            byte[] one = Files.readAllBytes(rec);
            byte[] two = concat(one, one);
            Path whole = Files.write(tmp.resolve("two-" + rec.getFileName()), two);
            Profile first = ProfileReader.read(rec);
            for (int cut : new int[] {one.length + 1, one.length + 67, one.length + 68, one.length + 500,
                    one.length + one.length / 2, two.length - 1}) {
                Path f = Files.write(tmp.resolve("cut-" + cut + "-" + rec.getFileName()), Arrays.copyOf(two, cut));
                LiveRecording live = new LiveRecording(f);
                Profile partial = live.poll().orElseThrow();
                assertThat(partial.size()).as("cut at %d of %s", cut, rec).isEqualTo(first.size());
                assertThat(partial.info().warnings()).as("an unfinished chunk is expected, not a problem").isEmpty();
                assertThat(live.poll()).isEmpty();
                // the writer finishes the chunk
                Files.write(f, Arrays.copyOfRange(two, cut, two.length), StandardOpenOption.APPEND);
                Profile full = live.poll().orElseThrow();
                assertSameProfile(full, ProfileReader.read(f));
                assertThat(full.size()).isEqualTo(ProfileReader.read(whole).size());
                assertThat(partial.size()).isEqualTo(first.size());
            }
        }
    }

    @Test
    void aChunkWhoseHeaderStillHasThePlaceholderSizeIsLeftForLater() throws Exception {
        byte[] one = Files.readAllBytes(Recordings.asyncProfiler());
        byte[] two = concat(one, one);
        byte[] writing = two.clone();
        // what async-profiler writes when it starts a chunk: a 1 GB size and no offsets
        ByteBuffer.wrap(writing).putLong(one.length + 8, 1L << 30).putLong(one.length + 16, 0).putLong(one.length + 24, 0);
        Path f = Files.write(tmp.resolve("writing.jfr"), writing);
        LiveRecording live = new LiveRecording(f);
        assertThat(live.poll().orElseThrow().size()).isEqualTo(ProfileReader.read(Recordings.asyncProfiler()).size());
        assertThat(live.poll()).isEmpty();
        try (var ch = java.nio.channels.FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(two, one.length + 8, 24), one.length + 8);
        }
        assertSameProfile(live.poll().orElseThrow(), ProfileReader.read(f));
        assertThat(Files.readAllBytes(f)).isEqualTo(two);
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCorruptChunkAfterGoodOnesEndsTheRecordingWithAWarning() throws Exception {
        byte[] one = Files.readAllBytes(Recordings.asyncProfiler());
        byte[] bad = BadInputTest.poolCorrupted(one);
        Path f = Files.write(tmp.resolve("corrupt-second.jfr"), concat(one, bad));
        LiveRecording live = new LiveRecording(f);
        Profile p = live.poll().orElseThrow();
        assertThat(p.size()).isEqualTo(ProfileReader.read(Recordings.asyncProfiler()).size());
        assertThat(p.info().warnings()).singleElement().asString()
                .startsWith(f + ": corrupt JFR recording (").endsWith("; kept the 1 complete chunk(s) before it");
        assertSameProfile(p, ProfileReader.read(f));
        // nothing after a corrupt chunk is read, even good chunks
        Files.write(f, one, StandardOpenOption.APPEND);
        assertThat(live.poll()).isEmpty();
        assertThat(live.current()).isSameAs(p);
    }

    @Test
    void aCorruptFirstChunkIsBadInputNamingTheFile() throws Exception {
        byte[] bad = BadInputTest.poolCorrupted(Files.readAllBytes(Recordings.asyncProfiler()));
        Path f = Files.write(tmp.resolve("corrupt-first.jfr"), bad);
        HoistException e = catchThrowableOfType(HoistException.class, () -> new LiveRecording(f).poll());
        assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT);
        assertThat(e.getMessage()).startsWith(f + ": corrupt JFR recording").doesNotContain("\n")
                .isEqualTo(catchThrowableOfType(HoistException.class, () -> ProfileReader.read(f)).getMessage());
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void flippedBytesInALaterChunkGiveWhatAWholeFileReadGives() throws Exception {
        for (Path rec : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            byte[] one = Files.readAllBytes(rec);
            Random random = new Random(7);
            for (int round = 0; round < 12; round++) {
                byte[] two = BadInputTest.flipped(concat(one, one), one.length + 68, random, round % 2 == 0 ? 1 : 8);
                Path f = Files.write(tmp.resolve("flip-" + round + "-" + rec.getFileName()), two);
                HoistException readFailure = null;
                Profile read = null;
                try {
                    read = ProfileReader.read(f);
                } catch (HoistException e) {
                    readFailure = e;
                }
                LiveRecording live = new LiveRecording(f);
                String at = "round " + round + " of " + rec;
                if (readFailure != null) {
                    HoistException e = catchThrowableOfType(HoistException.class, live::poll);
                    assertThat(e).as(at).isNotNull();
                    assertThat(e.getMessage()).isEqualTo(readFailure.getMessage());
                } else if (rec.equals(Recordings.jdk()) && read.info().warnings().stream().anyMatch(w -> w.contains("after"))) {
                    // the JDK's parser reads one event ahead, so a whole-file read loses the event before a chunk
                    // it cannot parse; a live read parsed that event's chunk in an earlier batch and keeps it
                    Profile p = live.poll().orElseThrow();
                    assertThat(p.info().warnings()).as(at).singleElement().asString()
                            .startsWith(f + ": JFR recording is truncated or corrupt after ");
                    assertThat(p.size()).as(at).isBetween(read.size(), read.size() + 1);
                } else {
                    assertSameProfile(live.poll().orElseThrow(), read);
                }
            }
        }
    }

    @Test
    void aFileThatIsNotJfrShrinksOrIsReplacedIsBadInput() throws Exception {
        Path text = Files.writeString(tmp.resolve("stacks.txt"), "main;work 3\n");
        HoistException notJfr = catchThrowableOfType(HoistException.class, () -> new LiveRecording(text).poll());
        assertThat(notJfr.failure()).isEqualTo(Failure.BAD_INPUT);
        assertThat(notJfr.getMessage()).isEqualTo(text + ": not a JFR recording; only JFR recordings can be followed while they are written");

        Path f = Files.copy(Recordings.asyncProfiler(), tmp.resolve("replaced.jfr"));
        LiveRecording live = new LiveRecording(f);
        assertThat(live.poll()).isPresent();
        Files.write(f, Arrays.copyOf(Files.readAllBytes(Recordings.asyncProfiler()), 100));
        HoistException shrank = catchThrowableOfType(HoistException.class, live::poll);
        assertThat(shrank.failure()).isEqualTo(Failure.BAD_INPUT);
        assertThat(shrank.getMessage()).startsWith(f + ": shrank from ").endsWith("was it replaced?");

        // a new session writing to the same name: a longer file, but not the one that was read
        Path g = Files.copy(Recordings.asyncProfiler(), tmp.resolve("rewritten.jfr"));
        LiveRecording following = new LiveRecording(g);
        assertThat(following.poll()).isPresent();
        byte[] other = Files.readAllBytes(Recordings.wall());
        Files.write(g, concat(other, concat(other, other)));
        HoistException replaced = catchThrowableOfType(HoistException.class, following::poll);
        assertThat(replaced.failure()).isEqualTo(Failure.BAD_INPUT);
        assertThat(replaced.getMessage()).isEqualTo(g + ": was replaced while it was followed (its first chunk changed)");
    }

    /** Polls until a poll brings nothing new: what is on disk once the writer has finished. */
    static Profile finish(LiveRecording live) {
        for (Optional<Profile> p = live.poll(); p.isPresent(); p = live.poll()) {
            // keep reading
        }
        return live.current();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /**
     * The same profile: the same header, and sample by sample the same kind, time, weight, thread,
     * allocated class and frames; and what the views show from it, the per-method self and total and
     * the sample counts per kind.
     */
    static void assertSameProfile(Profile actual, Profile expected) {
        assertThat(actual.info()).isEqualTo(expected.info());
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.sampleCounts()).isEqualTo(expected.sampleCounts());
        assertThat(actual.methods()).isEqualTo(expected.methods());
        assertThat(actual.frameCount()).isEqualTo(expected.frameCount());
        assertThat(actual.stackCount()).isEqualTo(expected.stackCount());
        assertThat(actual.threadCount()).isEqualTo(expected.threadCount());
        for (int i = 0; i < expected.size(); i++) {
            String at = "sample " + i;
            assertThat(actual.kind(i)).as(at).isEqualTo(expected.kind(i));
            assertThat(actual.timeNanos(i)).as(at).isEqualTo(expected.timeNanos(i));
            assertThat(actual.weight(i)).as(at).isEqualTo(expected.weight(i));
            assertThat(actual.threadName(actual.thread(i))).as(at).isEqualTo(expected.threadName(expected.thread(i)));
            assertThat(actual.allocClass(i) < 0 ? null : actual.className(actual.allocClass(i))).as(at)
                    .isEqualTo(expected.allocClass(i) < 0 ? null : expected.className(expected.allocClass(i)));
            assertThat(frames(actual, actual.stack(i))).as(at).isEqualTo(frames(expected, expected.stack(i)));
        }
        for (EventKind kind : expected.sampleCounts().keySet()) {
            assertThat(selfAndTotal(actual, kind)).as(kind.id()).isEqualTo(selfAndTotal(expected, kind));
        }
    }

    private static List<Frame> frames(Profile p, int stack) {
        return Arrays.stream(p.stackFrames(stack)).mapToObj(p::frame).toList();
    }

    private static Map<MethodRef, List<Long>> selfAndTotal(Profile p, EventKind kind) {
        Map<MethodRef, List<Long>> m = new HashMap<>();
        for (MethodStats.MethodStat s : MethodStats.of(p, kind).bySelf()) {
            m.put(s.method(), List.of(s.self(), s.total()));
        }
        return m;
    }

    /** A snapshot with what it showed when it was taken, to check later that it never changed. */
    private static final class Snapshot {
        final Profile profile;
        final int size;
        final Map<EventKind, Long> counts;
        final long[] weights;
        final int[] stacks;

        Snapshot(Profile p) {
            profile = p;
            size = p.size();
            counts = p.sampleCounts();
            weights = new long[size];
            stacks = new int[size];
            for (int i = 0; i < size; i++) {
                weights[i] = p.weight(i);
                stacks[i] = p.stack(i);
            }
        }

        void assertUnchanged() {
            assertThat(profile.size()).isEqualTo(size);
            assertThat(profile.sampleCounts()).isEqualTo(counts);
            for (int i = 0; i < size; i++) {
                assertThat(profile.weight(i)).isEqualTo(weights[i]);
                assertThat(profile.stack(i)).isEqualTo(stacks[i]);
            }
        }
    }
}

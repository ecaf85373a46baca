package dev.hoist.core.session;

import dev.hoist.core.advice.ClassPathAdvisor;
import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.TargetClassBytes;
import dev.hoist.core.jvm.TargetArguments;
import dev.hoist.core.jvm.TargetClassPath;
import dev.hoist.core.profile.LiveRecording;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.sampling.DebugInfoRepair;
import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.sampling.SamplingResult;
import dev.hoist.core.sampling.Redaction;
import dev.hoist.core.sampling.SamplingEvent;
import dev.hoist.core.sampling.SamplingSession;
import dev.hoist.core.sampling.SegmentedSession;
import dev.hoist.core.sampling.Samplers;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Profiling a running JVM, the one way {@code hoist profile PID}, the window's live session and
 * {@code hoist attach} do it: read the target's class path (a target that exits mid-run takes it
 * with it), repair its debug info ({@link DebugInfoRepair}), start the sampler, follow the
 * recording as it grows ({@link #poll}), stop, read the whole recording ({@link #recorded}), and
 * fetch the hot classes that are on no path from the target's memory ({@link #missingClasses}).
 * Plain Java: the caller decides on which thread each step runs and how it shows what is said.
 * Every step that is not fatal says what it did in one line to the {@code said} consumer given
 * to {@link #start}, in the words the CLI prints after "hoist: ".
 */
public final class LiveProfiling implements AutoCloseable {

    /**
     * How to profile: which sampler, whether to repair debug info and read the target's class path
     * first, and whether the recording keeps none of the target's arguments ({@code --redact-args};
     * secret-looking values are taken out either way, see {@link Redaction}).
     */
    public record Options(Samplers.Choice sampler, boolean repair, boolean readClassPath, boolean redactArgs) {
        public Options {
            Objects.requireNonNull(sampler, "sampler");
        }

        public Options(Samplers.Choice sampler, boolean repair, boolean readClassPath) {
            this(sampler, repair, readClassPath, false);
        }

        /** Any sampler, with the repair and the class path: what {@code hoist profile PID} does by default. */
        public static Options defaults() {
            return new Options(Samplers.Choice.AUTO, true, true, false);
        }

        public Options withSampler(Samplers.Choice choice) {
            return new Options(choice, repair, readClassPath, redactArgs);
        }

        public Options withRepair(boolean on) {
            return new Options(sampler, on, readClassPath, redactArgs);
        }

        public Options withReadClassPath(boolean on) {
            return new Options(sampler, repair, on, redactArgs);
        }

        public Options withRedactArgs(boolean on) {
            return new Options(sampler, repair, readClassPath, on);
        }
    }

    private final JvmInfo target;
    private final SegmentedSession sampling;
    private final LiveRecording feed;
    private final String targetClassPath;
    private final DebugInfoRepair.Outcome repair;
    private final Consumer<String> said;
    private final Redaction redaction;
    private volatile boolean polled;
    private volatile boolean redacted;

    private LiveProfiling(JvmInfo target, SegmentedSession sampling, String targetClassPath,
                          DebugInfoRepair.Outcome repair, Consumer<String> said, Redaction redaction) {
        this.target = target;
        this.redaction = redaction;
        this.sampling = sampling;
        this.feed = new LiveRecording(sampling.liveFile());
        this.targetClassPath = targetClassPath;
        this.repair = repair;
        this.said = said;
    }

    /**
     * Prepares the target and starts the sampler; returns once it runs. The repair's outcome (done or
     * why not) is said before the sampler starts, so every recorded sample is of recompiled code.
     *
     * @param said one line per thing done that the user should know, e.g. "repaired debug info: …"
     * @throws dev.hoist.core.HoistException when the target cannot be attached to or the sampler cannot start
     */
    public static LiveProfiling start(JvmInfo target, SamplingRequest request, Options options, Consumer<String> said) {
        Consumer<String> out = said == null ? line -> { } : said;
        TargetArguments args = TargetArguments.of(target.pid()); // one attach for the class path and the redaction
        String classPath = options.readClassPath() ? TargetClassPath.of(args.properties()) : null;
        Redaction redaction = options.redactArgs() ? Redaction.all(args) : Redaction.secrets(args);
        DebugInfoRepair.Outcome repaired = null;
        if (options.repair()) {
            repaired = DebugInfoRepair.run(target, options.sampler());
            out.accept(repaired.note());
        }
        SegmentedSession s = SegmentedSession.start(target, request, options.sampler());
        return new LiveProfiling(target, s, classPath, repaired, out, redaction);
    }

    public JvmInfo target() {
        return target;
    }

    /** The sampler's session: its request, elapsed and remaining time, {@link SamplingSession#awaitResult()}. */
    public SamplingSession sampling() {
        return sampling;
    }

    /** What the debug-info repair did, or null when it was not asked for. */
    public DebugInfoRepair.Outcome repair() {
        return repair;
    }

    /** The target's class path as read before sampling; null when not read. */
    public String targetClassPath() {
        return targetClassPath;
    }

    /** The target's class path followed by {@code extra} (either may be null or blank), for the advice. */
    public String classPath(String extra) {
        return ClassPath.join(targetClassPath, extra);
    }

    public Duration elapsed() {
        return sampling.elapsed();
    }

    public Duration remaining() {
        return sampling.remaining();
    }

    public boolean targetAlive() {
        return sampling.targetAlive();
    }

    /** Whether sampling should end now: the target is gone or the requested time has passed. */
    public boolean ended() {
        return !sampling.targetAlive() || sampling.remaining().isZero();
    }

    /**
     * The recording so far, when chunks were completed since the last poll; only the new chunks are
     * parsed. Safe to call from one thread at a time while sampling runs.
     */
    public Optional<Profile> poll() {
        polled = true;
        sampling.flush();
        return feed.poll();
    }

    /**
     * Stops the profiler in the target, keeping what it recorded ({@code hoist attach}'s pause); the
     * target then runs unsampled until {@link #resume}. Takes as long as a sampler's stop.
     */
    public void pause() {
        sampling.pause();
    }

    /** Starts sampling again with the same events, into the same recording; its samples count on. */
    public void resume() {
        sampling.resume(sampling.request().events());
    }

    /** Whether sampling is paused. */
    public boolean paused() {
        return sampling.paused();
    }

    /**
     * Restarts the sampler with {@code more} events added to those sampled (an event not asked for
     * at start), into the same recording: the samples so far are kept. Paused, it resumes.
     *
     * @throws dev.hoist.core.HoistException when the sampler cannot start again (sampling is then paused)
     */
    public void sampleAlso(Set<SamplingEvent> more) {
        Set<SamplingEvent> all = EnumSet.copyOf(sampling.request().events());
        all.addAll(more);
        sampling.resume(all);
    }

    /** The events sampled now (or before the pause). */
    public Set<SamplingEvent> events() {
        return sampling.request().events();
    }

    /**
     * Merges the samples read before {@code beforeNanos} so that a session of hours holds the
     * distinct stacks of its past, not every sample ({@link LiveRecording#compact}); the totals and
     * the windows since the start or since any of {@code marks} stay exact, the recording on disk
     * keeps every sample. Returns the profile so far, as {@link #poll} would.
     */
    public Profile compact(long beforeNanos, long[] marks) {
        synchronized (feed) {
            return feed.compact(beforeNanos, marks);
        }
    }

    /**
     * Writes what was sampled so far to {@code out} (owner-only) while sampling goes on: the
     * recording's complete chunks, read first if new ones came, and returns the profile of exactly
     * those chunks. {@code hoist attach}'s record key; the file is a JFR that {@code hoist report} reads.
     *
     * @throws java.io.UncheckedIOException when {@code out} cannot be written
     */
    public Profile saveSoFar(java.nio.file.Path out) {
        synchronized (feed) {
            poll();
            try {
                feed.copyReadChunks(out);
                redaction.apply(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // merged rows have lost their times: the report of the copy reads its every sample
            return feed.compacted() ? ProfileReader.read(out) : feed.current();
        }
    }

    /** Stops the sampler; the recording is complete on disk. Idempotent and thread safe. */
    public SamplingResult stop() {
        return redacted(sampling.stop());
    }

    /** Waits until the requested time has passed, the target exited or {@link #stop} was called; then stops. */
    public SamplingResult awaitResult() throws InterruptedException {
        return redacted(sampling.awaitResult());
    }

    /** Takes the target's secrets (or all its arguments) out of the finished recording, once. */
    private synchronized SamplingResult redacted(SamplingResult result) {
        if (!redacted && result.file() != null && !redaction.isEmpty()) {
            redacted = true;
            try {
                int n = redaction.apply(result.file());
                if (n > 0) {
                    said.accept("took the target's " + (redaction.all() ? "arguments" : "secret-looking property values")
                            + " out of the recording (" + n + " place(s))");
                }
            } catch (java.io.IOException e) {
                said.accept("could not redact the recording: " + e.getMessage());
            }
        }
        return result;
    }

    /**
     * The whole recording of a finished run: the chunks already read while sampling stay read, only
     * what came since the last poll is parsed; after a {@link #compact}, the file is read again, so
     * that the report has every sample's time, as {@code hoist profile}'s does. Null when the
     * sampler wrote no file.
     */
    public Profile recorded(SamplingResult result) {
        if (result.file() == null) {
            return null;
        }
        if (polled && result.file().equals(feed.file()) && !feed.compacted()) {
            feed.poll();
            Profile p = feed.current();
            if (p.info().sampler() != null) {
                return p;
            }
        }
        // never followed, or nothing complete was in it: a whole read says precisely what is wrong
        return ProfileReader.read(result.file());
    }

    /**
     * Where the advice gets the hot classes that are on no path: read from the target's memory by
     * Hoist's class-bytes agent. Asked after sampling, since the capture may make the JIT recompile
     * those classes. A target that has exited is not asked: each class then says so as the reason
     * it is missing.
     */
    public ClassPathAdvisor.MissingClasses missingClasses() {
        long pid = target.pid();
        return names -> {
            TargetClassBytes got = TargetClassBytes.fetch(pid, names);
            if (!got.captured().isEmpty()) {
                said.accept(String.format("read %d class(es) that are on no path from JVM %d's memory",
                        got.captured().size(), pid));
            }
            return got;
        };
    }

    /** Stops the sampler if it still runs; the recording stays on disk. */
    @Override
    public void close() {
        sampling.stop();
    }
}

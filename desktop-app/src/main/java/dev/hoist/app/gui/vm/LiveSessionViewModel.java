package dev.hoist.app.gui.vm;

import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.sampling.SamplingEvent;
import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.sampling.SamplingResult;
import dev.hoist.core.session.LiveProfiling;
import dev.hoist.core.session.RecordingSidecar;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live JVM being sampled through {@link LiveProfiling}, as {@code hoist profile PID} does it:
 * its debug info repaired first (unless turned off), a refresh once a second while sampling (the
 * recording so far, re-ranked advice), and on stop the whole recording advised with the class
 * bytes read from the target. The recording is on disk from the first second on; stopping (or
 * closing the window) stops the sampler in the target and keeps the file.
 */
public final class LiveSessionViewModel extends SessionViewModel {

    /** How long to sample: until stopped, or a fixed time. */
    public enum Length {
        UNTIL_STOPPED("until stopped", Duration.ofDays(365)),
        TEN_SECONDS("10 s", Duration.ofSeconds(10)),
        THIRTY_SECONDS("30 s", Duration.ofSeconds(30)),
        ONE_MINUTE("1 min", Duration.ofMinutes(1)),
        FIVE_MINUTES("5 min", Duration.ofMinutes(5));

        private final String label;
        private final Duration duration;

        Length(String label, Duration duration) {
            this.label = label;
            this.duration = duration;
        }

        public Duration duration() {
            return duration;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final JvmInfo target;
    private final Path recordingsDir;
    /** This session's events, interval, length and repair: the same settings the sidebar holds for the next attach. */
    private final SamplingSettings settings = new SamplingSettings();

    // touched by background threads
    private volatile LiveProfiling live;
    private volatile String targetClassPath;
    private volatile Workers.Ticking tick;
    private final java.time.Instant targetStarted;
    private volatile Workers.Ticking clock;
    private volatile boolean targetExited;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean refreshing = new AtomicBoolean();

    LiveSessionViewModel(JvmInfo target, Workers workers, List<Rule> rules, Path recordingsDir, List<Path> sourceDirs,
                         String classPath) {
        super(workers, rules, sourceDirs, classPath, "not on the target's class path");
        this.target = target;
        this.recordingsDir = recordingsDir;
        title.set(target.displayName() + "  ·  PID " + target.pid());
        targetStarted = target.uptime() == null ? null : java.time.Instant.now().minus(target.uptime());
        subtitle.set(describe(target, target.uptime()));
        // the target's age goes on: "up 34 s" said so once and then stood still
        clock = targetStarted == null ? null : workers.every(REFRESH, () -> workers.ui(this::showAge));
        state.set(State.READY);
    }

    static String describe(JvmInfo j, Duration uptime) {
        return "PID " + j.pid() + "  ·  Java " + j.javaVersion() + (j.vendor().equals("?") ? "" : " (" + j.vendor() + ")")
                + (uptime == null ? "" : "  ·  up " + Fmt.age(uptime));
    }

    private void showAge() {
        if (targetStarted != null && !targetExited) {
            subtitle.set(describe(target, Duration.between(targetStarted, java.time.Instant.now())));
        }
    }

    @Override
    public void release() {
        closeClock();
        super.release();
    }

    private void closeClock() {
        Workers.Ticking c = clock;
        clock = null;
        if (c != null) {
            c.close();
        }
    }

    public BooleanProperty cpuProperty() {
        return settings.cpuProperty();
    }

    public BooleanProperty wallProperty() {
        return settings.wallProperty();
    }

    public BooleanProperty allocProperty() {
        return settings.allocProperty();
    }

    public BooleanProperty lockProperty() {
        return settings.lockProperty();
    }

    /** Whether to repair the target's debug info before sampling, as {@code hoist profile} does unless {@code --no-repair}. */
    public BooleanProperty repairProperty() {
        return settings.repairProperty();
    }

    /** CPU (and wall) sampling interval in milliseconds. */
    public IntegerProperty intervalMsProperty() {
        return settings.intervalMsProperty();
    }

    public ObjectProperty<Length> lengthProperty() {
        return settings.lengthProperty();
    }

    /** Starts sampling the target with the chosen events (UI thread); a new recording each time. */
    public void start() {
        if (state.get() == State.STARTING || state.get() == State.SAMPLING || state.get() == State.STOPPING) {
            return;
        }
        Set<SamplingEvent> events = EnumSet.noneOf(SamplingEvent.class);
        if (settings.cpuProperty().get()) events.add(SamplingEvent.CPU);
        if (settings.wallProperty().get()) events.add(SamplingEvent.WALL);
        if (settings.allocProperty().get()) events.add(SamplingEvent.ALLOC);
        if (settings.lockProperty().get()) events.add(SamplingEvent.LOCK);
        if (events.isEmpty()) {
            error.set("Choose at least one event to sample: cpu, wall, alloc or lock.");
            return;
        }
        int ms = settings.intervalMsProperty().get();
        if (ms < 1 || ms > 10_000) {
            error.set("The interval must be between 1 and 10000 ms.");
            return;
        }
        work.supersede();
        SessionWork.Ticket t = work.ticket();
        error.set("");
        clearNotes();
        state.set(State.STARTING);
        boolean repairing = settings.repairProperty().get();
        busy.set("Attaching to PID " + target.pid() + (repairing ? " and repairing its debug info…" : "…"));
        status.set("Starting the sampler in PID " + target.pid());
        Path out = recordingsDir.resolve("hoist-" + target.pid() + "-"
                + LocalDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + ".jfr");
        Duration interval = Duration.ofMillis(ms);
        SamplingRequest request = SamplingRequest.of(out, settings.lengthProperty().get().duration(), events).withCpuInterval(interval)
                .withWallInterval(events.contains(SamplingEvent.CPU) ? SamplingRequest.DEFAULT_WALL_INTERVAL : interval);
        LiveProfiling.Options options = LiveProfiling.Options.defaults().withRepair(repairing);
        stopping.set(false);
        t.run(() -> {
            // what the use case says (the repair's outcome, classes read from memory) goes to the notes
            LiveProfiling lp = LiveProfiling.start(target, request, options, line -> t.ui(() -> note(line)));
            live = lp; // at once: stopNow() must find a sampler started for a session that moved on
            targetClassPath = lp.targetClassPath();
            return lp;
        }, lp -> {
            recording.set(out);
            // what the last run showed stays until this one's first snapshot replaces it; its range
            // was in the last recording's time
            resetRange();
            elapsed.set("0:00");
            busy.set("");
            state.set(State.SAMPLING);
            status.set("Sampling " + String.join(", ", events.stream().map(SamplingEvent::id).toList())
                    + " every " + ms + " ms into " + out + (lp.repair() == null ? "" : "; " + lp.repair().note()));
            tick = workers.every(REFRESH, () -> tick(t));
        }, e -> fail(e, latest != null));
    }

    /** One refresh while sampling: elapsed time, a new snapshot when the recording grew, advice when idle. */
    void tick(SessionWork.Ticket t) {
        LiveProfiling lp = live;
        if (lp == null || !t.current() || stopping.get()) {
            return;
        }
        Duration e = lp.elapsed();
        t.ui(() -> elapsed.set(Fmt.clock(e)));
        if (lp.ended()) {
            // off the ticker thread: finishing reads and advises, which would hold back the other refreshes
            workers.background(() -> finish(t));
            return;
        }
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            var next = lp.poll();
            if (next.isEmpty() || !t.current()) {
                return;
            }
            Profile p = next.get();
            ProfileSnapshot v = snapshot(p);
            t.ui(() -> show(p, v));
            // at most one ranking at a time: a refresh that finds one running skips it
            advising.adviseIfIdle(forAdvice(p), ex -> note("Re-ranking the advice failed (tried again on the next refresh): "
                    + MainViewModel.oneLine(ex)));
        } catch (RuntimeException ex) {
            t.ui(() -> note("Could not read the recording so far: " + ex.getMessage()));
        } catch (OutOfMemoryError ex) {
            t.ui(() -> note(outOfMemory(null).getMessage() + "; sampling goes on and the recording stays on disk"));
        } finally {
            refreshing.set(false);
        }
    }

    /** Stops sampling (UI thread); the recording stays on disk and is read in full for the final advice. */
    public void stop() {
        if (state.get() != State.SAMPLING) {
            return;
        }
        SessionWork.Ticket t = work.ticket();
        state.set(State.STOPPING);
        busy.set("Stopping the sampler and reading the recording…");
        workers.background(() -> finish(t));
    }

    /** Stops the sampler, reads the whole recording, advises with the target's class bytes; once per start. */
    private void finish(SessionWork.Ticket t) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        closeTick();
        while (refreshing.get()) {
            // a refresh under way finishes first: its re-ranking must not come after the final advice
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LiveProfiling lp = live;
        if (lp == null) {
            return;
        }
        t.ui(() -> {
            if (state.get() == State.SAMPLING) {
                state.set(State.STOPPING);
                busy.set("Stopping the sampler and reading the recording…");
            }
        });
        SamplingResult result;
        try {
            result = lp.stop();
        } catch (RuntimeException e) {
            t.ui(() -> fail(e, latest != null));
            return;
        } finally {
            live = null;
        }
        List<String> said = new ArrayList<>(result.notes());
        Path file = result.file();
        if (file == null) {
            t.ui(() -> {
                busy.set("");
                state.set(latest == null ? State.FAILED : State.READY);
                error.set(result.targetExited() ? result.exitFailure(target.pid()).getMessage()
                        : "The sampler wrote no recording.");
                if (result.targetExited()) {
                    targetGone();
                }
                said.forEach(this::note);
            });
            return;
        }
        Runnable ready = () -> {
            busy.set("");
            state.set(State.READY);
            elapsed.set(Fmt.clock(result.duration()));
            status.set("Sampled " + Fmt.clock(result.duration()) + " with " + result.sampler() + " (cpu engine: "
                    + result.engine() + "); the recording is " + file);
            if (result.targetExited()) {
                error.set(result.exitFailure(target.pid()).getMessage());
                targetGone();
            }
            said.forEach(this::note);
            // the class path and sources this advice used, next to the recording: opened later, it advises
            // the same. A file of a few hundred bytes, written here: from a background task it could
            // finish after the window (or a test) let the session go, with no UI thread left to report to
            try {
                RecordingSidecar.write(file, meta());
            } catch (java.io.IOException | RuntimeException e) {
                note("Could not write " + RecordingSidecar.of(file).getFileName() + ": " + e.getMessage());
            }
        };
        try {
            // the chunks read while sampling stay read: only what came since the last poll is parsed
            Profile p = lp.recorded(result);
            said.addAll(p.info().warnings());
            ProfileSnapshot v = snapshot(p);
            t.ui(() -> {
                show(p, v);
                busy.set("ClassPathAdvisor: reading the hot methods' bytecode…");
            });
            advising.adviseAndShow(forAdvice(p), lp.missingClasses(), ready, e -> {
                note("The advice failed: " + MainViewModel.oneLine(e));
                ready.run();
            });
        } catch (RuntimeException e) {
            said.add("Reading the finished recording failed: " + e.getMessage());
            t.ui(ready);
        } catch (OutOfMemoryError e) {
            said.add(outOfMemory(file).getMessage());
            t.ui(() -> {
                latest = null;
                ready.run();
            });
        }
    }

    /**
     * Stops sampling now, on the calling thread (the window is closing): the sampler in the
     * target stops and the recording is completed on disk. Returns the recording, or null.
     */
    @Override
    public Path stopNow() {
        work.supersede();
        closeTick();
        closeClock();
        LiveProfiling lp = live;
        live = null;
        if (lp == null) {
            return null;
        }
        try {
            return lp.stop().file();
        } catch (RuntimeException e) {
            return lp.sampling().request().output();
        }
    }

    /** Whether the sampler is running in the target. */
    @Override
    public boolean isSampling() {
        return live != null;
    }

    /** The target ended: its age stops, and the header says it exited. On the UI thread. */
    private void targetGone() {
        targetExited = true;
        closeClock();
        subtitle.set(describe(target, null) + "  ·  exited");
    }

    private void closeTick() {
        Workers.Ticking t = tick;
        tick = null;
        if (t != null) {
            t.close();
        }
    }

    @Override
    protected String fullClassPath() {
        return ClassPath.join(targetClassPath, classPathProperty.get());
    }

    @Override
    protected String origin() {
        return target.pid() + " " + target.displayName();
    }
}

package dev.hoist.app.gui.vm;

import dev.hoist.core.HoistException;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.Advising;
import dev.hoist.core.advice.Advisor;
import dev.hoist.core.classes.ClassFile;
import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.TargetClassBytes;
import dev.hoist.core.jvm.TargetClassPath;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.LiveRecording;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.sampling.SamplingEvent;
import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.sampling.SamplingResult;
import dev.hoist.core.sampling.SamplingSession;
import dev.hoist.core.sampling.Samplers;
import dev.hoist.core.session.SessionArchive;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session in the window: a live JVM being sampled, a recording opened from disk, or jars
 * analysed without a profile. It owns the state the session's views show (the flame graph, the
 * hot methods, the advice, the timeline snapshot) and does all long work on background threads:
 * attaching, sampling with a refresh once a second, reading, advising. Errors become one line in
 * {@link #errorProperty()}, never an exception on the UI thread. A live session's recording is on
 * disk from the first second on; stopping (or closing the window) stops the sampler in the target
 * and keeps the file.
 */
public final class SessionViewModel {

    public enum Kind { LIVE, RECORDING, STATIC }

    public enum State {
        /** Attaching and starting the sampler. */
        STARTING,
        SAMPLING,
        /** Stopping the sampler, reading the whole recording, advising with the class bytes. */
        STOPPING,
        /** Reading a recording or analysing classes. */
        LOADING,
        READY,
        FAILED
    }

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

    private final Kind kind;
    private final Workers workers;
    private final List<Rule> rules;
    private final Path recordingsDir;

    private final FlameGraphViewModel flame = new FlameGraphViewModel();
    private final HotMethodsViewModel methods = new HotMethodsViewModel();
    private final AdviceViewModel advice;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper(this, "busy", "");
    private final ReadOnlyObjectWrapper<ProfileView> view = new ReadOnlyObjectWrapper<>(this, "view");
    private final ReadOnlyObjectWrapper<AdviceReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Path> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "");
    private final ReadOnlyLongWrapper samples = new ReadOnlyLongWrapper(this, "samples", 0);
    private final ObjectProperty<EventKind> viewKind = new SimpleObjectProperty<>(this, "viewKind");
    private final ObservableList<EventKind> kinds = FXCollections.observableArrayList();
    private final BooleanProperty cpu = new SimpleBooleanProperty(this, "cpu", true);
    private final BooleanProperty wall = new SimpleBooleanProperty(this, "wall", false);
    private final BooleanProperty alloc = new SimpleBooleanProperty(this, "alloc", true);
    private final BooleanProperty lock = new SimpleBooleanProperty(this, "lock", false);
    private final IntegerProperty intervalMs = new SimpleIntegerProperty(this, "intervalMs",
            (int) SamplingRequest.DEFAULT_CPU_INTERVAL.toMillis());
    private final ObjectProperty<Length> length = new SimpleObjectProperty<>(this, "length", Length.UNTIL_STOPPED);
    private final StringProperty classPathProperty = new SimpleStringProperty(this, "classPath", "");

    // live state, touched by background threads
    private final JvmInfo target;
    private final List<Path> inputs;
    private volatile List<Path> sourceDirs;
    private volatile String targetClassPath;
    private volatile SamplingSession sampling;
    /** The recording the sampler is writing, read as it grows: each poll parses only the new chunks. */
    private volatile LiveRecording feed;
    private volatile Workers.Ticking tick;
    private volatile Profile latest;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicBoolean advising = new AtomicBoolean();
    private final AtomicLong adviceSeq = new AtomicLong();
    private long appliedAdviceSeq = -1;
    private final AtomicLong generation = new AtomicLong();
    /** The class path, sources and analysed classes kept from one advice to the next. */
    private final Advising.Repeated adviceInputs = new Advising.Repeated();

    private SessionViewModel(Kind kind, Workers workers, List<Rule> rules, Path recordingsDir, JvmInfo target,
                             List<Path> inputs, List<Path> sourceDirs, String classPath) {
        this.kind = kind;
        this.workers = workers;
        this.rules = List.copyOf(rules);
        this.recordingsDir = recordingsDir;
        this.target = target;
        this.inputs = List.copyOf(inputs);
        this.sourceDirs = List.copyOf(sourceDirs);
        this.classPathProperty.set(classPath == null ? "" : classPath);
        this.advice = new AdviceViewModel(rules);
        viewKind.addListener((o, a, b) -> {
            // apply() sets the kind of the view it shows: only a kind the view does not show yet needs work
            if (b != null && (view.get() == null || view.get().kind() != b)) {
                recompute();
            }
        });
    }

    /** A session that samples {@code target}; call {@link #start()} to begin. */
    public static SessionViewModel live(JvmInfo target, Workers workers, List<Rule> rules, Path recordingsDir,
                                        List<Path> sourceDirs, String classPath) {
        SessionViewModel s = new SessionViewModel(Kind.LIVE, workers, rules, recordingsDir, target, List.of(), sourceDirs,
                classPath);
        s.title.set(target.displayName() + "  ·  PID " + target.pid());
        s.subtitle.set(describe(target));
        s.state.set(State.READY);
        return s;
    }

    /** A session for a recording or a saved session on disk; call {@link #load()} to read it. */
    public static SessionViewModel recording(Path file, Workers workers, List<Rule> rules, List<Path> sourceDirs,
                                             String classPath) {
        SessionViewModel s = new SessionViewModel(Kind.RECORDING, workers, rules, null, null, List.of(file), sourceDirs,
                classPath);
        s.title.set(String.valueOf(file.getFileName()));
        s.subtitle.set(file.toAbsolutePath().toString());
        return s;
    }

    /** A session of static findings for jars, class folders or class files; call {@link #load()}. */
    public static SessionViewModel analysis(List<Path> inputs, Workers workers, List<Rule> rules, List<Path> sourceDirs,
                                            String classPath) {
        SessionViewModel s = new SessionViewModel(Kind.STATIC, workers, rules, null, null, inputs, sourceDirs, classPath);
        s.title.set(inputs.size() == 1 ? String.valueOf(inputs.get(0).getFileName()) : inputs.size() + " inputs");
        s.subtitle.set("Static analysis of " + String.join(", ", inputs.stream().map(p -> p.toAbsolutePath().toString()).toList()));
        return s;
    }

    static String describe(JvmInfo j) {
        return "PID " + j.pid() + "  ·  Java " + j.javaVersion() + (j.vendor().equals("?") ? "" : " (" + j.vendor() + ")")
                + (j.uptime() == null ? "" : "  ·  up " + Fmt.age(j.uptime()));
    }

    // --- properties ---

    public Kind kind() {
        return kind;
    }

    public FlameGraphViewModel flame() {
        return flame;
    }

    public HotMethodsViewModel methods() {
        return methods;
    }

    public AdviceViewModel advice() {
        return advice;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtitleProperty() {
        return subtitle.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** One line about what the session is doing or did. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last error as one line a user can act on; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Notes from the sampler and readers (a fallback, a warning about a truncated file); empty when none. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** What long work runs now ("Reading the recording…"); empty when idle. */
    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProfileView> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AdviceReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The recording on disk (live: being written), null for static analysis. */
    public ReadOnlyObjectProperty<Path> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** "0:12" while sampling, the sampled time after. */
    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    /** Samples (all kinds) in the latest snapshot. */
    public ReadOnlyLongProperty samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    /** The event kind the flame graph and hot methods show; the kinds present are in {@link #kinds()}. */
    public ObjectProperty<EventKind> viewKindProperty() {
        return viewKind;
    }

    public ObservableList<EventKind> kinds() {
        return kinds;
    }

    public BooleanProperty cpuProperty() {
        return cpu;
    }

    public BooleanProperty wallProperty() {
        return wall;
    }

    public BooleanProperty allocProperty() {
        return alloc;
    }

    public BooleanProperty lockProperty() {
        return lock;
    }

    /** CPU (and wall) sampling interval in milliseconds. */
    public IntegerProperty intervalMsProperty() {
        return intervalMs;
    }

    public ObjectProperty<Length> lengthProperty() {
        return length;
    }

    /** Extra class path for the advice (jars and folders, path-separator-joined). */
    public StringProperty classPathProperty() {
        return classPathProperty;
    }

    public void dismissError() {
        error.set("");
    }

    // --- live sampling ---

    /** Starts sampling the target with the chosen events (UI thread); a new recording each time. */
    public void start() {
        if (kind != Kind.LIVE || state.get() == State.STARTING || state.get() == State.SAMPLING
                || state.get() == State.STOPPING) {
            return;
        }
        Set<SamplingEvent> events = EnumSet.noneOf(SamplingEvent.class);
        if (cpu.get()) events.add(SamplingEvent.CPU);
        if (wall.get()) events.add(SamplingEvent.WALL);
        if (alloc.get()) events.add(SamplingEvent.ALLOC);
        if (lock.get()) events.add(SamplingEvent.LOCK);
        if (events.isEmpty()) {
            error.set("Choose at least one event to sample: cpu, wall, alloc or lock.");
            return;
        }
        int ms = intervalMs.get();
        if (ms < 1 || ms > 10_000) {
            error.set("The interval must be between 1 and 10000 ms.");
            return;
        }
        long gen = generation.incrementAndGet();
        error.set("");
        notes.set("");
        state.set(State.STARTING);
        busy.set("Attaching to PID " + target.pid() + "…");
        status.set("Starting the sampler in PID " + target.pid());
        Path out = recordingsDir.resolve("hoist-" + target.pid() + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)) + ".jfr");
        Duration interval = Duration.ofMillis(ms);
        Duration duration = length.get().duration();
        stopping.set(false);
        workers.background(() -> {
            try {
                if (targetClassPath == null) {
                    // read now: a target that exits mid-run takes its class path with it
                    targetClassPath = TargetClassPath.of(target.pid());
                }
                SamplingRequest request = SamplingRequest.of(out, duration, events).withCpuInterval(interval)
                        .withWallInterval(events.contains(SamplingEvent.CPU) ? SamplingRequest.DEFAULT_WALL_INTERVAL : interval);
                SamplingSession s = Samplers.start(target, request, Samplers.Choice.AUTO);
                sampling = s;
                feed = new LiveRecording(out);
                workers.ui(() -> {
                    if (generation.get() != gen) {
                        return;
                    }
                    recording.set(out);
                    latest = null;
                    view.set(null);
                    flame.show(null);
                    methods.clear();
                    advice.clear();
                    report.set(null);
                    samples.set(0);
                    elapsed.set("0:00");
                    busy.set("");
                    state.set(State.SAMPLING);
                    status.set("Sampling " + String.join(", ", events.stream().map(SamplingEvent::id).toList())
                            + " every " + ms + " ms into " + out);
                });
                tick = workers.every(REFRESH, () -> tick(gen));
            } catch (RuntimeException e) {
                workers.ui(() -> fail(e, latest != null));
            }
        });
    }

    /** One refresh while sampling: elapsed time, a new snapshot when the recording grew, advice when idle. */
    void tick(long gen) {
        SamplingSession s = sampling;
        if (s == null || generation.get() != gen || stopping.get()) {
            return;
        }
        Duration e = s.elapsed();
        workers.ui(() -> elapsed.set(Fmt.clock(e)));
        if (!s.targetAlive() || s.remaining().isZero()) {
            // off the ticker thread: finishing reads and advises, which would hold back the other refreshes
            workers.background(() -> finish(gen));
            return;
        }
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            LiveRecording f = feed;
            var next = f == null ? java.util.Optional.<Profile>empty() : f.poll();
            if (next.isEmpty() || generation.get() != gen) {
                return;
            }
            Profile p = next.get();
            latest = p;
            ProfileView v = ProfileView.of(p, viewKind.get());
            workers.ui(() -> {
                if (generation.get() == gen) {
                    apply(v);
                }
            });
            adviseInBackground(p, gen);
        } catch (RuntimeException ex) {
            workers.ui(() -> notes.set("Could not read the recording so far: " + ex.getMessage()));
        } catch (OutOfMemoryError ex) {
            workers.ui(() -> notes.set(outOfMemory(null).getMessage() + "; sampling goes on and the recording stays on disk"));
        } finally {
            refreshing.set(false);
        }
    }

    /** Stops sampling (UI thread); the recording stays on disk and is read in full for the final advice. */
    public void stop() {
        if (kind != Kind.LIVE || state.get() != State.SAMPLING) {
            return;
        }
        long gen = generation.get();
        state.set(State.STOPPING);
        busy.set("Stopping the sampler and reading the recording…");
        workers.background(() -> finish(gen));
    }

    /** Stops the sampler, reads the whole recording, advises with the target's class bytes; once per start. */
    private void finish(long gen) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        closeTick();
        SamplingSession s = sampling;
        if (s == null) {
            return;
        }
        workers.ui(() -> {
            if (state.get() == State.SAMPLING) {
                state.set(State.STOPPING);
                busy.set("Stopping the sampler and reading the recording…");
            }
        });
        SamplingResult result;
        try {
            result = s.stop();
        } catch (RuntimeException e) {
            workers.ui(() -> fail(e, latest != null));
            return;
        } finally {
            sampling = null;
        }
        List<String> said = new ArrayList<>(result.notes());
        Path file = result.file();
        if (file == null) {
            workers.ui(() -> {
                busy.set("");
                state.set(latest == null ? State.FAILED : State.READY);
                error.set(result.targetExited() ? result.exitFailure(target.pid()).getMessage()
                        : "The sampler wrote no recording.");
                notes.set(String.join("\n", said));
            });
            return;
        }
        try {
            // the chunks read while sampling stay read: only what came since the last poll is parsed
            LiveRecording f = feed;
            Profile p;
            if (f != null) {
                f.poll(); // what the sampler wrote last, added to what was read while it ran
                p = f.current();
                feed = null; // its lookup tables are not needed any more
            } else {
                p = ProfileReader.read(file);
            }
            said.addAll(p.info().warnings());
            keep(p, gen);
            ProfileView v = ProfileView.of(p, viewKind.get());
            workers.ui(() -> {
                if (generation.get() == gen) {
                    apply(v);
                    busy.set("Advising: reading the hot methods' bytecode…");
                }
            });
            boolean alive = !result.targetExited() && ProcessHandle.of(target.pid()).map(ProcessHandle::isAlive).orElse(false);
            adviseAndShow(p, alive ? names -> TargetClassBytes.fetch(target.pid(), names) : null, gen, () -> { });
        } catch (RuntimeException e) {
            said.add("Reading the finished recording failed: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            latest = null;
            said.add(outOfMemory(file).getMessage());
        }
        workers.ui(() -> {
            if (generation.get() != gen) {
                return;
            }
            busy.set("");
            state.set(State.READY);
            elapsed.set(Fmt.clock(result.duration()));
            status.set("Sampled " + Fmt.clock(result.duration()) + " with " + result.sampler() + " (cpu engine: "
                    + result.engine() + "); the recording is " + file);
            if (result.targetExited()) {
                error.set(result.exitFailure(target.pid()).getMessage());
            }
            notes.set(String.join("\n", said));
        });
    }

    /**
     * Stops sampling now, on the calling thread (the window is closing): the sampler in the
     * target stops and the recording is completed on disk. Returns the recording, or null.
     */
    public Path stopNow() {
        generation.incrementAndGet();
        closeTick();
        SamplingSession s = sampling;
        sampling = null;
        if (s == null) {
            return null;
        }
        try {
            return s.stop().file();
        } catch (RuntimeException e) {
            return s.request().output();
        }
    }

    /** Whether the sampler is running in the target. */
    public boolean isSampling() {
        return sampling != null;
    }

    private void closeTick() {
        Workers.Ticking t = tick;
        tick = null;
        if (t != null) {
            t.close();
        }
    }

    // --- recordings and static analysis ---

    /** Reads the recording or saved session (RECORDING), or analyses the inputs (STATIC), in the background. */
    public void load() {
        if (kind == Kind.LIVE) {
            return;
        }
        long gen = generation.incrementAndGet();
        state.set(State.LOADING);
        error.set("");
        if (kind == Kind.STATIC) {
            busy.set("Analysing " + title.get() + "…");
            workers.background(() -> analyse(gen));
        } else {
            busy.set("Reading " + title.get() + "…");
            workers.background(() -> read(gen));
        }
    }

    private void read(long gen) {
        Path file = inputs.get(0);
        try {
            AdviceReport saved = null;
            Path recordingFile = file;
            List<String> said = new ArrayList<>();
            if (Files.isRegularFile(file) && SessionArchive.looksLikeSession(file)) {
                Path scratch = Files.createTempDirectory("hoist-session-");
                scratch.toFile().deleteOnExit();
                SessionArchive.Opened opened = SessionArchive.open(file, scratch);
                opened.recording().toFile().deleteOnExit();
                recordingFile = opened.recording();
                saved = opened.advice();
                SessionArchive.Meta m = opened.meta();
                List<Path> dirs = new ArrayList<>(sourceDirs);
                m.sources().forEach(d -> dirs.add(Path.of(d)));
                sourceDirs = List.copyOf(dirs);
                String cp = m.classPath() == null ? "" : m.classPath();
                workers.ui(() -> {
                    title.set(m.title() + "  ·  saved session");
                    subtitle.set(file.toAbsolutePath() + (m.sampler() == null ? "" : "  ·  " + m.sampler()));
                    if (classPathProperty.get().isBlank()) {
                        classPathProperty.set(cp);
                    }
                });
            }
            Profile p = ProfileReader.read(recordingFile);
            said.addAll(p.info().warnings());
            keep(p, gen);
            ProfileView v = ProfileView.of(p, viewKind.get());
            Path rec = recordingFile;
            workers.ui(() -> {
                if (generation.get() != gen) return;
                recording.set(rec);
                apply(v);
                busy.set("Advising: reading the hot methods' bytecode…");
            });
            Runnable ready = () -> {
                busy.set("");
                state.set(State.READY);
                status.set(describe(p));
                notes.set(String.join("\n", said));
            };
            if (saved != null) {
                AdviceReport r = saved;
                long seq = adviceSeq.incrementAndGet();
                SourceFiles sf = sourcesFor(r.advice());
                workers.ui(() -> {
                    if (applyAdvice(r, seq, sf, gen)) ready.run();
                });
            } else {
                adviseAndShow(p, null, gen, ready);
            }
        } catch (IOException | RuntimeException e) {
            workers.ui(() -> fail(e, false));
        } catch (OutOfMemoryError e) {
            latest = null;
            workers.ui(() -> fail(outOfMemory(file), false));
        }
    }

    /**
     * Lets go of this session's profile and of all that was computed from it, when another session
     * takes its place in the window: the next recording then has the heap to itself (two 250 MB
     * recordings do not fit in a 1 GB heap together). Results still on their way are dropped. The
     * recording on disk is untouched. On the UI thread, once sampling has stopped.
     */
    public void release() {
        generation.incrementAndGet();
        latest = null;
        feed = null;
        view.set(null);
        flame.show(null);
        methods.clear();
        advice.clear();
        // its jars are closed off the UI thread: an advice may still be finishing
        workers.background(adviceInputs::close);
    }

    /** Said when the heap runs out outside the readers (they say it themselves): what to do about it. */
    static HoistException outOfMemory(Path what) {
        return new HoistException(dev.hoist.core.Failure.BAD_INPUT, (what == null ? "" : what + ": ")
                + "Hoist ran out of memory (a " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB heap); start it with more, e.g. HOIST_JAVA_OPTS=-Xmx4g ./hoist gui");
    }

    private void analyse(long gen) {
        Set<String> problems = new LinkedHashSet<>();
        List<Analysis.Input> toAnalyse = new ArrayList<>();
        ClassPath.Builder b = ClassPath.builder().problems(p -> problems.add(p.toString()));
        for (Path in : inputs) {
            b.add(in, (ClassFile cf) -> toAnalyse.add(new Analysis.Input(cf.origin(), cf.bytes())));
        }
        String extra = classPathProperty.get();
        if (extra != null && !extra.isBlank()) {
            b.addClassPath(extra);
        }
        String inputPath = String.join(File.pathSeparator, inputs.stream().map(Path::toString).toList());
        // one SourceFiles for the findings' fixes and the detail pane: each file is read once
        SourceFiles sf = SourceFiles.of(sourceDirs, inputPath);
        try (ClassPath cp = b.build()) {
            Analysis.Result result = new Analysis(cp, rules, sf)
                    .threads(Math.min(4, Runtime.getRuntime().availableProcessors())).analyzeInputs(toAnalyse);
            problems.addAll(result.problems());
            result.findings().forEach(f -> sf.lines(f.className(), f.file()));
            workers.ui(() -> {
                if (generation.get() != gen) return;
                advice.setSources(sf);
                if (result.classes() == 0) {
                    fail(new HoistException(dev.hoist.core.Failure.BAD_INPUT, "No class could be read from "
                            + title.get() + (problems.isEmpty() ? "" : ": " + problems.iterator().next())), false);
                    return;
                }
                advice.showStatic(result.findings(), result.classes());
                busy.set("");
                state.set(State.READY);
                status.set(result.findings().size() + " findings in " + result.classes() + " classes ("
                        + result.methodsWithLoops() + " methods with loops)");
                notes.set(problems.isEmpty() ? "" : problems.size() + " input problem(s):\n" + String.join("\n", problems));
            });
        } catch (RuntimeException e) {
            workers.ui(() -> fail(e, false));
        } catch (OutOfMemoryError e) {
            workers.ui(() -> fail(outOfMemory(null), false));
        }
    }

    /** Advises again with a new class path (a recording's classes were not found). */
    public void setClassPath(String classPath) {
        classPathProperty.set(classPath == null ? "" : classPath);
        readvise();
    }

    /** Adds source folders and refreshes the detail (and static findings' fixes on the next analysis). */
    public void addSourceDir(Path dir) {
        List<Path> dirs = new ArrayList<>(sourceDirs);
        if (!dirs.contains(dir)) {
            dirs.add(dir);
        }
        sourceDirs = List.copyOf(dirs);
        List<dev.hoist.core.advice.Advice> shown = List.copyOf(advice.items());
        workers.background(() -> {
            SourceFiles sf = sourcesFor(shown);
            workers.ui(() -> advice.setSources(sf));
        });
    }

    private void readvise() {
        Profile p = latest;
        if (kind == Kind.STATIC) {
            load();
            return;
        }
        if (p == null || state.get() == State.SAMPLING) {
            return;
        }
        busy.set("Advising with the new class path…");
        long gen = generation.get();
        workers.background(() -> {
            try {
                adviseAndShow(p, null, gen, () -> busy.set(""));
            } catch (RuntimeException e) {
                workers.ui(() -> fail(e, true));
            }
        });
    }

    // --- shared ---

    private String fullClassPath() {
        return ClassPath.join(targetClassPath, classPathProperty.get());
    }

    private AdviceReport advise(Profile p, Advising.MissingClasses memory) {
        Advisor.Options o = Advisor.Options.defaults().withSourceDirs(sourceDirs)
                .withMissingHint(kind == Kind.LIVE ? "not on the target's class path" : "add its jar with Class path… in the toolbar");
        return adviceInputs.advise(p, fullClassPath(), o, rules, w -> { }, memory);
    }

    /** Live re-ranking: at most one advisor run at a time; a tick that finds one running skips it. */
    private void adviseInBackground(Profile p, long gen) {
        if (!advising.compareAndSet(false, true)) {
            return;
        }
        workers.background(() -> {
            try {
                adviseAndShow(p, null, gen, () -> { });
            } catch (RuntimeException e) {
                // a live re-ranking that fails is retried on the next tick; the final one reports
            } finally {
                advising.set(false);
            }
        });
    }

    private void recompute() {
        Profile p = latest;
        if (p == null) {
            return;
        }
        EventKind k = viewKind.get();
        long gen = generation.get();
        workers.background(() -> {
            ProfileView v = ProfileView.of(p, k);
            workers.ui(() -> {
                if (generation.get() == gen) {
                    apply(v);
                }
            });
        });
    }

    private void apply(ProfileView v) {
        view.set(v);
        List<EventKind> present = new ArrayList<>();
        for (EventKind k : EventKind.values()) {
            if (v.counts().getOrDefault(k, 0L) > 0) {
                present.add(k);
            }
        }
        if (!present.equals(kinds)) {
            kinds.setAll(present);
        }
        if (viewKind.get() != v.kind()) {
            viewKind.set(v.kind());
        }
        long n = 0;
        for (long c : v.counts().values()) {
            n += c;
        }
        samples.set(n);
        // the flame graph and the table in their own UI tasks: the UI thread gets to draw in between
        workers.ui(() -> {
            if (view.get() == v) {
                flame.show(v.flame());
            }
        });
        workers.ui(() -> {
            if (view.get() == v) {
                methods.show(v);
            }
        });
    }

    /**
     * Advises on {@code p} (off the UI thread) and shows the advice with its sources read, then runs
     * {@code after} on the UI thread; neither happens if the session moved on meanwhile (a new load,
     * a release) or a later advice was already shown.
     */
    private void adviseAndShow(Profile p, Advising.MissingClasses memory, long gen, Runnable after) {
        long seq = adviceSeq.incrementAndGet();
        AdviceReport r = advise(p, memory);
        SourceFiles sf = sourcesFor(r.advice());
        workers.ui(() -> {
            if (applyAdvice(r, seq, sf, gen)) after.run();
        });
    }

    /** Shows the advice unless the session moved on or a later advice is shown; says whether it did. On the UI thread. */
    private boolean applyAdvice(AdviceReport r, long seq, SourceFiles sf, long gen) {
        if (generation.get() != gen || seq < appliedAdviceSeq) {
            return false; // a released or reloaded session, or an older live ranking that finished after a newer one
        }
        appliedAdviceSeq = seq;
        advice.setSources(sf);
        report.set(r);
        advice.show(r);
        return true;
    }

    /** Keeps {@code p} as the latest profile, unless the session moved on (it would pin a released profile). */
    private void keep(Profile p, long gen) {
        if (generation.get() == gen) {
            latest = p;
        }
    }

    /**
     * Where the advice's source files are, with the files of {@code shown} already read: the detail
     * pane then finds them in memory instead of reading files on the UI thread. Background only.
     */
    private SourceFiles sourcesFor(List<dev.hoist.core.advice.Advice> shown) {
        SourceFiles sf = adviceInputs.sources(fullClassPath(), sourceDirs);
        for (var a : shown) {
            sf.lines(a.finding().className(), a.finding().file());
        }
        return sf;
    }

    private void fail(Exception e, boolean keepState) {
        busy.set("");
        error.set(MainViewModel.oneLine(e));
        state.set(keepState ? State.READY : State.FAILED);
        status.set(keepState ? status.get() : "Failed");
    }

    private static String describe(Profile p) {
        var info = p.info();
        StringBuilder b = new StringBuilder();
        b.append(Fmt.count(p.size())).append(" events from ").append(info.sampler().id());
        if (info.engine() != null) {
            b.append(" (cpu engine ").append(info.engine()).append(")");
        }
        if (info.durationNanos() > 0) {
            b.append(", ").append(Fmt.clock(Duration.ofNanos(info.durationNanos()))).append(" long");
        }
        return b.toString();
    }

    /** What a saved session records about this one. */
    public SessionArchive.Meta meta() {
        List<String> events = new ArrayList<>();
        ProfileView v = view.get();
        if (v != null) {
            v.counts().keySet().forEach(k -> events.add(k.id()));
        }
        Profile p = latest;
        String sampler = p == null ? null : p.info().sampler().id() + (p.info().engine() == null ? "" : " (" + p.info().engine() + ")");
        return new SessionArchive.Meta(SessionArchive.SCHEMA, title.get().replace("  ·  saved session", ""),
                target == null ? (inputs.isEmpty() ? "" : inputs.get(0).toString()) : target.pid() + " " + target.displayName(),
                sampler, events, fullClassPath(), sourceDirs.stream().map(Path::toString).toList(),
                recording.get() == null ? null : recording.get().getFileName().toString(), System.currentTimeMillis());
    }
}

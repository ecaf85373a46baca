package dev.hoist.app.gui.vm;

import dev.hoist.core.HoistException;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.SampleFilter;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.session.SessionArchive;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One session in the window: a live JVM being sampled ({@link LiveSessionViewModel}), a recording
 * opened from disk ({@link RecordingSessionViewModel}), or jars analyzed without a profile
 * ({@link AnalysisSessionViewModel}). This base owns the state every session's views show (the
 * flame graph, the hot methods, the advice, the timeline snapshot, the status and notes) and the
 * advising they share; the use cases themselves live in {@code dev.hoist.core.session}. Long work
 * runs through {@link SessionWork}, which drops the results of a session that moved on. Errors
 * become one line in {@link #errorProperty()}, warnings a line in {@link #notesProperty()}; never
 * an exception on the UI thread.
 */
public abstract class SessionViewModel {

    public enum State {
        /** Attaching and starting the sampler. */
        STARTING,
        SAMPLING,
        /** Stopping the sampler, reading the whole recording, advising with the class bytes. */
        STOPPING,
        /** Reading a recording or analyzing classes. */
        LOADING,
        READY,
        FAILED
    }

    protected final SessionWork work;
    protected final Workers workers;
    protected final List<Rule> rules;

    private final FlameGraphViewModel flame = new FlameGraphViewModel();
    private final HotMethodsViewModel methods = new HotMethodsViewModel();
    private final AllocationsViewModel allocations = new AllocationsViewModel();
    private final CallTreeViewModel callTree;
    private final AdviceViewModel advice;

    protected final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    protected final ReadOnlyStringWrapper subtitle = new ReadOnlyStringWrapper(this, "subtitle", "");
    protected final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    protected final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    protected final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    protected final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper(this, "busy", "");
    protected final ReadOnlyObjectWrapper<AdviceReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    protected final ReadOnlyObjectWrapper<Path> recording = new ReadOnlyObjectWrapper<>(this, "recording");
    protected final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    private final List<String> noteLines = new ArrayList<>(); // UI thread
    private final ReadOnlyObjectWrapper<ProfileSnapshot> view = new ReadOnlyObjectWrapper<>(this, "view");
    private final ReadOnlyLongWrapper samples = new ReadOnlyLongWrapper(this, "samples", 0);
    private final ObjectProperty<EventKind> viewKind = new SimpleObjectProperty<>(this, "viewKind");
    private final ObjectProperty<SampleFilter> filter = new SimpleObjectProperty<>(this, "filter", SampleFilter.ALL);
    private final javafx.beans.property.BooleanProperty hideIdle =
            new javafx.beans.property.SimpleBooleanProperty(this, "hideIdle", true);
    /** The filter and the idle threads' hiding as background work reads them. */
    private volatile SampleFilter currentFilter = SampleFilter.ALL;
    private volatile boolean currentHideIdle = true;
    private final ObservableList<EventKind> kinds = FXCollections.observableArrayList();
    protected final StringProperty classPathProperty = new SimpleStringProperty(this, "classPath", "");

    /** The source folders given, and those a saved session brings; read by background work. */
    protected volatile List<Path> sourceDirs;
    /** The profile shown, kept for re-advising and other event kinds; null once released. */
    protected volatile Profile latest;
    /** The advice on this session's profile, made with what was kept from the last one. */
    protected final SessionAdvising advising;
    private final dev.hoist.core.session.LatestWork viewRuns;

    /** @param missingHint what the advice says of a hot class it could not read */
    protected SessionViewModel(Workers workers, List<Rule> rules, List<Path> sourceDirs, String classPath,
                               String missingHint) {
        this.workers = workers;
        this.callTree = new CallTreeViewModel(workers);
        this.work = new SessionWork(workers);
        this.viewRuns = new dev.hoist.core.session.LatestWork(workers::background);
        this.rules = List.copyOf(rules);
        this.sourceDirs = List.copyOf(sourceDirs);
        this.classPathProperty.set(classPath == null ? "" : classPath);
        this.advice = new AdviceViewModel(rules);
        this.advising = new SessionAdvising(work, rules, this::fullClassPath, () -> this.sourceDirs, missingHint,
                this::showAdvice);
        filter.addListener((o, a, b) -> {
            currentFilter = b == null ? SampleFilter.ALL : b;
            recompute();
            readvise();
        });
        hideIdle.addListener((o, a, b) -> {
            currentHideIdle = b;
            recompute();
        });
        viewKind.addListener((o, a, b) -> {
            // show() sets the kind of the snapshot it shows: only a kind not shown yet needs work
            if (b != null && (view.get() == null || view.get().kind() != b)) {
                recompute();
            }
        });
    }

    /** A session that samples {@code target}; call {@link LiveSessionViewModel#start()} to begin. */
    public static LiveSessionViewModel live(JvmInfo target, Workers workers, List<Rule> rules, Path recordingsDir,
                                            List<Path> sourceDirs, String classPath) {
        return new LiveSessionViewModel(target, workers, rules, recordingsDir, sourceDirs, classPath);
    }

    /** A session for a recording or a saved session on disk; call {@link RecordingSessionViewModel#load()} to read it. */
    public static RecordingSessionViewModel recording(Path file, Workers workers, List<Rule> rules, List<Path> sourceDirs,
                                                      String classPath) {
        return new RecordingSessionViewModel(file, workers, rules, sourceDirs, classPath);
    }

    /** A session of static findings for jars, class folders or class files; call {@link AnalysisSessionViewModel#load()}. */
    public static AnalysisSessionViewModel analysis(List<Path> inputs, Workers workers, List<Rule> rules,
                                                    List<Path> sourceDirs, String classPath) {
        return new AnalysisSessionViewModel(inputs, workers, rules, sourceDirs, classPath);
    }

    // --- properties ---

    public FlameGraphViewModel flame() {
        return flame;
    }

    public HotMethodsViewModel methods() {
        return methods;
    }

    public AllocationsViewModel allocations() {
        return allocations;
    }

    /** The call tree and the back-traces of the method selected in it. */
    public CallTreeViewModel callTree() {
        return callTree;
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

    /**
     * Notes from the sampler, the readers and the advice, one a line: a fallback, a truncated file,
     * a class path entry that does not exist, a live re-ranking that failed; empty when none.
     */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** What long work runs now ("Reading the recording…"); empty when idle. */
    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProfileSnapshot> viewProperty() {
        return view.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AdviceReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The recording on disk (live: being written), null for static analysis. */
    public ReadOnlyObjectProperty<Path> recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** "0:12" while sampling, the sampled time after; empty for sessions that do not sample. */
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

    /**
     * The time range and the threads every view shows (the flame graph, the hot methods, the
     * allocations, the call tree and the advice); the timeline and the thread lanes show all of the
     * recording, with the range marked.
     */
    public ObjectProperty<SampleFilter> filterProperty() {
        return filter;
    }

    /** Whether wall-clock views leave out the threads that hardly ran (on by default). */
    public javafx.beans.property.BooleanProperty hideIdleProperty() {
        return hideIdle;
    }

    /**
     * Shows {@code [fromSeconds, toSeconds)} of the recording, in seconds from the timeline's start
     * (as the timeline's axis counts them); a range of under 10 ms is no selection (a click).
     */
    public void selectRange(double fromSeconds, double toSeconds) {
        ProfileSnapshot v = view.get();
        if (v == null || v.timeline().startEpochNanos() < 0) {
            return;
        }
        double from = Math.max(0, Math.min(fromSeconds, toSeconds));
        double to = Math.min(v.timeline().seconds(), Math.max(fromSeconds, toSeconds));
        if (to - from < 0.01) {
            return;
        }
        filter.set(filter.get().withRange(v.epochNanosAt(from), v.epochNanosAt(to)));
    }

    /** Shows the whole recording again. */
    public void resetRange() {
        if (filter.get().hasRange()) {
            filter.set(filter.get().withoutRange());
        }
    }

    /** Shows or leaves out a thread's samples in every view. */
    public void showThread(String name, boolean shown) {
        java.util.Set<String> hidden = new java.util.HashSet<>(filter.get().hiddenThreads());
        boolean changed = shown ? hidden.remove(name) : hidden.add(name);
        if (shown && view.get() != null && view.get().idleHidden().contains(name)) {
            // an idle thread asked for: the idle ones are no longer hidden for it
            hideIdle.set(false);
        }
        if (changed) {
            filter.set(filter.get().withHidden(hidden));
        }
    }

    /** Every thread's samples again, the idle ones' too. */
    public void showAllThreads() {
        hideIdle.set(false);
        if (!filter.get().hiddenThreads().isEmpty()) {
            filter.set(filter.get().withHidden(java.util.Set.of()));
        }
    }

    public ObservableList<EventKind> kinds() {
        return kinds;
    }

    /** Extra class path for the advice (jars and folders, path-separator-joined). */
    public StringProperty classPathProperty() {
        return classPathProperty;
    }

    public void dismissError() {
        error.set("");
    }

    /** Whether a sampler runs in a target; only a live session samples. */
    public boolean isSampling() {
        return false;
    }

    /** Stops sampling now on the calling thread (the window is closing); returns the recording, or null. */
    public Path stopNow() {
        return null;
    }

    // --- what every session does ---

    /** Advises again with a new class path (a recording's classes were not found). */
    public void setClassPath(String classPath) {
        classPathProperty.set(classPath == null ? "" : classPath);
        classPathChanged();
    }

    /** What the session does when the class path changed: advise again on the profile shown, unless sampling. */
    protected void classPathChanged() {
        Profile p = latest;
        if (p == null || state.get() == State.SAMPLING) {
            return;
        }
        busy.set("ClassPathAdvisor with the new class path…");
        advising.adviseAndShow(forAdvice(p), null, () -> busy.set(""), e -> fail(e, true));
    }

    /** Adds source folders and refreshes the detail (and static findings' fixes on the next analysis). */
    public void addSourceDir(Path dir) {
        List<Path> dirs = new ArrayList<>(sourceDirs);
        if (!dirs.contains(dir)) {
            dirs.add(dir);
        }
        sourceDirs = List.copyOf(dirs);
        List<Advice> shown = List.copyOf(advice.items());
        work.run(() -> advising.sources(shown), advice::setSources, this::warn);
    }

    /**
     * Lets go of this session's profile and of all that was computed from it, when another session
     * takes its place in the window: the next recording then has the heap to itself (two 250 MB
     * recordings do not fit in a 1 GB heap together). Results still on their way are dropped. The
     * recording on disk is untouched. On the UI thread, once sampling has stopped.
     */
    public void release() {
        work.supersede();
        clearShown();
        // its jars are closed off the UI thread: an advice may still be finishing
        workers.background(advising::close);
    }

    /** What a saved session records about this one. */
    public SessionArchive.Meta meta() {
        List<String> events = new ArrayList<>();
        ProfileSnapshot v = view.get();
        if (v != null) {
            v.counts().keySet().forEach(k -> events.add(k.id()));
        }
        Profile p = latest;
        String sampler = p == null ? null : p.info().sampler().id() + (p.info().engine() == null ? "" : " (" + p.info().engine() + ")");
        return new SessionArchive.Meta(SessionArchive.SCHEMA, title.get().replace("  ·  saved session", ""), origin(),
                sampler, events, fullClassPath(), sourceDirs.stream().map(Path::toString).toList(),
                recording.get() == null ? null : recording.get().getFileName().toString(), System.currentTimeMillis());
    }

    /** Where the session's profile came from, for a saved session: "1234 App" or the file. */
    protected abstract String origin();

    /** The class path the advice reads: the one given, after the target's own for a live session. */
    protected String fullClassPath() {
        return classPathProperty.get();
    }

    private void showAdvice(dev.hoist.core.session.LiveAdvice.Ranked a) {
        advice.setSources(a.sources());
        report.set(a.report());
        advice.show(a.report());
        // class path entries that do not exist: the advice could not read what they were meant to hold
        a.warnings().forEach(w -> note("Class path: " + w));
    }

    /** Computes the snapshot for the kind shown off the UI thread and shows it, newest only. */
    protected void recompute() {
        Profile p = latest;
        if (p == null) {
            return;
        }
        EventKind k = viewKind.get();
        SampleFilter f = currentFilter;
        boolean idle = currentHideIdle;
        SessionWork.Ticket t = work.ticket();
        viewRuns.run(() -> ProfileSnapshot.of(p, f, idle, k), v -> t.ui(() -> show(v)), e -> t.ui(() -> warn(e)));
    }

    /** The snapshot of {@code p} for the kind shown, through the filter; background only. */
    protected ProfileSnapshot snapshot(Profile p) {
        return ProfileSnapshot.of(p, currentFilter, currentHideIdle, viewKind.get());
    }

    /** The samples of {@code p} the advice ranks: the range and threads chosen. Any thread. */
    protected Profile forAdvice(Profile p) {
        return currentFilter.apply(p);
    }

    /** Ranks the advice again on the range and threads chosen, unless sampling (the next refresh does it). */
    private void readvise() {
        Profile p = latest;
        if (p == null || state.get() != State.READY) {
            return;
        }
        busy.set("Ranking the advice on the samples shown…");
        advising.adviseAndShow(forAdvice(p), null, () -> busy.set(""), e -> fail(e, true));
    }

    /** Keeps {@code p} as the profile shown and shows its snapshot. On the UI thread. */
    protected void show(Profile p, ProfileSnapshot v) {
        latest = p;
        show(v);
    }

    /** Shows a snapshot: the kinds present, the samples, the flame graph and the table. On the UI thread. */
    protected void show(ProfileSnapshot v) {
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
            // a later snapshot replaces this one; only the very one in view may still be shown
            @SuppressWarnings("ReferenceEquality")
            boolean current = view.get() == v;
            if (current) {
                flame.show(v.flame());
            }
        });
        workers.ui(() -> {
            // a later snapshot replaces this one; only the very one in view may still be shown
            @SuppressWarnings("ReferenceEquality")
            boolean current = view.get() == v;
            if (current) {
                methods.show(v);
                allocations.show(v.allocations());
                callTree.show(v);
            }
        });
    }

    /** Clears what was shown (a live session started again, a session released). On the UI thread. */
    protected void clearShown() {
        latest = null;
        view.set(null);
        flame.show(null);
        methods.clear();
        allocations.clear();
        callTree.clear();
        advice.clear();
        report.set(null);
        samples.set(0);
    }

    /** Adds a line to the notes, once. On the UI thread. */
    protected void note(String line) {
        if (line != null && !line.isBlank() && !noteLines.contains(line)) {
            noteLines.add(line);
            notes.set(String.join("\n", noteLines));
        }
    }

    /** Removes every note. On the UI thread. */
    protected void clearNotes() {
        noteLines.clear();
        notes.set("");
    }

    /** Work failed and what the session shows is still good: a note, the state unchanged. On the UI thread. */
    protected void warn(Throwable e) {
        note(MainViewModel.oneLine(e));
    }

    /** Work failed and the session has nothing to show: the error, state FAILED. On the UI thread. */
    protected void failed(Throwable e) {
        fail(e, false);
    }

    protected void fail(Throwable e, boolean keepState) {
        busy.set("");
        error.set(MainViewModel.oneLine(e));
        state.set(keepState ? State.READY : State.FAILED);
        status.set(keepState ? status.get() : "Failed");
    }

    /** Said when the heap runs out outside the readers (they say it themselves): what to do about it. */
    static HoistException outOfMemory(Path what) {
        return new HoistException(dev.hoist.core.Failure.BAD_INPUT, (what == null ? "" : what + ": ")
                + "Hoist ran out of memory (a " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB heap); start it with more, e.g. HOIST_JAVA_OPTS=-Xmx4g ./hoist gui");
    }
}

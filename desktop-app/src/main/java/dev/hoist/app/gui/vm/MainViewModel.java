package dev.hoist.app.gui.vm;

import dev.hoist.app.DemoWorkload;
import dev.hoist.core.HoistException;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.Targets;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.RuleRegistry;
import dev.hoist.core.session.SessionArchive;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The window's state: the JVM list, the current session, and the errors of actions that have no
 * session yet (an attach that failed, a demo that did not start). Actions start background work
 * and return at once; a failed attach leaves the current session as it was.
 */
public final class MainViewModel implements AutoCloseable {

    private final Workers workers;
    private final List<Rule> rules;
    private final Path recordingsDir;
    private final JvmListViewModel jvms;
    private final ReadOnlyObjectWrapper<SessionViewModel> session = new ReadOnlyObjectWrapper<>(this, "session");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper busy = new ReadOnlyStringWrapper(this, "busy", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final OpenInIde ide = OpenInIde.fromEnvironment();
    private final SamplingSettings settings = new SamplingSettings();
    private final ReadOnlyBooleanWrapper saveable = new ReadOnlyBooleanWrapper(this, "saveable", false);
    // a change listener, not a binding: it sees every change of the session's state and recording
    // (a binding over a flatMap nobody reads saw only the first one, and the Save button never enabled)
    private final javafx.beans.value.ChangeListener<Object> recheckSave = (o, a, b) -> saveable.set(canSave());
    private volatile List<Path> sourceDirs;
    private volatile String classPath;
    private volatile DemoWorkload demo;
    /** A recording being read while the open session stays on screen; UI thread. */
    private SessionViewModel pending;

    /** The workers this window runs its background work on (the startup window shares them). */
    public Workers workers() {
        return workers;
    }

    /** The rules this window advises with (the startup window's loop advice uses them too). */
    public List<Rule> rules() {
        return rules;
    }

    public MainViewModel(Workers workers, Path recordingsDir, List<Path> sourceDirs, String classPath) {
        this(workers, List.copyOf(RuleRegistry.load(MainViewModel.class.getClassLoader()).all()), recordingsDir,
                new JvmListViewModel(workers), sourceDirs, classPath);
    }

    MainViewModel(Workers workers, List<Rule> rules, Path recordingsDir, JvmListViewModel jvms, List<Path> sourceDirs,
                  String classPath) {
        this.workers = workers;
        this.rules = rules;
        this.recordingsDir = recordingsDir;
        this.jvms = jvms;
        this.sourceDirs = List.copyOf(sourceDirs);
        this.classPath = classPath == null ? "" : classPath;
        session.addListener((o, old, next) -> {
            if (old != null) {
                old.stateProperty().removeListener(recheckSave);
                old.recordingProperty().removeListener(recheckSave);
            }
            if (next != null) {
                next.stateProperty().addListener(recheckSave);
                next.recordingProperty().addListener(recheckSave);
            }
            saveable.set(canSave());
        });
    }

    /** Where live sessions write their recordings: {@code $XDG_DATA_HOME/hoist/recordings} or {@code ~/.local/share/hoist/recordings}. */
    public static Path defaultRecordingsDir() {
        String override = System.getProperty("hoist.recordings");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("hoist").resolve("recordings");
    }

    /** What the next attach samples, chosen before attaching and kept from the last live session. */
    /** How "Open in IDE" opens a source location: a command, or an idea:// link. */
    public OpenInIde ide() {
        return ide;
    }

    /** Opens a source location in the IDE and says what it did in the status line. UI thread. */
    public void openInIde(OpenInIde.Location at) {
        status.set(ide.open(at, OpenInIde::desktopOpen));
    }

    public SamplingSettings samplingSettings() {
        return settings;
    }

    public JvmListViewModel jvms() {
        return jvms;
    }

    public ReadOnlyObjectProperty<SessionViewModel> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    public SessionViewModel session() {
        return session.get();
    }

    /** An error of an action outside a session, one line; empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void dismissError() {
        error.set("");
    }

    /**
     * Attaches to a listed JVM and starts sampling it. One listed as not attachable is tried all
     * the same: the list may be seconds old (a JVM that just started is not yet visible to the Attach
     * API), and the attempt either works or says precisely why not.
     */
    public void attach(JvmInfo jvm) {
        attach(Long.toString(jvm.pid()));
    }

    /** Attaches to the JVM a user typed (a PID or part of a main class) and starts sampling it. */
    public void attach(String pidOrName) {
        error.set("");
        busy.set("Attaching to " + pidOrName + "…");
        workers.background(() -> {
            try {
                JvmInfo target = Targets.resolve(pidOrName);
                workers.ui(() -> {
                    busy.set("");
                    LiveSessionViewModel s = SessionViewModel.live(target, workers, rules, recordingsDir, sourceDirs, classPath);
                    settings.apply(s);
                    replaceSession(s);
                    s.start();
                });
            } catch (RuntimeException e) {
                workers.ui(() -> {
                    busy.set("");
                    // the window's user has the list at hand, not a terminal to run `hoist jvms` in
                    error.set(oneLine(e).replace(Targets.LIST_HINT, WINDOW_LIST_HINT));
                });
            }
        });
    }

    /** What a failed attach tells the window's user to do next, in place of {@link Targets#LIST_HINT}. */
    public static final String WINDOW_LIST_HINT = "the list on the left shows the JVMs you can attach to";

    /** Opens a recording (JFR, collapsed stacks) or a saved session; a jar or class folder is analyzed instead. */
    public void open(Path file) {
        error.set("");
        if (Files.isDirectory(file) || isClassInput(file)) {
            analyze(List.of(file));
            return;
        }
        RecordingSessionViewModel s = SessionViewModel.recording(file, workers, rules, sourceDirs, classPath);
        SessionViewModel open = session.get();
        if (open == null || isLarge(file)) {
            // a large recording needs the heap the open session holds: that one goes first
            pending = null;
            replaceSession(s);
            s.load();
            return;
        }
        // the open session stays until the new file has been read: a file that is no recording
        // (or a broken one) says so above the session it would have thrown away
        pending = s;
        busy.set("Opening " + file.getFileName() + "…");
        javafx.beans.value.ChangeListener<Object> settle = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<?> o, Object a, Object b) {
                @SuppressWarnings("ReferenceEquality")
                boolean mine = pending == s;
                SessionViewModel.State st = s.state();
                boolean read = s.viewProperty().get() != null || st == SessionViewModel.State.READY;
                if (!read && st != SessionViewModel.State.FAILED) {
                    return;
                }
                s.stateProperty().removeListener(this);
                s.viewProperty().removeListener(this);
                if (!mine) {
                    s.release(); // another file was opened meanwhile
                    return;
                }
                pending = null;
                busy.set("");
                if (read) {
                    replaceSession(s);
                } else {
                    error.set(s.errorProperty().get());
                    s.release();
                }
            }
        };
        s.stateProperty().addListener(settle);
        s.viewProperty().addListener(settle);
        s.load();
    }

    /** Above this size a recording is read after the open session let go of its heap (two 250 MB ones do not fit in 1 GB). */
    private static final long LARGE = 64L * 1024 * 1024;

    private static boolean isLarge(Path file) {
        try {
            return Files.size(file) > LARGE;
        } catch (IOException e) {
            return false; // it cannot be read: it fails small
        }
    }

    /** Static findings for jars, class folders or class files. */
    public void analyze(List<Path> inputs) {
        error.set("");
        AnalysisSessionViewModel s = SessionViewModel.analysis(inputs, workers, rules, sourceDirs, classPath);
        replaceSession(s);
        s.load();
    }

    static boolean isClassInput(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".jar") || n.endsWith(".class") || n.endsWith(".war") || (n.endsWith(".zip") && !SessionArchive.looksLikeSession(file));
    }

    /** Starts the bundled demo workload (once) and attaches to it. */
    public void startDemo() {
        error.set("");
        busy.set("Starting the demo workload…");
        workers.background(() -> {
            try {
                DemoWorkload d = demo;
                if (d == null || !d.isAlive()) {
                    d = DemoWorkload.start();
                    demo = d;
                    Optional<Path> src = DemoWorkload.sourceFolder();
                    if (src.isPresent() && !sourceDirs.contains(src.get())) {
                        List<Path> dirs = new ArrayList<>(sourceDirs);
                        dirs.add(src.get());
                        sourceDirs = List.copyOf(dirs);
                    }
                }
                String pid = Long.toString(d.pid());
                workers.ui(() -> {
                    status.set("Demo workload running as PID " + pid);
                    attach(pid);
                });
            } catch (IOException | RuntimeException e) {
                workers.ui(() -> {
                    busy.set("");
                    error.set(oneLine(e));
                });
            }
        });
    }

    /** A session that is never loaded, for the window to lay out once at start (see MainWindow#warmUp). */
    public SessionViewModel warmUpSession() {
        return SessionViewModel.recording(Path.of("warm-up.jfr"), workers, rules, List.of(), "");
    }

    /** {@link #canSave()} as a property: the Save button's enabled state follows it. */
    public ReadOnlyBooleanProperty saveableProperty() {
        return saveable.getReadOnlyProperty();
    }

    /** Whether the session can be saved: it has a recording and is not sampling. */
    public boolean canSave() {
        SessionViewModel s = session.get();
        return s != null && s.recordingProperty().get() != null && s.state() == SessionViewModel.State.READY;
    }

    /** Saves the session (recording + advice) to a {@code .hoist} file, in the background. */
    public void save(Path file) {
        SessionViewModel s = session.get();
        if (!canSave()) {
            error.set("Nothing to save yet: stop sampling first, or open a recording.");
            return;
        }
        Path target = file.getFileName().toString().endsWith(".hoist") ? file : file.resolveSibling(file.getFileName() + ".hoist");
        Path recording = s.recordingProperty().get();
        var meta = s.meta();
        var advice = s.reportProperty().get();
        busy.set("Saving the session…");
        workers.background(() -> {
            try {
                SessionArchive.save(target, meta, recording, advice);
                workers.ui(() -> {
                    busy.set("");
                    status.set("Saved the session to " + target);
                });
            } catch (RuntimeException e) {
                workers.ui(() -> {
                    busy.set("");
                    error.set(oneLine(e));
                });
            }
        });
    }

    private void replaceSession(SessionViewModel next) {
        @SuppressWarnings("ReferenceEquality")
        boolean other = pending != null && pending != next;
        if (other) {
            pending = null; // a session chosen after it wins; its listener lets it go when it settles
            busy.set("");
        }
        SessionViewModel old = session.get();
        if (old != null && old.isSampling()) {
            // one session at a time: the old sampler stops and its recording stays on disk
            workers.background(() -> {
                old.stopNow();
                workers.ui(old::release);
            });
        } else if (old != null) {
            old.release();
        }
        session.set(next);
    }

    /**
     * Stops sampling (the recording stays on disk), stops the demo workload if we started it, and
     * stops the refreshes. Called on the UI thread when the window closes; the stop itself runs
     * here because the process may end right after.
     */
    @Override
    public synchronized void close() {
        jvms.close();
        SessionViewModel s = session.get();
        if (s != null && s.isSampling()) {
            Path kept = s.stopNow();
            if (kept != null) {
                workers.ui(() -> status.set("Stopped sampling; the recording is " + kept));
            }
        }
        DemoWorkload d = demo;
        if (d != null) {
            d.close();
        }
    }

    /** A failure as one line a user can act on; a heap that ran out says what to do about it. */
    static String oneLine(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return SessionViewModel.outOfMemory(null).getMessage();
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!(e instanceof HoistException)) {
            m = "Unexpected error: " + m;
        }
        return m.lines().findFirst().orElse(m);
    }
}

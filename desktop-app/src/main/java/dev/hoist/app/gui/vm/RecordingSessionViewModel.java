package dev.hoist.app.gui.vm;

import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.session.OpenedRecording;
import dev.hoist.core.session.RecordingSidecar;
import dev.hoist.core.session.SessionArchive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording opened from disk (JFR, collapsed stacks) or a saved session: read in the
 * background ({@link OpenedRecording}), then advised with the class path given in the window, or
 * shown with the advice the session was saved with.
 */
public final class RecordingSessionViewModel extends SessionViewModel {

    private final Path file;

    RecordingSessionViewModel(Path file, Workers workers, List<Rule> rules, List<Path> sourceDirs, String classPath) {
        super(workers, rules, sourceDirs, classPath, "add its jar with Class path… in the toolbar");
        this.file = file;
        title.set(String.valueOf(file.getFileName()));
        subtitle.set(file.toAbsolutePath().toString());
    }

    private record Loaded(OpenedRecording opened, ProfileSnapshot view) {
    }

    /** Reads the recording or saved session in the background, then advises on it. */
    public void load() {
        work.supersede();
        state.set(State.LOADING);
        error.set("");
        clearNotes();
        busy.set("Reading " + title.get() + "…");
        work.run(() -> {
            OpenedRecording o = OpenedRecording.open(file);
            return new Loaded(o, snapshot(o.profile()));
        }, this::loaded, e -> fail(e instanceof OutOfMemoryError ? outOfMemory(file) : e, false));
    }

    private void loaded(Loaded l) {
        OpenedRecording o = l.opened();
        SessionArchive.Meta m = o.saved();
        if (m != null) {
            List<Path> dirs = new ArrayList<>(sourceDirs);
            m.sources().forEach(d -> dirs.add(Path.of(d)));
            sourceDirs = List.copyOf(dirs);
            title.set(m.title() + "  ·  saved session");
            subtitle.set(file.toAbsolutePath() + (m.sampler() == null ? "" : "  ·  " + m.sampler()));
            if (classPathProperty.get().isBlank()) {
                classPathProperty.set(m.classPath() == null ? "" : m.classPath());
            }
        }
        SessionArchive.Meta known = o.known();
        if (m == null && known != null) {
            // made by hoist profile (or a live session in the window), which wrote down the class path
            // and sources it used: advise as it did, unless the window was given a class path
            List<Path> dirs = new ArrayList<>(sourceDirs);
            known.sources().forEach(d -> dirs.add(Path.of(d)));
            sourceDirs = List.copyOf(dirs);
            if (classPathProperty.get().isBlank() && known.classPath() != null && !known.classPath().isBlank()) {
                classPathProperty.set(known.classPath());
                note("Advised with the class path recorded with it (" + RecordingSidecar.of(file).getFileName() + ")");
            }
        }
        Profile p = o.profile();
        recording.set(o.recording());
        show(p, l.view());
        busy.set("ClassPathAdvisor: reading the hot methods' bytecode…");
        Runnable ready = () -> {
            busy.set("");
            state.set(State.READY);
            status.set(describe(p));
            p.info().warnings().forEach(this::note);
        };
        if (o.advice() != null) {
            advising.showSaved(o.advice(), ready, this::failed);
        } else {
            advising.adviseAndShow(forAdvice(p), null, ready, this::failed);
        }
    }

    @Override
    protected String origin() {
        return file.toString();
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
}

package dev.hoist.app.gui.vm;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.session.StaticAnalysis;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Static findings for jars, class folders or class files, without a profile: the same
 * {@link StaticAnalysis} as {@code hoist analyze}, in the background. Input problems (a bad jar
 * entry, a class path entry that does not exist) are listed in the notes.
 */
public final class AnalysisSessionViewModel extends SessionViewModel {

    private final List<Path> inputs;

    AnalysisSessionViewModel(List<Path> inputs, Workers workers, List<Rule> rules, List<Path> sourceDirs, String classPath) {
        super(workers, rules, sourceDirs, classPath, "add its jar with Class path… in the toolbar");
        this.inputs = List.copyOf(inputs);
        title.set(inputs.size() == 1 ? String.valueOf(inputs.get(0).getFileName()) : inputs.size() + " inputs");
        subtitle.set("Static analysis of " + String.join(", ", inputs.stream().map(p -> p.toAbsolutePath().toString()).toList()));
    }

    private record Analyzed(StaticAnalysis.Result result, SourceFiles sources) {
    }

    /** Analyses the inputs in the background. */
    public void load() {
        work.supersede();
        state.set(State.LOADING);
        error.set("");
        clearNotes();
        busy.set("Analyzing " + title.get() + "…");
        List<Path> dirs = sourceDirs;
        String classPath = classPathProperty.get();
        work.run(() -> {
            String inputPath = String.join(File.pathSeparator, inputs.stream().map(Path::toString).toList());
            // one SourceFiles for the findings' fixes and the detail pane: each file is read once
            SourceFiles sf = SourceFiles.of(dirs, inputPath);
            StaticAnalysis.Result r = StaticAnalysis.run(inputs, classPath, rules, sf, StaticAnalysis.defaultThreads());
            r.findings().forEach(f -> sf.lines(f.className(), f.file()));
            return new Analyzed(r, sf);
        }, this::analyzed, this::failed);
    }

    private void analyzed(Analyzed a) {
        StaticAnalysis.Result r = a.result();
        advice().setSources(a.sources());
        if (r.classes() == 0) {
            fail(new HoistException(Failure.BAD_INPUT, "No class could be read from " + title.get()
                    + (r.problems().isEmpty() ? "" : ": " + r.problems().get(0))), false);
            return;
        }
        advice().showStatic(r.findings(), r.classes());
        busy.set("");
        state.set(State.READY);
        status.set(r.findings().size() + " findings in " + r.classes() + " classes (" + r.methodsWithLoops()
                + " methods with loops)");
        if (!r.problems().isEmpty()) {
            note(r.problems().size() + " input problem(s):");
            r.problems().forEach(this::note);
        }
    }

    /** A new class path: analyze again. */
    @Override
    protected void classPathChanged() {
        load();
    }

    @Override
    protected String origin() {
        return inputs.isEmpty() ? "" : inputs.get(0).toString();
    }
}

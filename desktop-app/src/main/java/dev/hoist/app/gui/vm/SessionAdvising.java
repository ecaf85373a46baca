package dev.hoist.app.gui.vm;

import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.ClassPathAdvisor;
import dev.hoist.core.advice.Advisor;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Rule;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session's advice on its profile: made off the UI thread with the class path, sources and
 * analyzed classes kept from one advice to the next ({@link ClassPathAdvisor.Cached}), newest shown
 * (an older live ranking that finishes after a newer one is dropped), with the class-path warnings
 * met on the way handed to the session instead of dropped.
 */
final class SessionAdvising {

    /** Advises on a profile; the window's is {@link ClassPathAdvisor.Cached}, a test may fail on purpose. */
    @FunctionalInterface
    interface Adviser {
        AdviceReport advise(Profile p, String classPath, Advisor.Options o, Consumer<String> warnings,
                            ClassPathAdvisor.MissingClasses memory);
    }

    /** An advice with its sources read and the class-path warnings met on the way. */
    record Advised(AdviceReport report, SourceFiles sources, List<String> warnings) {
    }

    private final ClassPathAdvisor.Cached inputs = new ClassPathAdvisor.Cached();
    private final SessionWork.Latest runs;
    private final Supplier<String> classPath;
    private final Supplier<List<Path>> sourceDirs;
    private final String missingHint;
    private final Consumer<Advised> show;
    private volatile Adviser adviser;

    /**
     * @param classPath  the class path the advice reads, asked each time (it may change)
     * @param sourceDirs the source folders given, asked each time
     * @param show       shows an advice, on the UI thread
     */
    SessionAdvising(SessionWork work, List<Rule> rules, Supplier<String> classPath, Supplier<List<Path>> sourceDirs,
                    String missingHint, Consumer<Advised> show) {
        this.runs = work.latest();
        this.classPath = classPath;
        this.sourceDirs = sourceDirs;
        this.missingHint = missingHint;
        this.show = show;
        List<Rule> r = List.copyOf(rules);
        this.adviser = (p, cp, o, w, m) -> inputs.advise(p, cp, o, r, w, m);
    }

    /** Replaces the advisor, for tests that make advising fail. */
    void adviseWith(Adviser a) {
        adviser = a;
    }

    /** Advises on {@code p} and reads the sources the advice shows; background only. */
    Advised advise(Profile p, ClassPathAdvisor.MissingClasses memory) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Advisor.Options o = Advisor.Options.defaults().withSourceDirs(sourceDirs.get()).withMissingHint(missingHint);
        AdviceReport r = adviser.advise(p, classPath.get(), o, warnings::add, memory);
        return new Advised(r, sources(r.advice()), List.copyOf(warnings));
    }

    /**
     * Advises on {@code p} off the UI thread and shows it, then runs {@code after}; a failure goes to
     * {@code failed}. Nothing happens if the session moved on or a later advice was shown first.
     */
    void adviseAndShow(Profile p, ClassPathAdvisor.MissingClasses memory, Runnable after, Consumer<Throwable> failed) {
        runs.run(() -> advise(p, memory), a -> {
            show.accept(a);
            after.run();
        }, failed);
    }

    /** As {@link #adviseAndShow}, skipped while an advice is still being made (a live refresh). */
    void adviseIfIdle(Profile p, Consumer<Throwable> failed) {
        runs.runIfIdle(() -> advise(p, null), show, failed);
    }

    /** Shows an advice made elsewhere (a saved session's) through the same stream as the others. */
    void showSaved(AdviceReport r, Runnable after, Consumer<Throwable> failed) {
        runs.run(() -> new Advised(r, sources(r.advice()), List.of()), a -> {
            show.accept(a);
            after.run();
        }, failed);
    }

    /**
     * Where the advice's source files are, with the files of {@code shown} already read: the detail
     * pane then finds them in memory instead of reading files on the UI thread. Background only.
     */
    SourceFiles sources(List<Advice> shown) {
        SourceFiles sf = inputs.sources(classPath.get(), sourceDirs.get());
        for (var a : shown) {
            sf.lines(a.finding().className(), a.finding().file());
        }
        return sf;
    }

    /** Closes the class path's jars. Any thread. */
    void close() {
        inputs.close();
    }
}

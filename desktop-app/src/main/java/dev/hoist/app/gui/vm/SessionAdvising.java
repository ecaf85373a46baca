package dev.hoist.app.gui.vm;

import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.Advisor;
import dev.hoist.core.advice.ClassPathAdvisor;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.session.LiveAdvice;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session's advice as the window shows it: the shared use case ({@link LiveAdvice}: classes
 * analyzed once, one live ranking at a time, the latest shown, failures and class-path warnings
 * reported) on the window's background threads, with each result applied on the UI thread unless
 * the session moved on meanwhile ({@link SessionWork}).
 */
final class SessionAdvising {

    private final LiveAdvice live;
    private final SessionWork work;
    private final Supplier<String> classPath;
    private final Supplier<List<Path>> sourceDirs;
    private final String missingHint;
    private final Consumer<LiveAdvice.Ranked> show;

    /**
     * @param classPath  the class path the advice reads, asked each time (it may change)
     * @param sourceDirs the source folders given, asked each time
     * @param show       shows an advice, on the UI thread
     */
    SessionAdvising(SessionWork work, List<Rule> rules, Supplier<String> classPath, Supplier<List<Path>> sourceDirs,
                    String missingHint, Consumer<LiveAdvice.Ranked> show) {
        this.work = work;
        this.live = new LiveAdvice(rules, work.workers()::background, true);
        this.classPath = classPath;
        this.sourceDirs = sourceDirs;
        this.missingHint = missingHint;
        this.show = show;
    }

    /** Replaces the advisor, for tests that make advising fail. */
    void adviseWith(LiveAdvice.Adviser a) {
        live.adviseWith(a);
    }

    private LiveAdvice.Request request(ClassPathAdvisor.MissingClasses memory) {
        return new LiveAdvice.Request(classPath.get(),
                Advisor.Options.defaults().withSourceDirs(sourceDirs.get()).withMissingHint(missingHint), memory);
    }

    /**
     * Advises on {@code p} off the UI thread and shows it, then runs {@code after}; a failure goes to
     * {@code failed}. Nothing happens if the session moved on or a later advice was shown first.
     */
    void adviseAndShow(Profile p, ClassPathAdvisor.MissingClasses memory, Runnable after, Consumer<Throwable> failed) {
        SessionWork.Ticket t = work.ticket();
        live.rank(p, request(memory), a -> t.ui(() -> {
            show.accept(a);
            after.run();
        }), e -> t.ui(() -> failed.accept(e)));
    }

    /** As {@link #adviseAndShow}, skipped while an advice is still being made (a live refresh). */
    void adviseIfIdle(Profile p, Consumer<Throwable> failed) {
        SessionWork.Ticket t = work.ticket();
        live.rankIfIdle(p, request(null), a -> t.ui(() -> show.accept(a)), e -> t.ui(() -> failed.accept(e)));
    }

    /** Shows an advice made elsewhere (a saved session's) through the same stream as the others. */
    void showSaved(AdviceReport r, Runnable after, Consumer<Throwable> failed) {
        SessionWork.Ticket t = work.ticket();
        live.rankSaved(r, classPath.get(), sourceDirs.get(), a -> t.ui(() -> {
            show.accept(a);
            after.run();
        }), e -> t.ui(() -> failed.accept(e)));
    }

    /** The advice's source files, with those of {@code shown} already read. Background only. */
    SourceFiles sources(List<dev.hoist.core.advice.Advice> shown) {
        return live.sources(classPath.get(), sourceDirs.get(), shown);
    }

    /** Closes the class path's jars. Any thread. */
    void close() {
        live.close();
    }
}

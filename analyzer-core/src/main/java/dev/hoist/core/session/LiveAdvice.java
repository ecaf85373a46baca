package dev.hoist.core.session;

import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.Advisor;
import dev.hoist.core.advice.ClassPathAdvisor;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Rule;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The advice of a session re-ranked as its profile grows, the one use case the window and
 * {@code hoist attach} share: each class is read and analyzed once ({@link ClassPathAdvisor.Cached}),
 * only the costs are measured anew on each profile; rankings run on the given executor through one
 * {@link LatestWork} guard (a live refresh skips while one is busy, the latest result wins); the
 * class-path warnings met on the way come with the result, and a failure goes to the caller.
 */
public final class LiveAdvice implements AutoCloseable {

    /** Advises on a profile; normally {@link ClassPathAdvisor.Cached}, a test may fail on purpose. */
    @FunctionalInterface
    public interface Adviser {
        AdviceReport advise(Profile p, String classPath, Advisor.Options o, Consumer<String> warnings,
                            ClassPathAdvisor.MissingClasses memory);
    }

    /** What to advise with: the class path, the advisor's options, and where missing classes come from (may be null). */
    public record Request(String classPath, Advisor.Options options, ClassPathAdvisor.MissingClasses memory) {
    }

    /**
     * One ranking.
     *
     * @param report   the advice
     * @param sources  the source files, with those of the advice shown already read (null when not asked for)
     * @param warnings the class-path warnings met on the way, in order
     */
    public record Ranked(AdviceReport report, SourceFiles sources, List<String> warnings) {
        public Ranked {
            warnings = List.copyOf(warnings);
        }
    }

    private final ClassPathAdvisor.Cached inputs = new ClassPathAdvisor.Cached();
    private final LatestWork runs;
    private final boolean readSources;
    private volatile Adviser adviser;

    /**
     * @param executor    where rankings run (never the UI thread)
     * @param readSources whether each ranking reads the source files of its advice (the window's detail pane)
     */
    public LiveAdvice(List<Rule> rules, Executor executor, boolean readSources) {
        List<Rule> r = List.copyOf(rules);
        this.runs = new LatestWork(executor);
        this.readSources = readSources;
        this.adviser = (p, cp, o, w, m) -> inputs.advise(p, cp, o, r, w, m);
    }

    /** Replaces the advisor, for tests that make advising fail. */
    public void adviseWith(Adviser a) {
        adviser = a;
    }

    /** Advises on {@code p} now, on the calling thread (never the UI's). */
    public Ranked advise(Profile p, Request r) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        AdviceReport report = adviser.advise(p, r.classPath(), r.options(), warnings::add, r.memory());
        SourceFiles sf = readSources ? sources(r.classPath(), r.options().sourceDirs(), report.advice()) : null;
        return new Ranked(report, sf, warnings);
    }

    /** Ranks {@code p} on the executor unless a ranking is busy (a live refresh); false when skipped. */
    public boolean rankIfIdle(Profile p, Request r, Consumer<Ranked> onRanked, Consumer<Throwable> onFailure) {
        return runs.runIfIdle(() -> advise(p, r), onRanked, onFailure);
    }

    /** Ranks {@code p} on the executor, busy or not (a finished recording); dropped if a later ranking is shown first. */
    public void rank(Profile p, Request r, Consumer<Ranked> onRanked, Consumer<Throwable> onFailure) {
        runs.run(() -> advise(p, r), onRanked, onFailure);
    }

    /** Hands on an advice made elsewhere (a saved session's) through the same stream as the rankings. */
    public void rankSaved(AdviceReport report, String classPath, List<Path> sourceDirs, Consumer<Ranked> onRanked,
                          Consumer<Throwable> onFailure) {
        runs.run(() -> new Ranked(report, sources(classPath, sourceDirs, report.advice()), List.of()), onRanked, onFailure);
    }

    /** Whether a live ranking is busy. */
    public boolean busy() {
        return runs.busy();
    }

    /**
     * Where the advice's source files are, with the files of {@code shown} already read, so that a
     * view finds them in memory instead of reading files on its UI thread. Background only.
     */
    public SourceFiles sources(String classPath, List<Path> sourceDirs, List<Advice> shown) {
        SourceFiles sf = inputs.sources(classPath, sourceDirs);
        for (var a : shown) {
            sf.lines(a.finding().className(), a.finding().file());
        }
        return sf;
    }

    /** Closes the class path's jars; a ranking under way finishes first (the advisor is synchronized). */
    @Override
    public void close() {
        inputs.close();
    }
}

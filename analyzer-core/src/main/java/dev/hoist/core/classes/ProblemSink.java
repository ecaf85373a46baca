package dev.hoist.core.classes;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Where readers report bad input instead of failing: a corrupt class, a damaged jar, a zip bomb,
 * a class too new for ASM. Reporting never throws, so one bad entry costs only itself. Sinks may
 * be called from several threads.
 */
@FunctionalInterface
public interface ProblemSink {

    void report(Problem problem);

    /** A sink that prints each problem as its one line. */
    static ProblemSink printingTo(PrintStream out) {
        return p -> out.println(p);
    }

    /** A sink that keeps the problems in order, for tests and for reports that list them. */
    static Collecting collecting() {
        return new Collecting();
    }

    /** A sink that keeps what it is told; {@link #problems()} is a snapshot. */
    final class Collecting implements ProblemSink {
        private final List<Problem> problems = new ArrayList<>();

        @Override
        public synchronized void report(Problem problem) {
            problems.add(problem);
        }

        public synchronized List<Problem> problems() {
            return Collections.unmodifiableList(new ArrayList<>(problems));
        }

        /** The problems as the lines the user sees. */
        public synchronized List<String> lines() {
            return problems.stream().map(Problem::toString).toList();
        }
    }
}

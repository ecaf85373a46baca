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

    /** How many problems of one file are printed before the rest are only counted. */
    int SUMMARY_AFTER = 5;

    /**
     * A sink for the problems of one file that passes the first {@link #SUMMARY_AFTER} on and
     * counts the rest; {@link Summarising#finish} then says how many more there were, in one line.
     * A jar of 20,000 bad entries is six lines, not 20,000.
     */
    static Summarising summarising(ProblemSink to, String file) {
        return new Summarising(to, file);
    }

    /** See {@link #summarising}. */
    final class Summarising implements ProblemSink {
        private final ProblemSink to;
        private final String file;
        private int seen;

        Summarising(ProblemSink to, String file) {
            this.to = to;
            this.file = file;
        }

        @Override
        public void report(Problem problem) {
            boolean pass;
            synchronized (this) {
                pass = ++seen <= SUMMARY_AFTER;
            }
            if (pass) {
                to.report(problem);
            }
        }

        /** Reports how many problems were only counted, if any. */
        public void finish() {
            int more;
            synchronized (this) {
                more = seen - SUMMARY_AFTER;
                seen = 0;
            }
            if (more > 0) {
                to.report(new Problem(file, null, "and " + more + " more problem" + (more == 1 ? "" : "s") + " like these; skipped"));
            }
        }
    }
}

package dev.hoist.core.startup;

import dev.hoist.core.Failure;

import java.util.List;

/**
 * All {@code hoist startup} found out about one program's start: the command, its JDK, the end
 * point, the breakdown, the ranked advice with what each gained, the archives it built and where
 * they are, notes, and, when the program failed or never reached its end point, the failure
 * (whatever was measured up to then is still in the report). {@code loops} is the loop advice on
 * the start window; null when it was not asked for (no rules given) or there was no sampled run.
 */
public record StartupReport(List<String> command, String javaVersion, String endPoint, int runs, StartupBreakdown breakdown,
                            List<StartupAdvice> advice, List<String> archives, List<String> notes, Failure failure,
                            String failureMessage, StartLoops loops) {

    /** A report without loop advice. */
    public StartupReport(List<String> command, String javaVersion, String endPoint, int runs, StartupBreakdown breakdown,
                         List<StartupAdvice> advice, List<String> archives, List<String> notes, Failure failure,
                         String failureMessage) {
        this(command, javaVersion, endPoint, runs, breakdown, advice, archives, notes, failure, failureMessage, null);
    }

    public boolean failed() {
        return failure != null;
    }
}

package dev.hoist.core.advice;

import java.util.List;

/**
 * The advisor's answer for one recording: the ranked advice, the hot methods it looked at, and
 * one line per hot method whose bytecode could not be had (generated classes, missing jars), so a
 * report can say where it is blind.
 *
 * @param advice          ranked, highest measured share first
 * @param methodsAnalysed hot methods whose bytecode was read, as "pkg.Class.method(desc)"
 * @param unavailable     "pkg.Class.method: why its bytes could not be read", one per method
 * @param hiddenUnsampled findings left out because their loop had no samples (shown with --all)
 */
public record AdviceReport(List<Advice> advice, List<String> methodsAnalysed, List<String> unavailable,
                           int hiddenUnsampled) {

    public AdviceReport {
        advice = List.copyOf(advice);
        methodsAnalysed = List.copyOf(methodsAnalysed);
        unavailable = List.copyOf(unavailable);
    }
}

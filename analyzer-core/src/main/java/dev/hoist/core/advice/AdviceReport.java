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
 * @param hiddenUnsampled findings left out because the profile has no samples at their site: code
 *                        that did not run hot, such as a branch never taken (shown with --all)
 * @param contradicted    findings left out because the profile at their site contradicts them (a
 *                        "megamorphic" call that saw one or two receivers; shown with --all)
 * @param notices         what the profile says that is not loop-shaped: the JIT compiler's share,
 *                        objects whose construction allocates a large share of the bytes
 */
public record AdviceReport(List<Advice> advice, List<String> methodsAnalysed, List<String> unavailable,
                           int hiddenUnsampled, int contradicted, List<String> notices) {

    public AdviceReport {
        advice = List.copyOf(advice);
        methodsAnalysed = List.copyOf(methodsAnalysed);
        unavailable = List.copyOf(unavailable);
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    public AdviceReport(List<Advice> advice, List<String> methodsAnalysed, List<String> unavailable, int hiddenUnsampled) {
        this(advice, methodsAnalysed, unavailable, hiddenUnsampled, 0, List.of());
    }
}

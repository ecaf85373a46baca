package dev.hoist.core.advice;

import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Judgement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Static findings measured against a recording of the program (a CI run of its tests or a benchmark,
 * a production profile): each finding the advisor measured takes the severity of what fixing it
 * saves there, not of its rule's static score, and the profile's confidence and evidence; a
 * finding in code the recording never ran hot is {@code INFO} and says so. This is what makes a
 * severity gate mean something: HIGH is a measured 5% or more. The finding keeps its place, message
 * and fix, so its fingerprint (and a baseline written from static runs) stays the same.
 */
public final class MeasuredFindings {
    /**
     * From this measured saving (a share of the recording, 5%) a finding is HIGH; the one threshold
     * every face and writer reads (a SARIF result at or above it is an {@code error}).
     */
    public static final double HIGH = 0.05;
    /** From this measured saving (1%) a finding is MEDIUM (a SARIF {@code warning}); below it a {@code note}. */
    public static final double MEDIUM = 0.01;
    /** From this measured saving (0.1%) a finding is LOW; below it INFO, as if not worth a change. */
    public static final double LOW = 0.001;

    private MeasuredFindings() {
    }

    /**
     * {@code findings} (a static analysis's, in its order) measured by {@code report} (the advisor's
     * answer on the same code), followed by the advice in {@code analysed} classes that the static
     * analysis has no finding for: waste in a method without a loop that a hot loop calls (the
     * advisor looks at those; the static analysis only at methods with loops).
     */
    public static List<Finding> of(List<Finding> findings, AdviceReport report, java.util.function.Predicate<String> analysed) {
        // the advisor joins one rule's findings in one loop into one change: each of them gets that change's measure
        Map<String, Advice> byLoop = new HashMap<>();
        for (Advice a : report.advice()) byLoop.putIfAbsent(key(a.finding()), a);
        List<Finding> out = new ArrayList<>(findings.size());
        java.util.Set<String> matched = new java.util.HashSet<>();
        for (Finding f : findings) {
            Advice a = byLoop.get(key(f));
            out.add(a == null ? notSampled(f) : measured(f, a));
            if (a != null) matched.add(key(f));
        }
        for (Advice a : report.advice()) {
            if (!matched.contains(key(a.finding())) && analysed.test(a.finding().className())) {
                matched.add(key(a.finding()));
                out.add(measured(a.finding(), a));
            }
        }
        return out;
    }

    private static String key(Finding f) {
        return f.rule() + '\n' + f.className() + '\n' + f.method() + f.descriptor() + '\n' + Arrays.toString(f.loopBcis());
    }

    /**
     * The score (and so the {@link dev.hoist.core.rule.Severity}) of a finding measured in a profile:
     * what fixing it saves there, HIGH from {@link #HIGH}, MEDIUM from {@link #MEDIUM}, LOW from
     * {@link #LOW}; INFO when the profile says the JIT removes the cost or contradicts the finding.
     */
    static int score(double saving, Judgement.Effect effect) {
        boolean removed = effect == Judgement.Effect.JIT_REMOVES || effect == Judgement.Effect.CONTRADICTED;
        return removed ? 10 : saving >= HIGH ? 80 : saving >= MEDIUM ? 60 : saving >= LOW ? 30 : 10;
    }

    private static Finding measured(Finding f, Advice a) {
        double saving = a.rankingShare();
        int score = score(saving, a.effect());
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "measured in the recording: fixing it saves %.1f%% of the %s samples%s", saving * 100,
                a.site().kind(), a.site().allocShare() > 0 ? String.format(Locale.ROOT, " and %.1f%% of the allocated bytes", a.site().allocShare() * 100) : ""));
        evidence.addAll(a.evidence());
        return f.judged(a.confidence(), evidence, f.message(), f.siteBcis(), score);
    }

    private static Finding notSampled(Finding f) {
        return f.judged(Confidence.LOW, List.of("not measured: the recording did not run this code hot (no sample at the site, or its method is not among the hot methods)"),
                f.message(), f.siteBcis(), Math.min(f.score(), 10));
    }
}

package dev.hoist.core.advice;

import dev.hoist.core.rule.CostKind;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Judgement;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How findings become one advice per change, and the order the advice is listed in. */
final class Ranking {
    private Ranking() {
    }

    /** What fixing an advice must save (of the time, or of the bytes) to be listed without --all. */
    static final double NEGLIGIBLE = 0.001;

    /**
     * The order of the advice: what fixing it can save, highest first; advice whose cost the
     * profile says the JIT already removes (or that the profile contradicts) after all the rest;
     * then confidence, the rule's score, and place.
     */
    static final Comparator<Advice> ORDER = Comparator
            .comparingInt((Advice a) -> a.effect() == Judgement.Effect.JIT_REMOVES || a.effect() == Judgement.Effect.CONTRADICTED ? 1 : 0)
            .thenComparing(Comparator.comparingDouble(Advice::rankingShare).reversed())
            .thenComparing(Comparator.comparing((Advice a) -> a.confidence()).reversed())
            .thenComparing(Comparator.comparingInt((Advice a) -> a.finding().score()).reversed())
            .thenComparing(a -> a.finding().className())
            .thenComparingInt(a -> a.finding().line());

    /** Below this saving (of the time and of the bytes) no piece of advice is worth a user's afternoon on its own. */
    static final double SMALL = 0.01;

    /**
     * A headline when every piece of advice is small: the loops hold no waste worth fixing, which
     * is the answer a user needs first (real programs whose time is the JIT's or the JDK's get only
     * sub-1% items); null when some advice can save more.
     */
    static String allSmall(List<Advice> advice) {
        if (advice.isEmpty()) return null;
        double time = 0;
        double bytes = 0;
        for (Advice a : advice) {
            if (a.jitRemoves()) continue; // the JIT already removes that cost: fixing it saves little of what was measured
            time = Math.max(time, a.rankingShare());
            bytes = Math.max(bytes, a.site().allocShare());
        }
        if (time >= SMALL || bytes >= SMALL) return null;
        return String.format(java.util.Locale.ROOT, "no loop waste worth fixing on its own: the largest saving any advice below "
                + "can bring is %.1f%% of the time and %.1f%% of the allocated bytes; look at the other notices and at the hot "
                + "methods first", time * 100, bytes * 100);
    }

    /** Whether fixing it would save under {@link #NEGLIGIBLE} of both the time and the bytes, at a site that ran. */
    static boolean negligible(Advice a) {
        return a.site().totalSamples() > 0 && a.rankingShare() < NEGLIGIBLE && a.site().allocShare() < NEGLIGIBLE;
    }

    /**
     * One advice per allocation rule and loop: several findings of one such rule in one loop (three
     * substrings on three lines) are one change, so they are measured together: their sites are joined, and the
     * first one (by line) stays, its message naming the other lines. Calls are each their own change (two
     * megamorphic calls are two rewrites).
     */
    static List<Finding> mergeSameLoop(List<Finding> findings, Map<String, Rule> rulesById) {
        Map<String, List<Finding>> byLoop = new LinkedHashMap<>();
        for (Finding f : findings) {
            Rule rule = rulesById.get(f.rule());
            boolean garbage = rule != null && rule.costKind(f) == CostKind.ALLOCATION;
            String key = f.className() + '.' + f.method() + f.descriptor() + '|' + f.rule() + '|'
                    + Arrays.toString(f.loopBcis()) + (garbage ? "" : "|" + f.line());
            byLoop.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        List<Finding> merged = new ArrayList<>(byLoop.size());
        for (List<Finding> group : byLoop.values()) {
            group.sort(Comparator.comparingInt(Finding::line));
            Finding f = group.get(0);
            if (group.size() == 1) {
                merged.add(f);
                continue;
            }
            String others = group.stream().skip(1).map(a -> Integer.toString(a.line())).distinct()
                    .collect(Collectors.joining(", "));
            String message = others.isEmpty() ? f.message() : f.message() + " The same pattern is at line"
                    + (others.contains(",") ? "s " : " ") + others + " of this loop.";
            int[] site = group.stream().flatMapToInt(a -> Arrays.stream(a.siteBcis())).distinct().sorted().toArray();
            int score = group.stream().mapToInt(Finding::score).max().orElse(f.score());
            merged.add(f.judged(f.confidence(), f.evidence(), message, site, score));
        }
        return merged;
    }
}

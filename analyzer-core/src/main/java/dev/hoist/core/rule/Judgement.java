package dev.hoist.core.rule;

import java.util.List;

/**
 * What a rule concludes from the profile at its finding's site: the confidence it moves to, what
 * the profile says about the cost ({@link Effect}), and one line per profile fact it used, so the
 * reader sees why. The advisor ranks by the site's measured cost; an effect of
 * {@link Effect#JIT_REMOVES} puts the advice below every advice whose cost is real, and
 * {@link Effect#CONTRADICTED} drops it (the profile shows the pattern does not hold here).
 * {@code fix}, when not null, replaces the finding's pattern fix with one the profile made exact.
 */
public record Judgement(Confidence confidence, Effect effect, List<String> lines, Fix fix) {

    /** What the profile says about the finding's cost. */
    public enum Effect {
        /** The profile shows the cost the rule describes. */
        CONFIRMED,
        /** Nothing either way: the static confidence stands. */
        UNDECIDED,
        /** The JIT already removes most of the cost (inlined, hoisted, allocation eliminated). */
        JIT_REMOVES,
        /** The profile contradicts the finding (a "megamorphic" site that saw one receiver), or does not bear it out: left out. */
        CONTRADICTED
    }

    public Judgement {
        lines = List.copyOf(lines);
    }

    /** A judgement that leaves the finding's fix as the rule wrote it. */
    public Judgement(Confidence confidence, Effect effect, List<String> lines) {
        this(confidence, effect, lines, null);
    }

    /**
     * The same judgement with a fix the profile made more exact (the receiver classes a site really
     * saw, where the static fix could only list the class path's); the advisor shows it in place of
     * the rule's pattern fix.
     */
    public Judgement withFix(Fix better) {
        return new Judgement(confidence, effect, lines, better);
    }

    /** The static confidence stands, with what was looked at. */
    public static Judgement undecided(Confidence c, String... lines) {
        return new Judgement(c, Effect.UNDECIDED, List.of(lines));
    }

    public static Judgement confirmed(String line) {
        return new Judgement(Confidence.HIGH, Effect.CONFIRMED, List.of("confirmed: " + line));
    }

    public static Judgement jitRemoves(Confidence c, String line) {
        return new Judgement(lower(c), Effect.JIT_REMOVES, List.of("lowered: " + line));
    }

    public static Judgement contradicted(String line) {
        return new Judgement(Confidence.LOW, Effect.CONTRADICTED, List.of("contradicted: " + line));
    }

    /**
     * The profile does not bear the finding out (it saw too little of what the finding needs): left
     * out like a contradicted one, and said so in its own words.
     */
    public static Judgement unproven(String line) {
        return new Judgement(Confidence.LOW, Effect.CONTRADICTED, List.of("unproven: " + line));
    }

    /** One step down: HIGH to MEDIUM, anything else to LOW. */
    public static Confidence lower(Confidence c) {
        return c == Confidence.HIGH ? Confidence.MEDIUM : Confidence.LOW;
    }
}

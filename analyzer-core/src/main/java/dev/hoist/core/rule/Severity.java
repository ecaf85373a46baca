package dev.hoist.core.rule;

/**
 * How much a finding is likely to matter. Rules never pick a severity directly: they report a
 * score from 0 to 100 and {@link #of(int)} maps it, so all rules grade the same way (the JDK
 * Mission Control convention).
 */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH;

    /** The one shared score-to-severity mapping. */
    public static Severity of(int score) {
        if (score >= 75) return HIGH;
        if (score >= 50) return MEDIUM;
        if (score >= 25) return LOW;
        return INFO;
    }
}

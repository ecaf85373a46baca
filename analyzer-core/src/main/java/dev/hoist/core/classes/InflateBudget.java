package dev.hoist.core.classes;

/** Counts what a source inflates so a bomb spread over many entries is stopped too. */
final class InflateBudget {
    private final long cap;
    private long used;
    boolean reported;

    InflateBudget(long cap) {
        this.cap = cap;
    }

    boolean charge(long bytes) {
        used += bytes;
        return used <= cap;
    }

    long left() {
        return Math.max(0, cap - used);
    }
}

package dev.hoist.core.facts;

/**
 * Whether a loop's trip count is known before it starts: the exit test compares an induction
 * variable with an invariant bound (an array length, a collection size, an int). {@code bound} is
 * source-like text for the bound ({@code items.length}, {@code names.size()}, {@code n}), usable
 * in a fix; {@code kind} says which of the three it is.
 */
public record TripCount(boolean known, Kind kind, String bound) {

    /** What the bound is. */
    public enum Kind { ARRAY_LENGTH, COLLECTION_SIZE, INT_BOUND, UNKNOWN }

    public static final TripCount UNKNOWN = new TripCount(false, Kind.UNKNOWN, null);
}

package dev.hoist.core.facts;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a value (a fresh object, a call result) goes after it is made: followed through copies,
 * casts and local variables to the instructions that finally consume it. {@code keptBy} names the
 * call that kept it when it was handed to a collection-like method ({@code add}, {@code put}, a
 * constructor); {@code passedTo} names the first other call it was passed to as an argument
 * ({@code Integer.parseInt}), null when none.
 */
public record Uses(Set<Escape> escapes, String keptBy, int storedLocal, String passedTo) {

    /** One way a value leaves or is consumed. */
    public enum Escape {
        /** Returned from the method. */
        RETURNED,
        /** Stored into a field (instance or static). */
        STORED_FIELD,
        /** Stored into an array element. */
        STORED_ARRAY,
        /** Handed to a method that keeps it: add/put/offer/push or a constructor. */
        KEPT_BY_CALL,
        /** Passed as an argument to some other method (which may or may not keep it). */
        PASSED,
        /** Captured by a lambda or string concatenation (invokedynamic). */
        CAPTURED,
        /** Thrown. */
        THROWN,
        /** Only read: fields, elements, length, method calls on it. */
        READ,
        /** Never used at all. */
        DROPPED
    }

    public static final Uses NONE = new Uses(EnumSet.of(Escape.DROPPED), null, -1, null);

    /** Whether the value's one use is being passed, as an argument, to {@code call} ("Integer.parseInt"). */
    public boolean onlyPassedTo(String call) {
        return call.equals(passedTo) && escapes.equals(EnumSet.of(Escape.PASSED));
    }

    /** Kept beyond the iteration that made it: stored, returned, thrown or handed to a keeping call. */
    public boolean kept() {
        return escapes.contains(Escape.RETURNED) || escapes.contains(Escape.STORED_FIELD)
                || escapes.contains(Escape.STORED_ARRAY) || escapes.contains(Escape.KEPT_BY_CALL)
                || escapes.contains(Escape.THROWN);
    }
}

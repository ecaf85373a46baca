package dev.hoist.core.rule;

import java.util.Set;

/**
 * What fixing a finding saves when it is only part of its site's cost, times {@code share} (0..1)
 * where the fix keeps some of that too (a sized map still allocates its one table where the
 * growing map allocated all of them). Either the samples and allocated bytes that pass through one
 * of {@code callees} ({@code pkg.Class.method}) below the site (a collection's growth), or, with
 * {@code jdkOnly}, those where everything below the site is the JDK's (a reflective call's own
 * machinery, not the method it invokes).
 */
public record SavedPart(Set<String> callees, boolean jdkOnly, double share) {
    public SavedPart {
        callees = Set.copyOf(callees);
        if (callees.isEmpty() == !jdkOnly || share <= 0 || share > 1) {
            throw new IllegalArgumentException("callees or jdkOnly, and a share in (0, 1]");
        }
    }

    /** The part under one of {@code callees}, times {@code share}. */
    public static SavedPart under(Set<String> callees, double share) {
        return new SavedPart(callees, false, share);
    }

    /** The part where the JDK runs below the site and the program's own code does not. */
    public static SavedPart jdkWork() {
        return new SavedPart(Set.of(), true, 1.0);
    }
}

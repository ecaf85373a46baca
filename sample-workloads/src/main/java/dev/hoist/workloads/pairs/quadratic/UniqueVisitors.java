package dev.hoist.workloads.pairs.quadratic;

import dev.hoist.workloads.Runner;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lists the distinct visitor ids of an access log in order of first visit, for a daily report.
 * Anti-pattern: each id is looked up with {@code List.contains} in the list being built, a
 * linear scan per line: O(n^2). Twin: {@link UniqueVisitorsFixed}.
 */
public final class UniqueVisitors {

    private UniqueVisitors() {
    }

    public static List<String> distinct(String[] visitors) {
        List<String> out = new ArrayList<>(visitors.length);
        for (int i = 0; i < visitors.length; i++) {
            String v = visitors[i];
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** Deterministic visitor ids, {@code count} visits among about {@code count / 2} visitors. */
    public static String[] visits(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] out = new String[count];
        int visitors = Math.max(1, count / 2);
        for (int i = 0; i < count; i++) {
            out[i] = "v" + random.nextInt(visitors);
        }
        return out;
    }

    public static void main(String[] args) {
        String[] visits = visits(42, 20_000);
        Runner.runPasses(args, "UniqueVisitors", () -> distinct(visits).size());
    }
}

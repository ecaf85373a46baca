package dev.hoist.workloads.pairs.quadratic;

import dev.hoist.workloads.Runner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lists the distinct visitor ids of an access log in order of first visit. The fixed twin of
 * {@link UniqueVisitors}. Fix: a HashSet beside the list answers "seen before?" in O(1).
 */
public final class UniqueVisitorsFixed {

    private UniqueVisitorsFixed() {
    }

    public static List<String> distinct(String[] visitors) {
        List<String> out = new ArrayList<>(visitors.length);
        Set<String> seen = new HashSet<>(visitors.length * 2);
        for (int i = 0; i < visitors.length; i++) {
            String v = visitors[i];
            if (seen.add(v)) {
                out.add(v);
            }
        }
        return out;
    }

    public static void main(String[] args) {
        String[] visits = UniqueVisitors.visits(42, 20_000);
        Runner.runPasses(args, "UniqueVisitorsFixed", () -> distinct(visits).size());
    }
}

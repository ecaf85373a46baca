package dev.hoist.workloads.demo;

import java.util.Map;
import java.util.TreeMap;

/**
 * Revenue per region for the batch report. Planted anti-pattern (boxing-in-loop, third in
 * cost): the per-region totals live in a {@code Map<String, Long>} updated with {@code merge},
 * which boxes every price and every new total.
 */
public final class Revenue {

    private Revenue() {
    }

    /** Total cents per region, regions sorted. */
    public static Map<String, Long> byRegion(Order[] orders, long[] prices) {
        Map<String, Long> totals = new TreeMap<>();
        for (int i = 0; i < orders.length; i++) {
            totals.merge(orders[i].region(), prices[i], Long::sum);
        }
        return totals;
    }
}

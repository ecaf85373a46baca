package dev.hoist.workloads.demo;

/**
 * The one-line summary of a batch that goes to the audit log. Planted anti-pattern
 * (string-concat-in-loop, the cheapest one): the line is a {@code String} grown with {@code +=}
 * for every listed order.
 */
public final class BatchSummary {

    private BatchSummary() {
    }

    /** {@code "id=cents;..."} for the first {@code count} orders of the batch (fewer if short). */
    public static String render(Order[] orders, long[] prices, int count) {
        int n = Math.min(count, orders.length);
        String summary = "";
        for (int i = 0; i < n; i++) {
            summary += orders[i].id() + "=" + prices[i] + ";";
        }
        return summary;
    }
}

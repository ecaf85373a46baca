package dev.hoist.workloads.demo;

import dev.hoist.workloads.Runner;
import java.util.Map;

/**
 * The demo workload that {@code hoist demo} profiles and end-to-end tests attach to: an
 * order-processing loop (parse the feed, price, total revenue per region, write an audit
 * summary) that carries four planted anti-patterns of clearly different cost, prints its
 * throughput once a second and runs until killed, or for {@code --seconds N}. The anti-patterns
 * and their expected order of cost are documented in {@code sample-workloads/DEMO.md}.
 */
public final class DemoMain {

    /** Orders per batch; several batches rotate so the data is not one hot cache line. */
    static final int BATCH = 2_000;
    static final int BATCHES = 8;
    /** Orders listed in the audit summary; sets the cost of the string-concat stage. */
    static final int SUMMARY_ORDERS = 120;

    private DemoMain() {
    }

    /** Processes one batch and returns a checksum of everything it produced. */
    public static long processBatch(String[] lines, PriceRule[] chain) {
        Order[] orders = OrderFeed.parse(lines);
        long[] prices = Pricing.price(orders, chain);
        Map<String, Long> revenue = Revenue.byRegion(orders, prices);
        String summary = BatchSummary.render(orders, prices, SUMMARY_ORDERS);
        return revenue.hashCode() * 31L + summary.length();
    }

    public static void main(String[] args) {
        String[][] batches = new String[BATCHES][];
        for (int b = 0; b < BATCHES; b++) {
            batches[b] = OrderFeed.lines(b, BATCH);
        }
        PriceRule[] chain = PriceRule.chain();
        int[] next = {0};
        Runner.run(args, "demo", "orders", () -> {
            String[] lines = batches[next[0]++ % BATCHES];
            Runner.consume(processBatch(lines, chain));
            return lines.length;
        });
    }
}

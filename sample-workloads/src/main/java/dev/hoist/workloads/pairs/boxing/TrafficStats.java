package dev.hoist.workloads.pairs.boxing;

import dev.hoist.workloads.Runner;

/**
 * Sums the bytes served by successful requests in an access log, for a traffic dashboard.
 * Anti-pattern: the running total is a {@code Long}, so every addition unboxes it and boxes a
 * new {@code Long} (sizes are far outside the small-value cache). Twin: {@link TrafficStatsFixed}.
 */
public final class TrafficStats {

    private TrafficStats() {
    }

    /** Bytes served by the requests whose status is below 400. */
    public static long servedBytes(Request[] requests) {
        Long total = 0L;
        for (int i = 0; i < requests.length; i++) {
            Request request = requests[i];
            if (request.status() < 400) {
                total += request.bytes();
            }
        }
        return total;
    }

    public static void main(String[] args) {
        Request[] requests = Request.log(42, 100_000);
        Runner.runPasses(args, "TrafficStats", () -> servedBytes(requests));
    }
}

package dev.hoist.workloads.pairs.boxing;

import java.util.SplittableRandom;

/** One line of a web server's access log: response status and body size. */
public record Request(int status, long bytes) {

    /** A deterministic log of {@code count} requests, mostly successful. */
    public static Request[] log(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] statuses = {200, 200, 200, 200, 200, 201, 204, 301, 304, 404, 500};
        Request[] requests = new Request[count];
        for (int i = 0; i < count; i++) {
            requests[i] = new Request(statuses[random.nextInt(statuses.length)], random.nextLong(2_000_000));
        }
        return requests;
    }
}

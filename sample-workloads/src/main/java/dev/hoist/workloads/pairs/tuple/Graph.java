package dev.hoist.workloads.pairs.tuple;

import java.util.SplittableRandom;

/**
 * A graph as two parallel edge arrays (edge i joins {@code from[i]} and {@code to[i]}), the
 * compact layout graph tools use for millions of edges. Shared by the locality twins.
 */
@SuppressWarnings("ArrayRecordComponent") public record Graph(int nodes, int[] from, int[] to) { // a carrier, never compared

    /** A deterministic graph whose edges mostly join nearby node numbers, some far ones. */
    public static Graph sample(long seed, int nodes, int edges) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] from = new int[edges];
        int[] to = new int[edges];
        for (int i = 0; i < edges; i++) {
            int a = random.nextInt(nodes);
            int b = random.nextInt(10) == 0 ? random.nextInt(nodes) : Math.floorMod(a + random.nextInt(-64, 65), nodes);
            from[i] = a;
            to[i] = b;
        }
        return new Graph(nodes, from, to);
    }

    /** An undirected edge with its endpoints in order. */
    public record Span(int lo, int hi) {

        /** The span between {@code a} and {@code b}, whichever is smaller first. */
        public static Span of(int a, int b) {
            return a <= b ? new Span(a, b) : new Span(b, a);
        }
    }

    /** How local a node numbering is: edges within the window, total and largest edge span. */
    public record Locality(long shortEdges, long totalSpan, int bandwidth) {
    }
}

package dev.hoist.workloads.pairs.tuple;

import dev.hoist.workloads.Runner;

/**
 * Measures how local a graph's node numbering is (short edges mean cache-friendly traversals),
 * as a graph reordering tool does before and after relabelling. The fixed twin of
 * {@link EdgeLocality}. Fix: the ordered endpoints go into two locals instead of a fresh
 * {@link Graph.Span} per edge.
 */
public final class EdgeLocalityFixed {

    private EdgeLocalityFixed() {
    }

    /** Locality of {@code graph}: edges spanning at most {@code window} node numbers count as short. */
    public static Graph.Locality measure(Graph graph, int window) {
        int[] from = graph.from();
        int[] to = graph.to();
        long shortEdges = 0;
        long totalSpan = 0;
        int bandwidth = 0;
        for (int i = 0; i < from.length; i++) {
            int lo = Math.min(from[i], to[i]);
            int hi = Math.max(from[i], to[i]);
            int length = hi - lo;
            if (length <= window) {
                shortEdges++;
            }
            totalSpan += length;
            bandwidth = Math.max(bandwidth, length);
        }
        return new Graph.Locality(shortEdges, totalSpan, bandwidth);
    }

    public static void main(String[] args) {
        Graph graph = Graph.sample(42, 1_000_000, 1_000_000);
        Runner.runPasses(args, "EdgeLocalityFixed", () -> measure(graph, 64).totalSpan());
    }
}

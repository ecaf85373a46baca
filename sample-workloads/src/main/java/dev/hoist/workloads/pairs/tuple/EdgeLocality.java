package dev.hoist.workloads.pairs.tuple;

import dev.hoist.workloads.Runner;

/**
 * Measures how local a graph's node numbering is (short edges mean cache-friendly traversals),
 * as a graph reordering tool does before and after relabelling. Anti-pattern: each edge is
 * normalised into a fresh {@link Graph.Span} that the loop only reads; with two allocation sites
 * merging in the loop the JIT may not scalar-replace it. Twin: {@link EdgeLocalityFixed}.
 */
public final class EdgeLocality {

    private EdgeLocality() {
    }

    /** Locality of {@code graph}: edges spanning at most {@code window} node numbers count as short. */
    public static Graph.Locality measure(Graph graph, int window) {
        int[] from = graph.from();
        int[] to = graph.to();
        long shortEdges = 0;
        long totalSpan = 0;
        int bandwidth = 0;
        for (int i = 0; i < from.length; i++) {
            Graph.Span span = Graph.Span.of(from[i], to[i]);
            int length = span.hi() - span.lo();
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
        Runner.runPasses(args, "EdgeLocality", () -> measure(graph, 64).totalSpan());
    }
}

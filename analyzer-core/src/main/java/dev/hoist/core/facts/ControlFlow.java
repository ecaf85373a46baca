package dev.hoist.core.facts;

import java.util.Arrays;

/**
 * The control-flow graph of one method over instruction indices, as ASM's Analyzer reported its
 * edges (exception edges included and marked), with immediate dominators. Built once per method
 * by {@link OperandFlow}; everything else asks it about edges, predecessors and dominance.
 */
final class ControlFlow {
    private final int n;
    private final int[] edgeFrom;
    private final int[] edgeTo;
    private final boolean[] edgeExc;
    private final int edges;
    private final int[][] preds;
    private int[] idom;
    private int[] rpoIndex;

    /** The edges as the Analyzer reports them, in order; duplicates are harmless. */
    static final class Edges {
        private int[] from = new int[64];
        private int[] to = new int[64];
        private boolean[] exc = new boolean[64];
        private int count;

        void add(int f, int t, boolean exception) {
            if (count == from.length) {
                from = Arrays.copyOf(from, count * 2);
                to = Arrays.copyOf(to, count * 2);
                exc = Arrays.copyOf(exc, count * 2);
            }
            from[count] = f;
            to[count] = t;
            exc[count] = exception;
            count++;
        }
    }

    ControlFlow(int n, Edges e) {
        this.n = n;
        this.edgeFrom = e.from;
        this.edgeTo = e.to;
        this.edgeExc = e.exc;
        this.edges = e.count;
        // Analyzer reports an edge again each time it revisits an instruction; duplicates are harmless.
        int[] count = new int[n];
        for (int k = 0; k < edges; k++) count[edgeTo[k]]++;
        preds = new int[n][];
        for (int i = 0; i < n; i++) preds[i] = new int[count[i]];
        Arrays.fill(count, 0);
        for (int k = 0; k < edges; k++) preds[edgeTo[k]][count[edgeTo[k]]++] = edgeFrom[k];
        dominators();
    }

    int edgeCount() { return edges; }
    int from(int edge) { return edgeFrom[edge]; }
    int to(int edge) { return edgeTo[edge]; }
    boolean exceptional(int edge) { return edgeExc[edge]; }
    int[] preds(int insn) { return preds[insn]; }
    /** Whether the instruction has a dominator: it is the entry, or reached from it. */
    boolean hasDominator(int insn) { return idom[insn] >= 0; }

    /** Whether instruction {@code a} dominates instruction {@code b} in the control-flow graph. */
    boolean dominates(int a, int b) {
        if (idom[b] < 0 && b != 0) return false;
        for (int x = b; ; x = idom[x]) {
            if (x == a) return true;
            if (x == 0 || idom[x] < 0 || idom[x] == x) return false;
        }
    }

    private void dominators() {
        // Cooper, Harvey, Kennedy: "A Simple, Fast Dominance Algorithm", over instructions.
        int[][] succ = new int[n][];
        int[] sc = new int[n];
        for (int e = 0; e < edges; e++) sc[edgeFrom[e]]++;
        for (int i = 0; i < n; i++) succ[i] = new int[sc[i]];
        Arrays.fill(sc, 0);
        for (int e = 0; e < edges; e++) succ[edgeFrom[e]][sc[edgeFrom[e]]++] = edgeTo[e];
        int[] order = new int[n];
        rpoIndex = new int[n];
        Arrays.fill(rpoIndex, -1);
        int[] stack = new int[n];
        int[] pos = new int[n];
        boolean[] seen = new boolean[n];
        int sp = 0, k = n;
        if (n == 0) {
            idom = new int[0];
            return;
        }
        stack[sp++] = 0;
        seen[0] = true;
        while (sp > 0) {
            int v = stack[sp - 1];
            if (pos[v] < succ[v].length) {
                int w = succ[v][pos[v]++];
                if (!seen[w]) {
                    seen[w] = true;
                    stack[sp++] = w;
                }
            } else {
                sp--;
                order[--k] = v;
            }
        }
        int reached = n - k;
        int[] rpo = Arrays.copyOfRange(order, k, n);
        for (int i = 0; i < reached; i++) rpoIndex[rpo[i]] = i;
        idom = new int[n];
        Arrays.fill(idom, -1);
        idom[0] = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 1; i < reached; i++) {
                int b = rpo[i];
                int nd = -1;
                for (int p : preds[b]) {
                    if (idom[p] < 0) continue;
                    nd = nd < 0 ? p : intersect(p, nd);
                }
                if (nd >= 0 && idom[b] != nd) {
                    idom[b] = nd;
                    changed = true;
                }
            }
        }
    }

    private int intersect(int a, int b) {
        while (a != b) {
            while (rpoIndex[a] > rpoIndex[b]) a = idom[a];
            while (rpoIndex[b] > rpoIndex[a]) b = idom[b];
        }
        return a;
    }
}

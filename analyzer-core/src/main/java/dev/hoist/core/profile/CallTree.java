package dev.hoist.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A call tree by method, merged across frame types and lines (a method is one node however the JIT
 * ran it): top-down from the threads' roots ({@link #of}), or the back-traces of one method, its
 * callers and theirs ({@link #callers}), as IntelliJ's and JMC's call trees show them. Children are
 * worked out when first asked for, from the stacks through the node, so a tree over millions of
 * samples costs what is expanded, not every path.
 */
public final class CallTree {
    private final Profile profile;
    private final EventKind kind;
    private Node root;

    private CallTree(Profile profile, EventKind kind) {
        this.profile = profile;
        this.kind = kind;
    }

    /** The top-down tree of {@code kind}'s weight: the root is all stacks, its children the outermost methods. */
    public static CallTree of(Profile p, EventKind kind) {
        long[] weight = stackWeights(p, kind);
        int n = 0;
        for (long w : weight) {
            if (w > 0) n++;
        }
        int[] stacks = new int[n];
        int[] at = new int[n];
        int j = 0;
        for (int s = 0; s < weight.length; s++) {
            if (weight[s] > 0) {
                stacks[j] = s;
                at[j] = p.stackFrames(s).length - 1; // the outermost frame
                j++;
            }
        }
        CallTree t = new CallTree(p, kind);
        t.root = t.new Node(null, stacks, at, weight, false);
        return t;
    }

    /**
     * The back-traces of {@code method}: the root is the method with all the weight of the stacks it
     * is on, its children its callers, theirs their callers, down to the threads' roots. A recursive
     * method counts from its innermost call.
     */
    public static CallTree callers(Profile p, EventKind kind, MethodRef method) {
        long[] weight = stackWeights(p, kind);
        int mi = p.methodIndex(method);
        int[] containing = mi < 0 ? new int[0] : p.stacksContaining(mi);
        int[] stacks = new int[containing.length];
        int[] at = new int[containing.length];
        int n = 0;
        for (int s : containing) {
            if (weight[s] == 0) continue;
            int[] frames = p.stackFrames(s);
            for (int f = 0; f < frames.length; f++) {
                if (p.frame(frames[f]).methodIndex() == mi) {
                    stacks[n] = s;
                    at[n] = f;
                    n++;
                    break;
                }
            }
        }
        CallTree t = new CallTree(p, kind);
        t.root = t.new Node(method, Arrays.copyOf(stacks, n), Arrays.copyOf(at, n), weight, true);
        return t;
    }

    private static long[] stackWeights(Profile p, EventKind kind) {
        long[] weight = new long[p.stackCount()];
        for (int i = 0, n = p.size(); i < n; i++) {
            if (p.kind(i) == kind) {
                weight[p.stack(i)] += p.weight(i);
            }
        }
        return weight;
    }

    public Node root() {
        return root;
    }

    public EventKind kind() {
        return kind;
    }

    /**
     * A node: a method on a path, with the weight of the stacks through it ({@link #total}) and of
     * those that end in it ({@link #self}: the method ran itself; for back-traces, the thread's root).
     */
    public final class Node {
        private final MethodRef method;
        /** The stacks through this node, and the index in each of this node's frame (or of the next one for the root). */
        private final int[] stacks;
        private final int[] at;
        private final long[] weight;
        private final long total;
        private final long self;
        private final boolean up;
        private List<Node> children;

        /** @param up whether the next frame is toward the thread's root (callers) rather than the leaf (callees) */
        Node(MethodRef method, int[] stacks, int[] at, long[] weight, boolean up) {
            this.method = method;
            this.stacks = stacks;
            this.at = at;
            this.weight = weight;
            this.up = up;
            long tot = 0;
            long s = 0;
            for (int i = 0; i < stacks.length; i++) {
                long w = weight[stacks[i]];
                tot += w;
                int next = at[i] + (method == null ? 0 : up ? 1 : -1);
                if (method != null && (next < 0 || next >= profile.stackFrames(stacks[i]).length)) {
                    s += w;
                }
            }
            this.total = tot;
            this.self = s;
        }

        /** The tree the node is in. */
        public CallTree tree() {
            return CallTree.this;
        }

        /** The method, null for the top-down tree's root. */
        public MethodRef method() {
            return method;
        }

        public long total() {
            return total;
        }

        public long self() {
            return self;
        }

        /** The callees (top-down) or the callers (back-traces), heaviest first; worked out once. */
        public synchronized List<Node> children() {
            if (children == null) {
                children = split();
            }
            return children;
        }

        private List<Node> split() {
            Map<Integer, int[]> counts = new HashMap<>();
            int delta = method == null ? 0 : up ? 1 : -1;
            int[] childMethod = new int[stacks.length];
            for (int i = 0; i < stacks.length; i++) {
                int[] frames = profile.stackFrames(stacks[i]);
                int next = at[i] + delta;
                childMethod[i] = next < 0 || next >= frames.length ? -1 : profile.frame(frames[next]).methodIndex();
                if (childMethod[i] >= 0) {
                    counts.computeIfAbsent(childMethod[i], k -> new int[1])[0]++;
                }
            }
            Map<Integer, int[][]> parts = new HashMap<>();
            counts.forEach((m, c) -> parts.put(m, new int[][] {new int[c[0]], new int[c[0]], {0}}));
            for (int i = 0; i < stacks.length; i++) {
                if (childMethod[i] < 0) continue;
                int[][] part = parts.get(childMethod[i]);
                int k = part[2][0]++;
                part[0][k] = stacks[i];
                part[1][k] = at[i] + delta;
            }
            List<Node> out = new ArrayList<>();
            parts.forEach((m, part) -> out.add(new Node(profile.method(m), part[0], part[1], weight, up)));
            out.sort((a, b) -> a.total != b.total ? Long.compare(b.total, a.total)
                    : a.method.displayName().compareTo(b.method.displayName()));
            return List.copyOf(out);
        }

        @Override
        public String toString() {
            return (method == null ? "all" : method.displayName()) + " " + total;
        }
    }
}

package dev.hoist.core.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The call tree of one event kind laid out as a flame graph, shared by the HTML report and the
 * window. Each node is a frame at a depth with a left edge and a width in the kind's weight
 * (samples, or bytes for allocations), root ("all") first. Children of a node are merged by method
 * and frame type, as async-profiler's converter does, so an inlined call and a compiled call of
 * the same method stay apart and keep their colours, and are ordered by name so two similar runs
 * look alike. Nodes are stored in pre-order in parallel arrays, so a subtree is the index range
 * {@code [i, end(i))} and a graph of 100k nodes costs a few megabytes, not 100k objects.
 * Nodes narrower than {@code minShare} of the root are left out when asked (the HTML page).
 * {@link #merged} merges the children by method alone, so one call path is drawn once however the
 * JIT ran it (the window): a node's type is then the one most of its weight ran as, and
 * {@link #types} says which others it ran as.
 */
public final class FlameGraph {

    private final EventKind kind;
    private final List<String> names;
    private final int size;
    private final int[] name;
    private final byte[] type;
    private final byte[] types;
    private final boolean merged;
    private final int[] method;
    private final int[] level;
    private final long[] left;
    private final long[] total;
    private final long[] self;
    private final int[] end;
    private final int[] parent;
    private final int depth;
    private final Profile profile;

    private FlameGraph(Builder b, Profile profile, EventKind kind) {
        this.kind = kind;
        this.profile = profile;
        this.names = List.copyOf(b.names);
        this.size = b.size;
        this.name = Arrays.copyOf(b.name, size);
        this.type = Arrays.copyOf(b.type, size);
        this.types = Arrays.copyOf(b.types, size);
        this.merged = b.merged;
        this.method = Arrays.copyOf(b.method, size);
        this.level = Arrays.copyOf(b.level, size);
        this.left = Arrays.copyOf(b.left, size);
        this.total = Arrays.copyOf(b.total, size);
        this.self = Arrays.copyOf(b.self, size);
        this.end = Arrays.copyOf(b.end, size);
        this.parent = Arrays.copyOf(b.parent, size);
        this.depth = b.depth;
    }

    /** Every frame, however narrow. */
    public static FlameGraph of(Profile p, EventKind kind) {
        return of(p, kind, 0);
    }

    /** Leaves out nodes narrower than {@code minShare} (0..1) of all the kind's weight. */
    public static FlameGraph of(Profile p, EventKind kind, double minShare) {
        return build(p, kind, minShare, false);
    }

    /**
     * Every frame, children merged by method whatever their frame type: a call path that ran
     * inlined, compiled and interpreted is one node, not three side by side.
     */
    public static FlameGraph merged(Profile p, EventKind kind) {
        return build(p, kind, 0, true);
    }

    private static FlameGraph build(Profile p, EventKind kind, double minShare, boolean merge) {
        long[] stackWeight = new long[p.stackCount()];
        for (int i = 0, n = p.size(); i < n; i++) {
            if (p.kind(i) == kind) {
                stackWeight[p.stack(i)] += p.weight(i);
            }
        }
        Builder b = new Builder();
        b.merged = merge;
        Map<String, Integer> nameIndex = new HashMap<>();
        nameIndex.put("all", 0);
        b.names.add("all");
        int[] methodName = new int[p.methods().size()];
        Arrays.fill(methodName, -1);
        Node root = new Node(0, -1, -1);
        for (int s = 0; s < stackWeight.length; s++) {
            long w = stackWeight[s];
            if (w == 0) {
                continue;
            }
            root.total += w;
            int[] frames = p.stackFrames(s);
            Node node = root;
            for (int j = frames.length - 1; j >= 0; j--) {
                Frame f = p.frame(frames[j]);
                int mi = f.methodIndex();
                if (methodName[mi] < 0) {
                    String display = f.method().displayName();
                    Integer idx = nameIndex.get(display);
                    if (idx == null) {
                        idx = b.names.size();
                        b.names.add(display);
                        nameIndex.put(display, idx);
                    }
                    methodName[mi] = idx;
                }
                @SuppressWarnings("EnumOrdinal") // a key within this tree only, never stored
                int t = f.type().ordinal();
                long key = merge ? (long) methodName[mi] << 4 : ((long) methodName[mi] << 4) | t;
                if (node.children == null) {
                    node.children = new HashMap<>(4);
                }
                Node child = node.children.get(key);
                if (child == null) {
                    child = new Node(methodName[mi], t, mi);
                    node.children.put(key, child);
                }
                child.total += w;
                child.typeMask |= 1 << t;
                if (merge) {
                    child.byType = child.byType == null ? new long[FrameType.values().length] : child.byType;
                    child.byType[t] += w;
                }
                node = child;
            }
            node.self += w;
        }
        long minWidth = Math.max(1, (long) Math.ceil(root.total * minShare));
        if (root.total > 0) {
            b.emit(root, -1, 0, 0, minWidth);
        }
        return new FlameGraph(b, p, kind);
    }

    public EventKind kind() {
        return kind;
    }

    /** Number of nodes, the root included (0 when the profile has no samples of the kind). */
    public int size() {
        return size;
    }

    /** Rows of the graph: the deepest level plus one. */
    public int depth() {
        return depth;
    }

    /** Weight of the root: all samples (or bytes) of the kind. */
    public long rootTotal() {
        return size == 0 ? 0 : total[0];
    }

    /** Distinct frame names; a node's {@link #nameIndex} points here. Index 0 is "all". */
    public List<String> names() {
        return names;
    }

    public String name(int node) {
        return names.get(name[node]);
    }

    public int nameIndex(int node) {
        return name[node];
    }

    /** How the frame ran; null for the root. */
    public FrameType type(int node) {
        return type[node] < 0 ? null : FrameType.ofOrdinal(type[node]);
    }

    /** Whether children were merged by method alone ({@link #merged}), whatever their frame type. */
    public boolean mergesFrameTypes() {
        return merged;
    }

    /** Every frame type the node's samples ran as (one, unless {@link #mergesFrameTypes}); empty for the root. */
    public java.util.Set<FrameType> types(int node) {
        java.util.Set<FrameType> out = java.util.EnumSet.noneOf(FrameType.class);
        for (int t = 0; t < FrameType.values().length; t++) {
            if ((types[node] & 0xff & (1 << t)) != 0) {
                out.add(FrameType.ofOrdinal(t));
            }
        }
        return out;
    }

    /** The method of the node with its descriptor, null for the root. */
    public MethodRef method(int node) {
        return method[node] < 0 ? null : profile.method(method[node]);
    }

    public int level(int node) {
        return level[node];
    }

    /** Left edge, in weight from the root's left edge. */
    public long left(int node) {
        return left[node];
    }

    /** Width: the weight of every stack through this node. */
    public long total(int node) {
        return total[node];
    }

    /** The weight of stacks that end in this node. */
    public long self(int node) {
        return self[node];
    }

    /** One past the last node of this node's subtree (nodes are in pre-order). */
    public int end(int node) {
        return end[node];
    }

    /** The parent node, -1 for the root. */
    public int parent(int node) {
        return parent[node];
    }

    /** Whether {@code node} is {@code ancestor} or lies in its subtree. */
    public boolean isWithin(int node, int ancestor) {
        return node >= ancestor && node < end[ancestor];
    }

    /** The nodes from the root down to {@code node}, root first. */
    public int[] path(int node) {
        int n = 0;
        for (int i = node; i >= 0; i = parent[i]) {
            n++;
        }
        int[] out = new int[n];
        for (int i = node; i >= 0; i = parent[i]) {
            out[--n] = i;
        }
        return out;
    }

    /**
     * The nodes whose frame name contains {@code text}, ignoring case, and the weight they cover:
     * a match inside another match is counted once, so the share never exceeds the whole.
     */
    public Match search(String text) {
        BitSet hits = new BitSet(size);
        if (text == null || text.isBlank() || size == 0) {
            return new Match(hits, 0);
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        boolean[] nameHit = new boolean[names.size()];
        for (int i = 1; i < names.size(); i++) {
            nameHit[i] = names.get(i).toLowerCase(Locale.ROOT).contains(needle);
        }
        long covered = 0;
        int coveredUntil = -1;
        for (int i = 1; i < size; i++) {
            if (nameHit[name[i]]) {
                hits.set(i);
                if (i >= coveredUntil) {
                    covered += total[i];
                    coveredUntil = end[i];
                }
            }
        }
        return new Match(hits, covered);
    }

    /** Matching nodes and the weight they cover (nested matches counted once). */
    public record Match(BitSet nodes, long weight) {
        public boolean isEmpty() {
            return nodes.isEmpty();
        }
    }

    private static final class Node {
        final int name;
        final int type;
        final int method;
        long total;
        long self;
        int typeMask;
        long[] byType; // weight per frame type, merged nodes only: the colour is the type most of it ran as
        Map<Long, Node> children;

        Node(int name, int type, int method) {
            this.name = name;
            this.type = type;
            this.method = method;
        }
    }

    private record Pending(Node node, int parent, int level, long left) {
    }

    private static final class Builder {
        final List<String> names = new ArrayList<>();
        int size;
        int depth;
        int[] name = new int[256];
        byte[] type = new byte[256];
        byte[] types = new byte[256];
        boolean merged;
        int[] method = new int[256];
        int[] level = new int[256];
        long[] left = new long[256];
        long[] total = new long[256];
        long[] self = new long[256];
        int[] end = new int[256];
        int[] parent = new int[256];

        /** Pre-order, children alphabetical; iterative so a 5,000-frame recursion cannot overflow the stack. */
        void emit(Node rootNode, int rootParent, int rootLevel, long rootLeft, long minWidth) {
            java.util.ArrayDeque<Pending> work = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>();
            work.push(new Pending(rootNode, rootParent, rootLevel, rootLeft));
            while (!work.isEmpty()) {
                Pending p = work.pop();
                // close the subtrees this node is not inside of
                while (!open.isEmpty() && open.peek()[1] >= p.level) {
                    end[open.pop()[0]] = size;
                }
                int id = add(p);
                open.push(new int[] {id, p.level});
                if (p.node.children == null) {
                    continue;
                }
                List<Node> kids = new ArrayList<>(p.node.children.values());
                kids.sort((a, c) -> {
                    int cmp = names.get(a.name).compareTo(names.get(c.name));
                    return cmp != 0 ? cmp : Integer.compare(a.type, c.type);
                });
                long x = p.left;
                List<Pending> next = new ArrayList<>(kids.size());
                for (Node k : kids) {
                    if (k.total >= minWidth) {
                        next.add(new Pending(k, id, p.level + 1, x));
                    }
                    x += k.total;
                }
                for (int i = next.size() - 1; i >= 0; i--) {
                    work.push(next.get(i));
                }
            }
            while (!open.isEmpty()) {
                end[open.pop()[0]] = size;
            }
        }

        private static int dominant(Node n) {
            if (n.byType == null) {
                return n.type;
            }
            int best = 0;
            for (int t = 1; t < n.byType.length; t++) {
                if (n.byType[t] > n.byType[best]) {
                    best = t;
                }
            }
            return best;
        }

        private int add(Pending p) {
            if (size == name.length) {
                int n = size * 2;
                name = Arrays.copyOf(name, n);
                type = Arrays.copyOf(type, n);
                types = Arrays.copyOf(types, n);
                method = Arrays.copyOf(method, n);
                level = Arrays.copyOf(level, n);
                left = Arrays.copyOf(left, n);
                total = Arrays.copyOf(total, n);
                self = Arrays.copyOf(self, n);
                end = Arrays.copyOf(end, n);
                parent = Arrays.copyOf(parent, n);
            }
            int id = size++;
            name[id] = p.node.name;
            type[id] = (byte) dominant(p.node);
            types[id] = (byte) p.node.typeMask;
            method[id] = p.node.method;
            level[id] = p.level;
            left[id] = p.left;
            total[id] = p.node.total;
            self[id] = p.node.self;
            parent[id] = p.parent;
            depth = Math.max(depth, p.level + 1);
            return id;
        }
    }
}

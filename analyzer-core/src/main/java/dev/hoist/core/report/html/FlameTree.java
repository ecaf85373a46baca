package dev.hoist.core.report.html;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Frame;
import dev.hoist.core.profile.Profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The call tree of one event kind laid out as a flame graph: each frame is a rectangle at a depth
 * with a left edge and a width in samples (bytes for allocations), root first. Children of a node
 * are merged by method and frame type, as async-profiler's converter does, so an inlined call and
 * a compiled call of the same method stay apart and keep their colours. Frames narrower than
 * {@code minWidth} are left out: they could not be seen and would only make the file bigger.
 */
final class FlameTree {

    /** One rectangle; {@code name} indexes {@link #names()}, {@code type} is a FrameType ordinal. */
    record Rect(int level, long left, long width, long self, int name, int type) {}

    private static final class Node {
        final int name;
        final int type;
        long total;
        long self;
        final Map<Long, Node> children = new HashMap<>();

        Node(int name, int type) {
            this.name = name;
            this.type = type;
        }
    }

    private final List<String> names = new ArrayList<>();
    private final List<Rect> rects = new ArrayList<>();
    private int depth;

    List<String> names() {
        return names;
    }

    List<Rect> rects() {
        return rects;
    }

    int depth() {
        return depth;
    }

    static FlameTree of(Profile p, EventKind kind, double minShare) {
        FlameTree t = new FlameTree();
        long[] stackWeight = new long[p.stackCount()];
        for (int i = 0, n = p.size(); i < n; i++) {
            if (p.kind(i) == kind) {
                stackWeight[p.stack(i)] += p.weight(i);
            }
        }
        Map<String, Integer> nameIndex = new HashMap<>();
        t.names.add("all");
        nameIndex.put("all", 0);
        int[] methodName = new int[p.methods().size()];
        java.util.Arrays.fill(methodName, -1);
        Node root = new Node(0, -1);
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
                    String name = f.method().displayName();
                    Integer idx = nameIndex.get(name);
                    if (idx == null) {
                        idx = t.names.size();
                        t.names.add(name);
                        nameIndex.put(name, idx);
                    }
                    methodName[mi] = idx;
                }
                int type = f.type().ordinal();
                long key = ((long) methodName[mi] << 4) | type;
                Node child = node.children.get(key);
                if (child == null) {
                    child = new Node(methodName[mi], type);
                    node.children.put(key, child);
                }
                child.total += w;
                node = child;
            }
            node.self += w;
        }
        long minWidth = Math.max(1, (long) Math.ceil(root.total * minShare));
        if (root.total > 0) {
            t.emit(root, 0, 0, minWidth);
        }
        return t;
    }

    private void emit(Node node, int level, long left, long minWidth) {
        rects.add(new Rect(level, left, node.total, node.self, node.name, node.type));
        depth = Math.max(depth, level + 1);
        List<Node> kids = new ArrayList<>(node.children.values());
        // alphabetical, as flame graphs are drawn, so two reports of similar runs look alike
        kids.sort((a, b) -> {
            int c = names.get(a.name).compareTo(names.get(b.name));
            return c != 0 ? c : Integer.compare(a.type, b.type);
        });
        long x = left;
        for (Node k : kids) {
            if (k.total >= minWidth) {
                emit(k, level + 1, x, minWidth);
            }
            x += k.total;
        }
    }
}

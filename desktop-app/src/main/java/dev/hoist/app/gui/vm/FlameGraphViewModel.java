package dev.hoist.app.gui.vm;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.FlameGraph;
import dev.hoist.core.profile.FrameType;
import dev.hoist.core.profile.MethodRef;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The flame graph's state: the graph, the zoomed node, the search and its matches, the node
 * under the mouse. Geometry lives here too (where a node is drawn for a width, which node is at a
 * point), so zoom, search and hit testing are tested without a window. The graph is drawn root at
 * the top, one row per stack depth; zooming to a node makes it the full width, its ancestors stay
 * above it at full width and everything else is hidden. When a live session replaces the graph
 * every second, the zoom follows the same call path in the new graph.
 */
public final class FlameGraphViewModel {

    private final ReadOnlyObjectWrapper<FlameGraph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyIntegerWrapper zoom = new ReadOnlyIntegerWrapper(this, "zoom", 0);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<FlameGraph.Match> match = new ReadOnlyObjectWrapper<>(this, "match");
    private final ReadOnlyStringWrapper matchText = new ReadOnlyStringWrapper(this, "matchText", "");
    private final IntegerProperty hovered = new SimpleIntegerProperty(this, "hovered", -1);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final ReadOnlyStringWrapper zoomText = new ReadOnlyStringWrapper(this, "zoomText", "");
    /** The zoomed node's call path as frame keys, kept across graph replacements. */
    private List<String> zoomPath = List.of();
    /** The hovered node's call path as frame keys (empty: the root), kept across graph replacements; null: none. */
    private List<String> hoverPath;

    public FlameGraphViewModel() {
        search.addListener((o, a, b) -> updateMatch());
        hovered.addListener((o, a, b) -> {
            FlameGraph g = graph.get();
            int n = b.intValue();
            hoverPath = g == null || n < 0 || n >= g.size() ? null : pathKeys(g, n);
            hoverText.set(describe(n));
        });
    }

    public ReadOnlyObjectProperty<FlameGraph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public FlameGraph graph() {
        return graph.get();
    }

    /** The node drawn at full width (0: the root, nothing zoomed). */
    public ReadOnlyIntegerProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public int zoom() {
        return zoom.get();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<FlameGraph.Match> matchProperty() {
        return match.getReadOnlyProperty();
    }

    /** "12 frames match · 34.5% of samples", or empty without a search. */
    public ReadOnlyStringProperty matchTextProperty() {
        return matchText.getReadOnlyProperty();
    }

    public IntegerProperty hoveredProperty() {
        return hovered;
    }

    /** What the tooltip says about the hovered node. */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** "Zoomed to Class.method (12.3%)", empty when not zoomed. */
    public ReadOnlyStringProperty zoomTextProperty() {
        return zoomText.getReadOnlyProperty();
    }

    /** Shows a new graph, keeping the zoom on the same call path when the path still exists. */
    public void show(FlameGraph g) {
        graph.set(g);
        int z = g == null ? 0 : find(g, zoomPath);
        if (z < 0) {
            z = 0;
            zoomPath = List.of();
        }
        zoom.set(z);
        // the frame under the mouse stays hovered in the new graph (a live session replaces it every
        // second; clearing the hover made the tooltip vanish within a second); the next mouse move
        // finds what is under the mouse in the new layout
        int h = g == null || hoverPath == null ? -1 : find(g, hoverPath);
        if (h < 0) {
            hoverPath = null;
        }
        hovered.set(h);
        hoverText.set(describe(h));
        updateMatch();
        updateZoomText();
    }

    /** Makes {@code node} the full width; the root (or -1) resets. */
    public void zoomTo(int node) {
        FlameGraph g = graph.get();
        if (g == null || node < 0 || node >= g.size()) {
            node = 0;
        }
        zoom.set(node);
        zoomPath = g == null ? List.of() : pathKeys(g, node);
        updateZoomText();
    }

    public void resetZoom() {
        zoomTo(0);
    }

    /** Zooms to the parent of the zoomed node (Backspace, a step out). */
    public void zoomOut() {
        FlameGraph g = graph.get();
        if (g != null && zoom.get() > 0) {
            zoomTo(Math.max(0, g.parent(zoom.get())));
        }
    }

    // --- geometry ---

    /** Left edge of {@code node} in pixels for a graph {@code width} pixels wide; NaN when hidden by the zoom. */
    public double x(int node, double width) {
        FlameGraph g = graph.get();
        int z = zoom.get();
        if (g.isWithin(z, node)) {
            return 0; // the zoomed node or one of its ancestors: full width
        }
        if (!g.isWithin(node, z)) {
            return Double.NaN;
        }
        return (g.left(node) - g.left(z)) * width / (double) g.total(z);
    }

    /** Width of {@code node} in pixels; 0 when hidden by the zoom. */
    public double w(int node, double width) {
        FlameGraph g = graph.get();
        int z = zoom.get();
        if (g.isWithin(z, node)) {
            return width;
        }
        if (!g.isWithin(node, z)) {
            return 0;
        }
        return g.total(node) * width / (double) g.total(z);
    }

    /** The node drawn at pixel {@code (px, row)} (row 0 is the root's), or -1. */
    public int nodeAt(double px, int row, double width) {
        FlameGraph g = graph.get();
        if (g == null || g.size() == 0 || row < 0 || px < 0 || px >= width) {
            return -1;
        }
        int z = zoom.get();
        int zl = g.level(z);
        if (row <= zl) {
            int[] path = g.path(z);
            return row < path.length ? path[row] : -1;
        }
        int node = z;
        double scale = width / (double) g.total(z);
        double target = g.left(z) + px / scale;
        while (g.level(node) < row) {
            int next = -1;
            for (int c = node + 1; c < g.end(node); c = g.end(c)) {
                if (target >= g.left(c) && target < g.left(c) + g.total(c)) {
                    next = c;
                    break;
                }
            }
            if (next < 0) {
                return -1;
            }
            node = next;
        }
        return node;
    }

    /** Rows below the root that the zoomed view needs. */
    public int visibleDepth() {
        FlameGraph g = graph.get();
        if (g == null || g.size() == 0) {
            return 0;
        }
        int z = zoom.get();
        int max = g.level(z);
        for (int i = z; i < g.end(z); i++) {
            max = Math.max(max, g.level(i));
        }
        return max + 1;
    }

    // --- words ---

    /** The tooltip of a node: name, frame type, total and self as share and count. */
    public String describe(int node) {
        FlameGraph g = graph.get();
        if (g == null || node < 0 || node >= g.size()) {
            return "";
        }
        long root = Math.max(1, g.rootTotal());
        String unit = unit(g.kind());
        MethodRef m = g.method(node);
        StringBuilder b = new StringBuilder();
        b.append(m == null ? "all" : m.shortSignature(Integer.MAX_VALUE));
        FrameType t = g.type(node);
        if (t != null) {
            b.append("\n").append(t.jfrName());
            List<String> others = g.types(node).stream().filter(o -> o != t).map(FrameType::jfrName).toList();
            if (!others.isEmpty()) {
                b.append(" (mostly; also ").append(String.join(", ", others)).append(")");
            }
        }
        b.append("\nTotal: ").append(Fmt.pct((double) g.total(node) / root)).append("  (").append(amount(g.total(node), g.kind()))
                .append(unit).append(")");
        b.append("\nSelf: ").append(Fmt.pct((double) g.self(node) / root)).append("  (").append(amount(g.self(node), g.kind()))
                .append(unit).append(")");
        if (zoom.get() > 0 && g.isWithin(node, zoom.get())) {
            b.append("\nOf the zoomed frame: ").append(Fmt.pct((double) g.total(node) / Math.max(1, g.total(zoom.get()))));
        }
        return b.toString();
    }

    static String unit(EventKind k) {
        return k == EventKind.ALLOC ? "" : k == EventKind.LOCK ? " waited" : " samples";
    }

    static String amount(long v, EventKind k) {
        if (k == EventKind.ALLOC) {
            return Fmt.bytes((double) v);
        }
        if (k == EventKind.LOCK) {
            return String.format(java.util.Locale.ROOT, "%.1f ms", v / 1e6);
        }
        return Fmt.count(v);
    }

    private void updateMatch() {
        FlameGraph g = graph.get();
        if (g == null || search.get() == null || search.get().isBlank()) {
            match.set(null);
            matchText.set("");
            return;
        }
        FlameGraph.Match m = g.search(search.get());
        match.set(m);
        matchText.set(m.isEmpty() ? "no frame matches"
                : Fmt.count(m.nodes().cardinality()) + " frame" + (m.nodes().cardinality() == 1 ? "" : "s") + " match · "
                + Fmt.pct((double) m.weight() / Math.max(1, g.rootTotal())) + " of " + kindWord(g.kind()));
    }

    private static String kindWord(EventKind k) {
        return k == EventKind.ALLOC ? "allocated bytes" : k == EventKind.LOCK ? "lock wait"
                : k == EventKind.SAMPLE ? "samples" : k.id() + " samples";
    }

    private void updateZoomText() {
        FlameGraph g = graph.get();
        int z = zoom.get();
        zoomText.set(g == null || z <= 0 ? "" : "Zoomed to " + g.name(z) + " ("
                + Fmt.pct((double) g.total(z) / Math.max(1, g.rootTotal())) + ")");
    }

    private static List<String> pathKeys(FlameGraph g, int node) {
        List<String> keys = new ArrayList<>();
        for (int n : g.path(node)) {
            if (n > 0) {
                keys.add(key(g, n));
            }
        }
        return List.copyOf(keys);
    }

    /** A frame as a step of a call path: its name, and its type unless the graph merges types (it may change then). */
    private static String key(FlameGraph g, int n) {
        return g.mergesFrameTypes() ? g.name(n) : g.name(n) + '\u0000' + g.type(n);
    }

    private static int find(FlameGraph g, List<String> path) {
        if (g.size() == 0) {
            return -1;
        }
        int node = 0;
        for (String key : path) {
            int next = -1;
            for (int c = node + 1; c < g.end(node); c = g.end(c)) {
                if (key(g, c).equals(key)) {
                    next = c;
                    break;
                }
            }
            if (next < 0) {
                return -1;
            }
            node = next;
        }
        return node;
    }
}

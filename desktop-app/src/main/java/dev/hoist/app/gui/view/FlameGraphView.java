package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.FlameGraphViewModel;
import dev.hoist.core.profile.FlameGraph;
import dev.hoist.core.profile.FrameType;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;

/**
 * The flame graph drawn on a Canvas, root at the top. Drawing visits only what can be seen: a
 * subtree narrower than half a pixel, or below the last visible row, is skipped whole, so a graph of
 * 100k nodes draws as fast as the few thousand rectangles on screen. Click a frame to zoom to it,
 * click the root (or press Esc) to reset, Backspace steps out; the mouse wheel scrolls deep graphs.
 * Colours follow async-profiler's: green JIT-compiled Java, aqua inlined, yellow-green C1, orange
 * interpreted, red native, yellow C++, brown kernel; search matches are magenta.
 */
public final class FlameGraphView extends Region {
    static final double ROW = 18;
    private static final double MIN_WIDTH = 0.5;
    private static final Color MATCH = Color.web("#e040fb");
    private static final Color TEXT = Color.web("#1a1a1a");

    private final FlameGraphViewModel vm;
    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final Tooltip tooltip = new Tooltip();
    private final Font font = Font.font("DejaVu Sans", 11);
    private final double charWidth;
    private long lastDrawNanos;

    public FlameGraphView(FlameGraphViewModel vm) {
        this.vm = vm;
        getStyleClass().add("flame-graph");
        setFocusTraversable(true);
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setMin(0);
        getChildren().addAll(canvas, scroll);
        Text probe = new Text("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.$0123456789");
        probe.setFont(font);
        charWidth = probe.getLayoutBounds().getWidth() / probe.getText().length();

        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setHideDelay(Duration.millis(50));
        tooltip.setShowDuration(Duration.seconds(30));
        tooltip.textProperty().bind(vm.hoverTextProperty());
        Tooltip.install(canvas, tooltip);

        // A new graph changes graph, zoom, hover and match one after the other: each listener only
        // asks for a redraw, which runs once, after all of them, against a consistent state (drawing
        // on the graph listener used the old zoom's node in the new graph).
        vm.graphProperty().addListener((o, a, b) -> redraw());
        vm.zoomProperty().addListener((o, a, b) -> {
            scroll.setValue(0);
            redraw();
        });
        vm.matchProperty().addListener((o, a, b) -> redraw());
        vm.hoveredProperty().addListener((o, a, b) -> redraw());
        scroll.valueProperty().addListener((o, a, b) -> redraw());

        canvas.setOnMouseMoved(e -> vm.hoveredProperty().set(nodeAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> vm.hoveredProperty().set(-1));
        canvas.setOnMouseClicked(e -> {
            requestFocus();
            if (e.getButton() == MouseButton.PRIMARY) {
                int n = nodeAt(e.getX(), e.getY());
                if (n >= 0) {
                    vm.zoomTo(n);
                }
            }
        });
        canvas.setOnScroll(e -> scroll.setValue(clamp(scroll.getValue() - e.getDeltaY(), 0, scroll.getMax())));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                vm.resetZoom();
            } else if (e.getCode() == KeyCode.BACK_SPACE) {
                vm.zoomOut();
            }
        });
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** The node under a point of the canvas, -1 for none. */
    public int nodeAt(double x, double y) {
        if (vm.graph() == null) {
            return -1;
        }
        int row = (int) Math.floor((y + scroll.getValue()) / ROW);
        return vm.nodeAt(x, row, canvas.getWidth());
    }

    /** Where a node is drawn, in canvas coordinates: x, y, width; null when hidden. For tests that click a frame. */
    public double[] boundsOf(int node) {
        FlameGraph g = vm.graph();
        if (g == null) {
            return null;
        }
        double w = vm.w(node, canvas.getWidth());
        if (w <= 0) {
            return null;
        }
        return new double[] {vm.x(node, canvas.getWidth()), g.level(node) * ROW - scroll.getValue(), w};
    }

    /** Nanoseconds the last full redraw took (measured by the flame graph benchmark). */
    public long lastDrawNanos() {
        return lastDrawNanos;
    }

    private boolean redrawQueued;

    /** Redraws once the current changes are all made: several changes in a row draw once. */
    private void redraw() {
        if (!redrawQueued) {
            redrawQueued = true;
            javafx.application.Platform.runLater(() -> {
                redrawQueued = false;
                updateScroll();
                draw();
            });
        }
    }

    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double sw = scroll.isVisible() ? scroll.prefWidth(-1) : 0;
        canvas.setWidth(Math.max(1, w - sw));
        canvas.setHeight(Math.max(1, h));
        scroll.resizeRelocate(w - sw, 0, sw, h);
        updateScroll();
        draw();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 400;
    }

    private void updateScroll() {
        double content = vm.visibleDepth() * ROW;
        double h = canvas.getHeight();
        boolean needed = content > h + 1;
        if (scroll.isVisible() != needed) {
            scroll.setVisible(needed);
            requestLayout();
        }
        scroll.setMax(Math.max(0, content - h));
        scroll.setVisibleAmount(h);
        if (scroll.getValue() > scroll.getMax()) {
            scroll.setValue(scroll.getMax());
        }
    }

    /** Redraws everything; public so the benchmark can time it. */
    public void draw() {
        long start = System.nanoTime();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, width, height);
        FlameGraph g = vm.graph();
        if (g == null || g.size() == 0) {
            gc.setFill(Color.web("#5f6b7a"));
            gc.setFont(Font.font("DejaVu Sans", 13));
            gc.setTextBaseline(VPos.CENTER);
            gc.fillText(g == null ? "No samples yet." : "No samples of this kind.", 16, 24);
            lastDrawNanos = System.nanoTime() - start;
            return;
        }
        gc.setFont(font);
        gc.setTextBaseline(VPos.CENTER);
        double top = scroll.isVisible() ? scroll.getValue() : 0;
        int firstRow = (int) Math.floor(top / ROW);
        int lastRow = (int) Math.ceil((top + height) / ROW);
        FlameGraph.Match m = vm.matchProperty().get();
        BitSet matches = m == null ? null : m.nodes();
        int hovered = vm.hoveredProperty().get();
        int z = vm.zoom();

        // the zoomed node's ancestors and itself span the full width
        int[] path = g.path(z);
        for (int i = 0; i < path.length; i++) {
            int n = path[i];
            if (g.level(n) >= firstRow && g.level(n) <= lastRow) {
                frame(gc, g, n, 0, g.level(n) * ROW - top, width, matches, n == hovered, i < path.length - 1);
            }
        }
        double scale = width / (double) g.total(z);
        long origin = g.left(z);
        int end = g.end(z);
        for (int n = z + 1; n < end; ) {
            double w = g.total(n) * scale;
            int level = g.level(n);
            if (w < MIN_WIDTH || level > lastRow) {
                n = g.end(n); // too narrow to see, or below the view: so is all it calls
                continue;
            }
            if (level >= firstRow) {
                frame(gc, g, n, (g.left(n) - origin) * scale, level * ROW - top, w, matches, n == hovered, false);
            }
            n++;
        }
        lastDrawNanos = System.nanoTime() - start;
    }

    private void frame(GraphicsContext gc, FlameGraph g, int n, double x, double y, double w, BitSet matches,
                       boolean hovered, boolean ancestor) {
        Color fill = matches != null && matches.get(n) ? MATCH : colour(g, n);
        if (matches != null && !matches.get(n)) {
            fill = fill.desaturate().brighter();
        }
        if (ancestor) {
            fill = fill.deriveColor(0, 0.5, 1.05, 1);
        }
        gc.setFill(fill);
        gc.fillRect(x, y, Math.max(0.5, w - (w > 3 ? 1 : 0)), ROW - 1);
        if (hovered) {
            gc.setStroke(Color.web("#1d2330"));
            gc.setLineWidth(1.5);
            gc.strokeRect(x + 0.75, y + 0.75, Math.max(0, w - 2.5), ROW - 2.5);
        }
        if (w > 3 * charWidth + 6) {
            String label = label(g, n, (int) ((w - 6) / charWidth));
            if (!label.isEmpty()) {
                gc.setFill(TEXT);
                gc.fillText(label, x + 3, y + (ROW - 1) / 2);
            }
        }
    }

    /** The frame's name as far as it fits: the full name, then without the package, then cut with "…". */
    static String label(FlameGraph g, int n, int chars) {
        // a hidden class (a lambda) carries its address as a last name segment: worth no room
        String name = g.name(n);
        // drawn for every labelled frame at every redraw: the regex only for names that can match
        String full = name.contains("0x") ? HIDDEN.matcher(name).replaceAll("") : name;
        if (full.length() <= chars) {
            return full;
        }
        int dot = full.lastIndexOf('.', full.lastIndexOf('.') - 1);
        String shorter = dot > 0 ? full.substring(dot + 1) : full;
        if (shorter.length() <= chars) {
            return shorter;
        }
        return chars >= 2 ? shorter.substring(0, chars - 1) + "…" : "";
    }

    private static final java.util.regex.Pattern HIDDEN = java.util.regex.Pattern.compile("[./]0x[0-9a-fA-F]+(?=\\.)");

    private static final Map<FrameType, Color> BASE = new EnumMap<>(FrameType.class);

    static {
        BASE.put(FrameType.JIT_COMPILED, Color.web("#57c15b"));
        BASE.put(FrameType.INLINED, Color.web("#4fc3c8"));
        BASE.put(FrameType.C1_COMPILED, Color.web("#b7d84b"));
        BASE.put(FrameType.INTERPRETED, Color.web("#f2a65a"));
        BASE.put(FrameType.NATIVE, Color.web("#e96a6a"));
        BASE.put(FrameType.CPP, Color.web("#d9c84a"));
        BASE.put(FrameType.KERNEL, Color.web("#d98a4a"));
        BASE.put(FrameType.UNKNOWN, Color.web("#b0b7c3"));
    }

    /** The frame type's colour, a little lighter or darker per name so neighbours stay apart. */
    static Color colour(FlameGraph g, int n) {
        FrameType t = g.type(n);
        if (t == null) {
            return Color.web("#c9ced6");
        }
        int h = g.names().get(g.nameIndex(n)).hashCode();
        double shade = ((h >>> 8) & 0xff) / 255.0; // 0..1, stable per name
        return BASE.get(t).deriveColor(0, 1, 0.9 + 0.2 * shade, 1);
    }
}

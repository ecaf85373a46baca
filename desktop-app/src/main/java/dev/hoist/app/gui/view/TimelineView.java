package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.ProfileSnapshot;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.SampleFilter;
import dev.hoist.core.profile.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The timeline (JFreeChart): samples per second, the allocation rate, and the share of each top
 * method over time, stacked on one time axis in seconds from the start of the recording, so the
 * three line up, with one cursor across them. Dragging across it selects a range, which every
 * view then shows ("showing 12.0–18.5 s of 30.0 s", with a reset); the range stays marked.
 */
public final class TimelineView extends VBox {
    private static final Color[] LINES = {new Color(0xd9, 0x48, 0x3b), new Color(0x2f, 0x6f, 0xeb),
            new Color(0x2e, 0x9e, 0x5b), new Color(0xb4, 0x53, 0x09), new Color(0x8e, 0x44, 0xad)};
    private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 10);
    private static final Font TICK = new Font("SansSerif", Font.PLAIN, 10);
    private static final Color SELECTION = new Color(0x2f, 0x6f, 0xeb, 40);

    private final XYSeries samples = new XYSeries("samples / s");
    private final XYSeries alloc = new XYSeries("MB / s");
    private final XYSeriesCollection methods = new XYSeriesCollection();
    private final NumberAxis time = new NumberAxis();
    private final XYPlot samplesPlot;
    private final XYPlot allocPlot;
    private final XYPlot methodsPlot;
    private final CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Label range = new Label();
    private final Label cursor = new Label();
    private final VBox legend = new VBox(2);
    private final Button reset = new Button("Show all");
    private BiConsumer<Double, Double> onRange = (a, b) -> { };
    private Runnable onReset = () -> { };
    private ProfileSnapshot shown;
    /** Where a drag started, in seconds; NaN when no drag is under way. */
    private double dragFrom = Double.NaN;
    private IntervalMarker dragMarker;

    public TimelineView() {
        getStyleClass().add("chart-strip");
        setId("timeline");
        samplesPlot = area(new XYSeriesCollection(samples), "samples/s", new Color(0xd9, 0x5f, 0x4b), "#,##0");
        allocPlot = area(new XYSeriesCollection(alloc), "MB/s", new Color(0x5b, 0x8d, 0xef), "#,##0.#");
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < LINES.length; i++) {
            r.setSeriesPaint(i, LINES[i]);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        methodsPlot = new XYPlot(methods, null, axis("top %", "0"), r);
        // from 0 to a little over the highest share: five methods at 5-15% each were flat lines on 0-100
        ((NumberAxis) methodsPlot.getRangeAxis()).setUpperMargin(0.15);
        for (XYPlot p : new XYPlot[] {samplesPlot, allocPlot, methodsPlot}) {
            style(p);
            plot.add(p, 1);
        }
        time.setTickLabelFont(TICK);
        time.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        time.setAutoRangeIncludesZero(true);
        time.setNumberFormatOverride(new DecimalFormat("0's'"));
        plot.setGap(10);
        plot.setOutlineVisible(false);
        // the legend is the top methods' names beside the chart, laid out by JavaFX: JFreeChart's own was
        // cut at the canvas's edge, and the rates need none (their axes say what they are)
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);

        viewer = new ChartViewer(chart);
        viewer.setId("timeline-chart");
        viewer.setMinSize(200, 110);
        // a drag selects a range for every view: no zoom rectangle, no wheel zoom, no panning
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
        for (String h : new String[] {"scroll", "pan"}) {
            var handler = viewer.getCanvas().getMouseHandler(h);
            if (handler != null) {
                viewer.getCanvas().removeMouseHandler(handler);
            }
        }
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_MOVED, e -> moveCursor(e.getX()));
        viewer.getCanvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideCursor());
        viewer.widthProperty().addListener((o, a, b) -> tickEvery(shown));
        legend.setId("timeline-legend");
        legend.getStyleClass().add("timeline-legend");
        legend.setMinWidth(150);
        legend.setPrefWidth(190);
        legend.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(viewer, Priority.ALWAYS);
        HBox charts = new HBox(4, viewer, legend);
        VBox.setVgrow(charts, Priority.ALWAYS);

        range.setId("timeline-range");
        range.getStyleClass().add("range-label");
        cursor.setId("timeline-cursor");
        cursor.getStyleClass().add("muted");
        cursor.setMinWidth(0);
        reset.setId("timeline-reset");
        reset.setOnAction(e -> onReset.run());
        reset.setVisible(false);
        reset.managedProperty().bind(reset.visibleProperty());
        SessionView.fixedWidth(range, reset);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, range, reset, grow, cursor);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("timeline-bar");
        getChildren().addAll(bar, charts);
        setPrefHeight(220);
        setMinHeight(140);
        setRangeText(null);
    }

    /** What a drag across the timeline does: the range in seconds from the start. */
    public void setOnRange(BiConsumer<Double, Double> onRange) {
        this.onRange = onRange;
    }

    /** What "Show all" does. */
    public void setOnReset(Runnable onReset) {
        this.onReset = onReset;
    }

    private static NumberAxis axis(String label, String format) {
        NumberAxis y = new NumberAxis(label);
        y.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        y.setMinorTickCount(0);
        y.setLabelFont(LABEL);
        y.setTickLabelFont(TICK);
        y.setNumberFormatOverride(new DecimalFormat(format));
        y.setAutoRangeIncludesZero(true);
        return y;
    }

    private static XYPlot area(XYSeriesCollection data, String label, Color colour, String format) {
        XYAreaRenderer r = new XYAreaRenderer(XYAreaRenderer.AREA);
        r.setSeriesPaint(0, new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150));
        r.setSeriesOutlinePaint(0, colour);
        r.setOutline(true);
        return new XYPlot(data, null, axis(label, format), r);
    }

    private static void style(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlineVisible(false);
        p.setRangeGridlinePaint(new Color(0xe3, 0xe6, 0xeb));
        p.setDomainGridlinesVisible(false);
        p.setDomainCrosshairPaint(new Color(0x3c, 0x46, 0x54));
        p.setDomainCrosshairStroke(new BasicStroke(1f));
        p.setDomainCrosshairLockedOnData(false);
    }

    // --- the cursor and the range ---

    /** Seconds at an x of the canvas, or NaN outside the plots. */
    private double secondsAt(double x) {
        var info = viewer.getCanvas().getRenderingInfo();
        if (info == null || info.getPlotInfo().getSubplotCount() == 0) {
            return Double.NaN;
        }
        PlotRenderingInfo sub = info.getPlotInfo().getSubplotInfo(0);
        Rectangle2D area = sub.getDataArea();
        if (x < area.getMinX() - 2 || x > area.getMaxX() + 2) {
            return Double.NaN;
        }
        double clamped = Math.max(area.getMinX(), Math.min(area.getMaxX(), x));
        return time.java2DToValue(clamped, area, plot.getDomainAxisEdge());
    }

    private void moveCursor(double x) {
        double s = secondsAt(x);
        if (Double.isNaN(s) || shown == null) {
            hideCursor();
            return;
        }
        for (XYPlot p : new XYPlot[] {samplesPlot, allocPlot, methodsPlot}) {
            p.setDomainCrosshairVisible(true);
            p.setDomainCrosshairValue(s, false);
        }
        chart.fireChartChanged();
        Timeline t = shown.timeline();
        int sec = (int) Math.floor(s);
        if (sec >= 0 && sec < t.seconds()) {
            cursor.setText(String.format(java.util.Locale.ROOT, "%.1f s: %,d samples/s, %.1f MB/s", s, t.samples()[sec],
                    t.allocBytes()[sec] / (1024.0 * 1024.0)));
        } else {
            cursor.setText("");
        }
    }

    private void hideCursor() {
        cursor.setText("");
        for (XYPlot p : new XYPlot[] {samplesPlot, allocPlot, methodsPlot}) {
            p.setDomainCrosshairVisible(false);
        }
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        dragFrom = secondsAt(e.getX());
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(dragFrom)) {
            return;
        }
        double to = secondsAt(Math.max(0, e.getX()));
        if (Double.isNaN(to)) {
            return;
        }
        mark(Math.min(dragFrom, to), Math.max(dragFrom, to));
        moveCursor(e.getX());
    }

    private void released(MouseEvent e) {
        double from = dragFrom;
        dragFrom = Double.NaN;
        if (Double.isNaN(from)) {
            return;
        }
        var info = viewer.getCanvas().getRenderingInfo();
        double x = e.getX();
        if (info != null && info.getPlotInfo().getSubplotCount() > 0) {
            Rectangle2D area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
            x = Math.max(area.getMinX(), Math.min(area.getMaxX(), x));
        }
        double to = secondsAt(x);
        if (!Double.isNaN(to) && Math.abs(to - from) >= 0.05) {
            onRange.accept(Math.min(from, to), Math.max(from, to));
        } else {
            markFilter(shown); // a click: the range stays as it was
        }
    }

    /** Marks {@code [from, to]} seconds on every plot. */
    private void mark(double from, double to) {
        clearMarks();
        dragMarker = new IntervalMarker(from, to, SELECTION);
        dragMarker.setOutlinePaint(new Color(0x2f, 0x6f, 0xeb));
        for (XYPlot p : new XYPlot[] {samplesPlot, allocPlot, methodsPlot}) {
            p.addDomainMarker(dragMarker, Layer.BACKGROUND);
        }
    }

    private void clearMarks() {
        if (dragMarker != null) {
            for (XYPlot p : new XYPlot[] {samplesPlot, allocPlot, methodsPlot}) {
                p.removeDomainMarker(dragMarker, Layer.BACKGROUND);
            }
            dragMarker = null;
        }
    }

    private void markFilter(ProfileSnapshot view) {
        clearMarks();
        if (view != null && view.filter().hasRange()) {
            SampleFilter f = view.filter();
            mark(view.secondsAt(f.fromEpochNanos()), view.secondsAt(f.toEpochNanos()));
        }
    }

    private void setRangeText(ProfileSnapshot view) {
        String text = view == null ? "" : view.rangeText();
        if (text.isEmpty()) {
            range.setText(view == null || view.timeline().seconds() == 0 ? "Timeline"
                    : String.format(java.util.Locale.ROOT, "All %d s · drag across the timeline to look at a part",
                    view.timeline().seconds()));
            reset.setVisible(false);
        } else {
            range.setText(text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1));
            reset.setVisible(true);
        }
    }

    /**
     * Shows a snapshot's timeline (UI thread); null clears the charts. The data changes with the
     * chart's redraws held and it is drawn once.
     */
    public void show(ProfileSnapshot view) {
        shown = view;
        setRangeText(view);
        chart.setNotify(false);
        try {
            fillRates(view);
            fillMethods(view);
            markFilter(view);
        } finally {
            chart.setNotify(true);
        }
    }

    private void fillRates(ProfileSnapshot view) {
        samples.clear();
        alloc.clear();
        if (view == null) {
            return;
        }
        Timeline t = view.timeline();
        EventKind kind = view.timeKind();
        ((NumberAxis) samplesPlot.getRangeAxis()).setLabel(kind == EventKind.WALL ? "wall/s" : kind == EventKind.CPU
                ? "cpu/s" : kind.id() + "/s");
        samples.setNotify(false);
        alloc.setNotify(false);
        for (int s = 0; s < t.seconds(); s++) {
            samples.add(s, (double) t.samples()[s], false);
            alloc.add(s, t.allocBytes()[s] / (1024.0 * 1024.0), false);
        }
        samples.setNotify(true);
        alloc.setNotify(true);
        samples.fireSeriesChanged();
        alloc.fireSeriesChanged();
        time.setRange(0, Math.max(1, t.seconds()));
        tickEvery(view);
    }

    /** Ticks on the time axis at a round step that leaves each label room (~60 px): JFreeChart's own packed them. */
    private void tickEvery(ProfileSnapshot view) {
        int seconds = view == null ? 1 : Math.max(1, view.timeline().seconds());
        double room = Math.max(1, (viewer.getWidth() - 80) / 60);
        int step = 1;
        for (int s : new int[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600}) {
            step = s;
            if (seconds / (double) s <= room) {
                break;
            }
        }
        time.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(step, new DecimalFormat("0's'")), false, true);
    }

    private void fillMethods(ProfileSnapshot view) {
        methods.removeAllSeries();
        legend.getChildren().clear();
        if (view == null) {
            return;
        }
        List<MethodRef> top = view.top();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (MethodRef m : top) {
            String name = shortName(m);
            for (int i = 2; !names.add(name); i++) {
                name = shortName(m) + " (" + i + ")"; // overloads share a short name; series keys must not
            }
            XYSeries s = new XYSeries(name, false, true);
            double[] share = view.shareOverTime(m);
            for (int i = 0; i < share.length; i++) {
                s.add(i, share[i] * 100, false);
            }
            methods.addSeries(s);
            Color c = LINES[(methods.getSeriesCount() - 1) % LINES.length];
            Label item = new Label("━  " + name);
            item.setStyle(String.format(java.util.Locale.ROOT, "-fx-text-fill: #%02x%02x%02x; -fx-font-size: 11px;",
                    c.getRed(), c.getGreen(), c.getBlue()));
            item.setTooltip(new javafx.scene.control.Tooltip(m.displayName()));
            item.setMinWidth(0);
            legend.getChildren().add(item);
        }
    }

    /** {@code OrderFeed.parse}: the legend has little room. */
    static String shortName(MethodRef m) {
        String c = m.className();
        int hidden = c.indexOf("/0x");
        if (hidden > 0) {
            c = c.substring(0, hidden); // a lambda's address says nothing here: DemoMain$$Lambda$4.apply
        }
        String simple = c.substring(c.lastIndexOf('.') + 1);
        String n = simple + "." + m.name();
        return n.length() > 34 ? n.substring(0, 33) + "…" : n;
    }

    /** Points in the samples plot (one per second), for tests. */
    public int seconds() {
        return samples.getItemCount();
    }

    /** The time axis each plot is drawn on (samples, allocation rate, top methods): one, shared. For tests. */
    public List<org.jfree.chart.axis.ValueAxis> timeAxes() {
        return List.of(samplesPlot.getDomainAxis(), allocPlot.getDomainAxis(), methodsPlot.getDomainAxis());
    }

    /** The chart's data area's x extent on the canvas, for tests that drag across it; null before it is drawn. */
    public Rectangle2D dataArea() {
        var info = viewer.getCanvas().getRenderingInfo();
        return info == null || info.getPlotInfo().getSubplotCount() == 0 ? null
                : info.getPlotInfo().getSubplotInfo(0).getDataArea();
    }

    public ChartViewer chartViewer() {
        return viewer;
    }
}

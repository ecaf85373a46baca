package dev.hoist.app.gui.view;

import dev.hoist.app.gui.vm.ProfileSnapshot;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.Timeline;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.List;

/**
 * The timeline strip (JFreeChart): samples per second, the allocation rate, and the share of each
 * top method over time, so a user sees when a method got hot. All three share the x axis in
 * seconds from the start of the recording and are replaced whole on every snapshot.
 */
public final class TimelineView extends HBox {
    private static final Color[] LINES = {new Color(0xd9, 0x48, 0x3b), new Color(0x2f, 0x6f, 0xeb),
            new Color(0x2e, 0x9e, 0x5b), new Color(0xb4, 0x53, 0x09), new Color(0x8e, 0x44, 0xad)};
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 11);
    private static final Font TICK = new Font("SansSerif", Font.PLAIN, 10);

    private final XYSeries samples = new XYSeries("samples / s");
    private final XYSeries alloc = new XYSeries("MB / s");
    private final XYSeriesCollection methods = new XYSeriesCollection();
    private final JFreeChart samplesChart;
    private final JFreeChart allocChart;
    private final JFreeChart methodsChart;

    public TimelineView() {
        getStyleClass().add("chart-strip");
        setId("timeline");
        samplesChart = area("Samples per second", new XYSeriesCollection(samples), new Color(0xd9, 0x5f, 0x4b), "#,##0");
        allocChart = area("Allocation rate (MB/s)", new XYSeriesCollection(alloc), new Color(0x5b, 0x8d, 0xef), "#,##0.#");
        methodsChart = ChartFactory.createXYLineChart("Top methods' share of samples (%, ≥100 samples a point)", null, null, methods,
                PlotOrientation.VERTICAL, true, false, false);
        style(methodsChart, "0");
        XYPlot plot = methodsChart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < LINES.length; i++) {
            r.setSeriesPaint(i, LINES[i]);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
        }
        plot.setRenderer(r);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        LegendTitle legend = methodsChart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemFont(new Font("SansSerif", Font.PLAIN, 10));
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);

        ChartViewer a = viewer(samplesChart, "samples-chart");
        ChartViewer b = viewer(allocChart, "alloc-chart");
        ChartViewer c = viewer(methodsChart, "methods-chart");
        HBox.setHgrow(a, Priority.ALWAYS);
        HBox.setHgrow(b, Priority.ALWAYS);
        HBox.setHgrow(c, Priority.ALWAYS);
        a.setPrefWidth(300);
        b.setPrefWidth(300);
        c.setPrefWidth(520);
        setPrefHeight(165);
        setMinHeight(120);
        getChildren().addAll(a, b, c);
    }

    private static ChartViewer viewer(JFreeChart chart, String id) {
        ChartViewer v = new ChartViewer(chart);
        v.setId(id);
        v.setMinSize(120, 100);
        // the strip is a glance, not an analysis tool: no zoom rectangle to trip over
        v.getCanvas().setDomainZoomable(false);
        v.getCanvas().setRangeZoomable(false);
        return v;
    }

    private static JFreeChart area(String title, XYSeriesCollection data, Color colour, String format) {
        JFreeChart chart = ChartFactory.createXYAreaChart(title, null, null, data, PlotOrientation.VERTICAL, false, false, false);
        style(chart, format);
        XYAreaRenderer r = new XYAreaRenderer(XYAreaRenderer.AREA);
        r.setSeriesPaint(0, new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150));
        r.setSeriesOutlinePaint(0, colour);
        r.setOutline(true);
        chart.getXYPlot().setRenderer(r);
        return chart;
    }

    private static void style(JFreeChart chart, String format) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.getTitle().setFont(TITLE);
        chart.getTitle().setPaint(new Color(0x3c, 0x46, 0x54));
        XYPlot p = chart.getXYPlot();
        p.setBackgroundPaint(Color.WHITE);
        p.setOutlineVisible(false);
        p.setDomainGridlinePaint(new Color(0xe3, 0xe6, 0xeb));
        p.setRangeGridlinePaint(new Color(0xe3, 0xe6, 0xeb));
        p.setDomainGridlinesVisible(false);
        NumberAxis x = (NumberAxis) p.getDomainAxis();
        x.setTickLabelFont(TICK);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setAutoRangeIncludesZero(true);
        x.setNumberFormatOverride(new DecimalFormat("0's'"));
        NumberAxis y = (NumberAxis) p.getRangeAxis();
        y.setTickLabelFont(TICK);
        y.setNumberFormatOverride(new DecimalFormat(format));
        y.setAutoRangeIncludesZero(true);
    }

    /**
     * Shows a snapshot's timeline (UI thread); null clears the charts. Each chart is redrawn in its
     * own UI task: three JFreeChart redraws in one task held the UI thread for 60-80 ms here.
     */
    public void show(ProfileSnapshot view) {
        shown = view;
        redraw(samplesChart, () -> fillRates(view));
        javafx.application.Platform.runLater(() -> {
            // a later show() replaces the snapshot; only the very one shown may still be drawn
            @SuppressWarnings("ReferenceEquality")
            boolean current = shown == view;
            if (current) {
                redraw(allocChart, () -> { });
            }
        });
        javafx.application.Platform.runLater(() -> {
            // a later show() replaces the snapshot; only the very one shown may still be drawn
            @SuppressWarnings("ReferenceEquality")
            boolean current = shown == view;
            if (current) {
                redraw(methodsChart, () -> fillMethods(view));
            }
        });
    }

    private ProfileSnapshot shown;

    /** Changes a chart's data with its redraws held, then redraws it once. */
    private static void redraw(JFreeChart chart, Runnable change) {
        chart.setNotify(false);
        try {
            change.run();
        } finally {
            chart.setNotify(true);
        }
    }

    /** Samples and allocation rate share the x axis; the alloc chart redraws in the next task. */
    private void fillRates(ProfileSnapshot view) {
        allocChart.setNotify(false);
        samples.clear();
        alloc.clear();
        if (view == null) {
            return;
        }
        Timeline t = view.timeline();
        EventKind kind = view.timeKind();
        samplesChart.setTitle((kind == EventKind.WALL ? "Wall-clock" : kind == EventKind.CPU ? "CPU" : capital(kind.id()))
                + " samples per second");
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
    }

    private void fillMethods(ProfileSnapshot view) {
        methods.removeAllSeries();
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
        }
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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

    /** Points in the samples chart (one per second), for tests. */
    public int seconds() {
        return samples.getItemCount();
    }
}

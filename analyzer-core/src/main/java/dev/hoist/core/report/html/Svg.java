package dev.hoist.core.report.html;

import java.util.Locale;

/**
 * Inline SVG bar charts for the timeline: one bar per second, a value axis with its maximum, and
 * a tooltip per bar. Drawn on the server side so the chart needs no script and prints as it shows.
 * Only numbers and our own labels go in, never text from the target.
 */
final class Svg {
    private static final int W = 960;
    private static final int H = 140;
    private static final int LEFT = 64;
    private static final int BOTTOM = 22;
    private static final int TOP = 18;

    private Svg() {
    }

    static String bars(long[] values, String label, String color, boolean bytes) {
        long max = 1;
        for (long v : values) {
            max = Math.max(max, v);
        }
        int n = Math.max(1, values.length);
        double plotW = W - LEFT - 8;
        double plotH = H - BOTTOM - TOP;
        double bw = plotW / n;
        StringBuilder s = new StringBuilder();
        s.append("<figure class=\"chart\"><svg viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"").append(Html.text(label)).append("\">");
        s.append("<text x=\"").append(LEFT).append("\" y=\"12\" class=\"cl\">").append(Html.text(label)).append("</text>");
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"ax\"/>", LEFT, H - BOTTOM, W - 8, H - BOTTOM));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"ax\"/>", LEFT, TOP, LEFT, H - BOTTOM));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tk\" text-anchor=\"end\">%s</text>", LEFT - 4, TOP + 8, fmt(max, bytes)));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tk\" text-anchor=\"end\">0</text>", LEFT - 4, H - BOTTOM));
        for (int i = 0; i < values.length; i++) {
            double h = plotH * values[i] / max;
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%ds: %s</title></rect>",
                    LEFT + i * bw + 0.5, H - BOTTOM - h, Math.max(1, bw - 1), h, color, i, fmt(values[i], bytes)));
        }
        int step = Math.max(1, values.length / 10);
        for (int i = 0; i < values.length; i += step) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tk\" text-anchor=\"middle\">%ds</text>",
                    LEFT + (i + 0.5) * bw, H - 6, i));
        }
        s.append("</svg></figure>\n");
        return s.toString();
    }

    private static String fmt(long v, boolean bytes) {
        return bytes ? HtmlReport.bytes(v) : String.format(Locale.ROOT, "%,d", v);
    }
}

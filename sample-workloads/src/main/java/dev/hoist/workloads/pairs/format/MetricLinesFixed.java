package dev.hoist.workloads.pairs.format;

import dev.hoist.workloads.Runner;

/**
 * Renders counters in a line protocol for a metrics endpoint. The fixed twin of
 * {@link MetricLines}. Fix: the parts are appended to the one output builder, with no format
 * string to parse, no boxes and no Formatter.
 */
public final class MetricLinesFixed {

    private MetricLinesFixed() {
    }

    /** The whole payload, one line per counter. */
    public static String render(String[] names, int[] hosts, long[] values, long timestamp) {
        StringBuilder out = new StringBuilder(names.length * 40);
        String newline = System.lineSeparator();
        for (int i = 0; i < names.length; i++) {
            out.append(names[i]).append("{host=\"h").append(hosts[i]).append("\"} ")
                    .append(values[i]).append(' ').append(timestamp).append(newline);
        }
        return out.toString();
    }

    public static void main(String[] args) {
        int n = 100_000;
        String[] names = MetricLines.names(42, n);
        int[] hosts = new int[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            hosts[i] = i % 16;
            values[i] = i * 7919L - 50_000;
        }
        Runner.runPasses(args, "MetricLinesFixed", () -> render(names, hosts, values, 1_764_900_000_000L).length());
    }
}

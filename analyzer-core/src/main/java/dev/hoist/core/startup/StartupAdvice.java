package dev.hoist.core.startup;

import java.util.List;

/**
 * One piece of startup advice: what to change, what it gained when Hoist ran the program with it
 * (or, for a change in the program's code, the time the samples put on what it removes), and how
 * to apply it. {@code id} names its docs page ({@code docs/startup/<id>.md}).
 *
 * @param measured the timed runs with and without the change; null when the change is in code
 * @param estimatedMillis for a code change, the most it can save (its sampled time); -1 otherwise
 * @param options  the JVM options that make the change (empty for a code change)
 * @param apply    where and how to apply it, one way per line
 * @param code     before and after, for a code change; null otherwise
 */
public record StartupAdvice(String id, String title, String summary, Measurement measured, double estimatedMillis,
                            List<String> options, List<String> apply, String code) {

    /** Median milliseconds saved (positive is faster); the estimate when not measured. */
    public double savedMillis() {
        return measured != null ? measured.savedMillis() : estimatedMillis;
    }

    /** Whether Hoist ran the program with the change and every such run reached the end point. */
    public boolean worked() {
        return measured != null && measured.failedRuns() == 0 && !measured.variant().isEmpty();
    }

    /**
     * The timed runs, interleaved with the baseline's so that a machine getting busier slows both
     * alike: each list holds the times to the end point in milliseconds.
     */
    public record Measurement(List<Double> baseline, List<Double> variant, int failedRuns) {
        public double baselineMedian() {
            return median(baseline);
        }

        public double variantMedian() {
            return median(variant);
        }

        public double savedMillis() {
            return variant.isEmpty() ? 0 : baselineMedian() - variantMedian();
        }

        /** Change in percent of the baseline (negative is faster). */
        public double changePercent() {
            double b = baselineMedian();
            return b <= 0 || variant.isEmpty() ? 0 : 100.0 * (variantMedian() - b) / b;
        }
    }

    /** The median of a list of times; 0 for none. */
    public static double median(List<Double> xs) {
        if (xs.isEmpty()) {
            return 0;
        }
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}

package dev.hoist.workloads;

import java.util.List;

/**
 * What each sample program is for, as data, so that end-to-end tests and {@code hoist demo} can
 * start a program by class name and know which rule must (and must not) be reported in which
 * method. Names are strings on purpose: callers start these classes in a child JVM, they do not
 * load them.
 */
public final class Catalog {

    private Catalog() {
    }

    /**
     * One anti-pattern program and its fixed twin. {@code hotMethod} is the method (same name in
     * both classes) whose loop carries the anti-pattern in {@code antiPatternClass} and must be
     * quiet for {@code ruleId} in {@code fixedClass}.
     */
    public record Pair(String ruleId, String antiPatternClass, String fixedClass, String hotMethod) {
    }

    /** An anti-pattern planted in the demo; {@link #DEMO} lists them in expected order of cost. */
    public record Planted(String ruleId, String className, String method) {
    }

    /** Main class of the demo workload. */
    public static final String DEMO_MAIN = "dev.hoist.workloads.demo.DemoMain";

    /** The pairs, one per rule. */
    public static final List<Pair> PAIRS = List.of(
            pair("invariant-field-in-loop", "invariantfield.FlatField", "correct"),
            pair("invariant-call-in-loop", "invariantcall.RegionInvoice", "grossCents"),
            pair("uninlinable-call-in-loop", "uninlinable.Tokenizer", "countTokens"),
            pair("megamorphic-call-in-loop", "megamorphic.CartTotal", "totalCents"),
            pair("reflection-in-loop", "reflection.ColumnSum", "sum"),
            pair("boxing-in-loop", "boxing.TrafficStats", "servedBytes"),
            pair("tuple-allocation-in-loop", "tuple.EdgeLocality", "measure"),
            pair("unsized-collection", "unsized.CustomerIndex", "byCode"),
            pair("copy-in-loop", "copy.ErrorsByHour", "count"),
            pair("string-concat-in-loop", "stringconcat.InClause", "render"),
            pair("regex-in-loop", "regex.CsvCleaner", "clean"),
            pair("format-in-loop", "format.MetricLines", "render"),
            pair("exception-in-loop", "exception.QuantityColumn", "sum"),
            pair("quadratic-in-loop", "quadratic.UniqueVisitors", "distinct"),
            pair("lock-in-loop", "lock.SharedTally", "tally"));

    /** The demo's planted anti-patterns, most expensive first (measured shares in DEMO.md). */
    public static final List<Planted> DEMO = List.of(
            new Planted("copy-in-loop", "dev.hoist.workloads.demo.OrderFeed", "parse"),
            new Planted("megamorphic-call-in-loop", "dev.hoist.workloads.demo.Pricing", "price"),
            new Planted("boxing-in-loop", "dev.hoist.workloads.demo.Revenue", "byRegion"),
            new Planted("string-concat-in-loop", "dev.hoist.workloads.demo.BatchSummary", "render"));

    private static Pair pair(String ruleId, String program, String hotMethod) {
        String antiPattern = "dev.hoist.workloads.pairs." + program;
        return new Pair(ruleId, antiPattern, antiPattern + "Fixed", hotMethod);
    }
}

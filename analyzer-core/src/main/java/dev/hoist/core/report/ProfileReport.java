package dev.hoist.core.report;

import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.profile.Allocations;
import dev.hoist.core.report.advice.AdviceText;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ThreadStats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/**
 * The profile report: what a recording says about where time and allocations went - header
 * (file, sampler, events, duration, sample counts), hot methods (self %, total %, hottest lines),
 * top allocation sites and threads - as aligned text or as JSON with the stable schema
 * {@code hoist.profile/1} (documented in {@code docs/report-json.md}). {@code hoist report} and
 * {@code hoist profile} both print it: {@code ProfileReport.write(profile, Format.TEXT, out, Options.defaults())}.
 */
public final class ProfileReport {

    /** Output format. */
    public enum Format { TEXT, JSON }

    /**
     * What to include. {@code kind} is the event kind the hot methods are ranked by; null picks the
     * first present of cpu, wall, sample, native, lock. {@code color} adds ANSI colour to text output.
     */
    public record Options(EventKind kind, int topMethods, int linesPerMethod, int topSites, int topThreads, boolean color) {
        public static Options defaults() {
            return new Options(null, 15, 3, 10, 10, false);
        }

        /** Defaults, with colour when stdout is a terminal and NO_COLOR is unset (https://no-color.org). */
        public static Options forTerminal() {
            return defaults().withColor(onTerminal() && System.getenv("NO_COLOR") == null);
        }

        /**
         * Whether the JVM runs on a terminal. From JDK 22 System.console() is never null, and
         * Console.isTerminal() (not in Java 17's API, so called by reflection) tells instead.
         */
        @SuppressWarnings("SystemConsoleNull") // null means no terminal before JDK 22; isTerminal() decides after
        static boolean onTerminal() {
            java.io.Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
            } catch (NoSuchMethodException e) {
                return true; // before JDK 22 there is a console only on a terminal
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }

        public Options withColor(boolean color) {
            return new Options(kind, topMethods, linesPerMethod, topSites, topThreads, color);
        }

        public Options withKind(EventKind kind) {
            return new Options(kind, topMethods, linesPerMethod, topSites, topThreads, color);
        }
    }

    /** Everything the writers print, computed once from the profile. */
    record Data(Profile profile, Map<EventKind, Long> counts, EventKind kind, MethodStats methods,
                List<MethodStats.MethodStat> hot, Allocations allocations, List<ThreadStats.ThreadStat> threads,
                Options options, Allocations locks) {}

    private ProfileReport() {
    }

    public static void write(Profile profile, Format format, Writer out, Options options) {
        write(profile, format, out, options, null);
    }

    /**
     * The report followed by the advisor's ranked advice: in text after the profile sections, in
     * JSON as the {@code advice} array and {@code adviceInfo} object. {@code advice} may be null (no advice).
     */
    public static void write(Profile profile, Format format, Writer out, Options options, AdviceReport advice) {
        Data data = analyze(profile, options);
        try {
            if (format == Format.JSON) {
                JsonReport.write(data, advice, out);
            } else {
                TextReport.write(data, out);
                if (advice != null) {
                    AdviceText.write(advice, out, options.color());
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Per thread, as async-profiler's {@code -t}: the hot methods of each of the busiest threads
     * (at most {@code options.topThreads()}), each ranked within its own thread's samples, in text.
     */
    public static void writePerThread(Profile profile, Writer out, Options options) {
        EventKind kind = options.kind() != null ? options.kind() : defaultKind(profile);
        if (kind == null) {
            return;
        }
        long[] totals = new long[profile.threadCount()];
        long all = 0;
        for (int i = 0; i < profile.size(); i++) {
            if (profile.kind(i) == kind && profile.thread(i) >= 0) {
                totals[profile.thread(i)] += profile.weight(i);
                all += profile.weight(i);
            }
        }
        long whole = all;
        List<Integer> busiest = java.util.stream.IntStream.range(0, totals.length).filter(t -> totals[t] > 0).boxed()
                .sorted((a, b) -> Long.compare(totals[b], totals[a])).limit(options.topThreads()).toList();
        try {
            for (int t : busiest) {
                Data data = analyze(profile.ofThread(t), options.withKind(kind));
                TextReport.hotMethods(data, out, String.format(java.util.Locale.ROOT, "Thread %s: %.1f%% of %s, hot methods",
                        profile.threadName(t), percent(totals[t], whole), kind.id()));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event kind the hot methods are ranked by when the caller does not choose: null if none. */
    public static EventKind defaultKind(Profile profile) {
        // allocations have their own section
        return EventKind.preferred(profile.sampleCounts(), k -> k != EventKind.ALLOC);
    }

    static Data analyze(Profile profile, Options options) {
        Map<EventKind, Long> counts = profile.sampleCounts();
        EventKind kind = options.kind() != null ? options.kind() : defaultKind(profile);
        MethodStats methods = kind == null ? null : MethodStats.of(profile, kind);
        List<MethodStats.MethodStat> hot = methods == null ? List.of()
                : methods.bySelf().stream().limit(options.topMethods()).toList();
        Allocations allocations = Allocations.of(profile);
        List<ThreadStats.ThreadStat> threads = kind == null ? List.of()
                : ThreadStats.of(profile, kind).stream().limit(options.topThreads()).toList();
        // lock waits have their own section too, whatever the hot methods are ranked by
        return new Data(profile, counts, kind, methods, hot, allocations, threads, options, Allocations.of(profile, EventKind.LOCK));
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    /** Rounds to one decimal so JSON and text agree and diffs stay small. */
    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

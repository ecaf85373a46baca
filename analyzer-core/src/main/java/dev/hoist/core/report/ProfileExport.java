package dev.hoist.core.report;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.FrameFilter;
import one.convert.Arguments;
import one.convert.FlameGraph;
import one.convert.JfrConverter;
import one.convert.JfrToFlame;
import one.convert.JfrToPprof;
import one.jfr.JfrReader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A recording written as async-profiler's other outputs are: collapsed stacks, a standalone HTML
 * flame graph, or pprof (for Pyroscope and other fleet back ends). Nothing is converted here:
 * async-profiler's own converter ({@code one.convert}, the jfr-converter artifact) does it, so the
 * output is what {@code asprof -o collapsed|flamegraph} and {@code jfrconv -o pprof} write for the
 * same recording. Collapsed stacks as input (what {@code hoist report} also reads) become collapsed
 * stacks or a flame graph again through the converter's own parser.
 */
public final class ProfileExport {

    /** The outputs. */
    public enum Format { COLLAPSED, FLAMEGRAPH, PPROF }

    /**
     * How to draw it, as the converter's options: the event whose samples are counted (null: cpu),
     * one root frame per thread ({@code -t}), the flame graph's title, and the frames to keep
     * ({@code -I}/{@code -X}; not applied to pprof, which the converter writes unfiltered).
     */
    public record Settings(EventKind kind, boolean threads, String title, FrameFilter filter) {
        public static Settings defaults() {
            return new Settings(null, false, null, FrameFilter.ALL);
        }
    }

    private ProfileExport() {
    }

    /** Whether a file is collapsed stacks rather than JFR (JFR starts with its magic "FLR\0"). */
    public static boolean isJfr(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'F' && magic[1] == 'L' && magic[2] == 'R' && magic[3] == 0;
        }
    }

    /**
     * Writes {@code recording} (JFR, or collapsed stacks) in {@code format} to {@code out}. Throws
     * {@link IllegalArgumentException} for pprof of collapsed stacks (they hold no times or units).
     */
    public static void write(Path recording, Format format, Settings settings, OutputStream out) throws IOException {
        if (format == Format.FLAMEGRAPH) {
            // frame names come from the target, and a class name may hold "</script>": the converter escapes
            // quotes and backslashes only, so '<' in its table of names is written as a JS escape
            java.io.ByteArrayOutputStream html = new java.io.ByteArrayOutputStream();
            convert(recording, format, settings, html);
            out.write(scriptSafe(html.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            return;
        }
        convert(recording, format, settings, out);
    }

    /** The flame graph page with every '<' in its table of frame names (from the target) written as \x3c. */
    static String scriptSafe(String page) {
        int start = page.indexOf("const cpool = [");
        int end = start < 0 ? -1 : page.indexOf("unpack(cpool);", start);
        if (end < 0) {
            return page;
        }
        return page.substring(0, start) + page.substring(start, end).replace("<", "\\x3c") + page.substring(end);
    }

    private static void convert(Path recording, Format format, Settings settings, OutputStream out) throws IOException {
        Arguments args = arguments(format, settings);
        if (!isJfr(recording)) {
            if (format == Format.PPROF) {
                throw new IllegalArgumentException("pprof is made from a JFR recording, not from collapsed stacks");
            }
            FlameGraph graph = new FlameGraph(args);
            try (Reader in = Files.newBufferedReader(recording, StandardCharsets.UTF_8)) {
                graph.parseCollapsed(in);
            }
            dump(graph, out);
            return;
        }
        try (JfrReader jfr = new JfrReader(recording.toString())) {
            JfrConverter converter = format == Format.PPROF ? new JfrToPprof(jfr, args) : new JfrToFlame(jfr, args);
            converter.convert();
            if (converter instanceof JfrToPprof pprof) {
                pprof.dump(out);
            } else {
                ((JfrToFlame) converter).dump(out);
            }
        }
        out.flush();
    }

    private static void dump(FlameGraph graph, OutputStream out) {
        PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
        graph.dump(print);
        print.flush();
    }

    private static Arguments arguments(Format format, Settings settings) {
        Arguments args = new Arguments();
        args.output = switch (format) {
            case COLLAPSED -> "collapsed";
            case FLAMEGRAPH -> "html";
            case PPROF -> "pprof";
        };
        EventKind kind = settings.kind() == null ? EventKind.CPU : settings.kind();
        switch (kind) {
            case WALL -> args.wall = true;
            case ALLOC -> args.alloc = true;
            case LOCK -> args.lock = true;
            default -> args.cpu = true;
        }
        args.threads = settings.threads();
        if (settings.title() != null) {
            // the converter puts the title in an <h1> as it is
            args.title = settings.title().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
        if (format != Format.PPROF) {
            args.include = settings.filter().include();
            args.exclude = settings.filter().exclude();
        }
        return args;
    }
}

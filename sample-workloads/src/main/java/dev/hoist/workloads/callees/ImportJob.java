package dev.hoist.workloads.callees;

import dev.hoist.workloads.Runner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A nightly import job whose hot loop ({@link #run}) is clean: each of its five wastes sits one or
 * two calls below it, where real programs keep them (a settings object, field parsers, a tally
 * helper, an audit formatter, a tokenizer). A profiler that only reads the loop's own method sees
 * nothing to fix here. The planted costs, from the most to the least expensive: the audit label
 * built with {@code String.format} two calls down, the tokenizer's unsized list, the tally's boxing
 * {@code Map.merge}, the amount parsed from a {@code substring} copy, and the settings getter that
 * looks its value up and parses it on every call.
 */
public final class ImportJob {
    private final Settings settings = new Settings(Map.of("max.amount", " 9000 "));
    private final Map<Integer, Long> byRegion = new HashMap<>();
    private long audited;
    /** Never set in the workload: the branch it guards never runs, so its printf must not be advised. */
    static boolean verbose = Boolean.getBoolean("importjob.verbose");

    /** Imports the lines; returns how many were accepted. */
    public long run(String[] lines) {
        long accepted = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int amount = Fields.amount(line);
            if (amount > settings.maxAmount()) {
                continue;
            }
            Tally.add(byRegion, Fields.region(line), amount);
            audited += Audit.record(line, amount);
            accepted += Tokens.split(line, 24).size();
            if (verbose) {
                System.out.printf("%d: %s accepted%n", i, line);
            }
        }
        return accepted;
    }

    long audited() {
        return audited;
    }

    /** The job's settings as text, as read from a properties file. */
    static final class Settings {
        private final Map<String, String> values;

        Settings(Map<String, String> values) {
            this.values = values;
        }

        /** Looks up and parses on every call: pure, so its result belongs before the caller's loop. */
        int maxAmount() {
            String v = values.get("max.amount");
            return v == null ? Integer.MAX_VALUE : Integer.parseInt(v.trim());
        }
    }

    /** Fixed-width fields of an import line: "R07 004512 name...". */
    static final class Fields {
        private Fields() {
        }

        static int amount(String line) {
            return Integer.parseInt(line.substring(4, 10));
        }

        static int region(String line) {
            return (line.charAt(1) - '0') * 10 + (line.charAt(2) - '0');
        }
    }

    /** Running totals per region. */
    static final class Tally {
        private Tally() {
        }

        static void add(Map<Integer, Long> totals, int region, int amount) {
            totals.merge(region, (long) amount, Long::sum);
        }
    }

    /** The audit trail: one label per accepted line. */
    static final class Audit {
        private Audit() {
        }

        static int record(String line, int amount) {
            return label(line, amount).length();
        }

        static String label(String line, int amount) {
            return String.format("%s:%08d:%s", line.substring(0, 3), amount, line.substring(11, 15));
        }
    }

    /** Splits the name part into tokens of {@code width} characters. */
    static final class Tokens {
        private Tokens() {
        }

        static List<String> split(String line, int width) {
            int n = (line.length() - 11) / width;
            List<String> out = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                out.add(line.substring(11 + k * width, 11 + (k + 1) * width));
            }
            return out;
        }
    }

    /** Lines "R07 004512 " followed by a name of {@code nameLength} letters. */
    public static String[] lines(long seed, int count, int nameLength) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] out = new String[count];
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.setLength(0);
            b.append('R').append(r.nextInt(10)).append(r.nextInt(10)).append(' ');
            b.append(String.format("%06d", r.nextInt(10_000))).append(' ');
            for (int k = 0; k < nameLength; k++) b.append((char) ('a' + r.nextInt(26)));
            out[i] = b.toString();
        }
        return out;
    }

    public static void main(String[] args) {
        String[] lines = lines(42, 20_000, 24 * 12);
        ImportJob job = new ImportJob();
        Runner.runPasses(args, "ImportJob", () -> job.run(lines) + job.audited());
    }
}

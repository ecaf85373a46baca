import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.google.common.base.Ascii;
import com.google.common.base.CharMatcher;
import com.google.common.base.Joiner;
import com.google.common.base.Splitter;
import com.google.common.base.Strings;
import com.google.common.collect.HashMultiset;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Multiset;

/**
 * Guava over generated CSV-like text: Splitter splits 2,000 lines into fields and key=value
 * attributes, CharMatcher cleans and collapses names, Ascii/Strings normalise and pad, an
 * ImmutableListMultimap groups names by city, a HashMultiset counts tags, ImmutableMap and
 * ImmutableSortedMap index the records, and Joiner writes each record back out.
 * One op = one batch of 2,000 lines. Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    static final Splitter FIELDS = Splitter.on(',').trimResults();
    static final Splitter.MapSplitter ATTRIBUTES = Splitter.on(';').omitEmptyStrings().withKeyValueSeparator('=');
    static final Splitter TAGS = Splitter.on(CharMatcher.anyOf(" |")).omitEmptyStrings();
    static final CharMatcher NAME_NOISE = CharMatcher.javaIsoControl().or(CharMatcher.anyOf("*#_"));
    static final Joiner OUT = Joiner.on('\t').useForNull("-");

    static String[] lines(int n) {
        Random r = new Random(3);
        String[] cities = {"  Lyon", "ZURICH ", "Kraków", " porto", "Malmö", "BILBAO", "gent  "};
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            sb.append(i).append(", ");
            sb.append("  Name_").append(r.nextInt(900)).append("   ").append((char) ('A' + r.nextInt(26))).append("*#  ,");
            sb.append(cities[r.nextInt(cities.length)]).append(',');
            for (int k = 1 + r.nextInt(5); k > 0; k--) sb.append("k").append(k).append('=').append(r.nextInt(1000)).append(';');
            sb.append(',');
            for (int k = r.nextInt(6); k > 0; k--) sb.append("tag").append(r.nextInt(40)).append(r.nextBoolean() ? " " : "|");
            out[i] = sb.toString();
        }
        return out;
    }

    public static void main(String[] args) {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        String[] lines = lines(2000);
        meter("guava", seconds);
        long sink = 0;
        while (true) {
            ImmutableListMultimap.Builder<String, String> byCity = ImmutableListMultimap.builder();
            ImmutableMap.Builder<String, String> records = ImmutableMap.builder();
            Multiset<String> tagCounts = HashMultiset.create();
            for (String line : lines) {
                List<String> f = FIELDS.splitToList(line);
                String id = Strings.padStart(f.get(0), 8, '0');
                String name = CharMatcher.whitespace().trimAndCollapseFrom(NAME_NOISE.removeFrom(f.get(1)), ' ');
                String city = Ascii.toLowerCase(CharMatcher.whitespace().trimFrom(f.get(2)));
                Map<String, String> attributes = ImmutableSortedMap.copyOf(ATTRIBUTES.split(f.get(3)));
                for (String tag : TAGS.split(f.size() > 4 ? f.get(4) : "")) tagCounts.add(tag);
                byCity.put(city, name);
                records.put(id, OUT.join(id, name, city, Joiner.on(',').withKeyValueSeparator(':').join(attributes)));
            }
            ImmutableListMultimap<String, String> grouped = byCity.build();
            ImmutableMap<String, String> index = records.buildOrThrow();
            sink += grouped.size() + index.size() + tagCounts.elementSet().size();
            OPS.incrementAndGet();
            if (sink == 42) System.out.print("");
        }
    }

    /** Prints "<name>: <n> ops/s" once a second; after `seconds` seconds (0: never) it stops the JVM. */
    static void meter(String name, int seconds) {
        Thread t = new Thread(() -> {
            long start = System.nanoTime(), last = 0;
            for (int s = 1; ; s++) {
                long wait = start + s * 1_000_000_000L - System.nanoTime();
                if (wait > 0) try { Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); } catch (InterruptedException e) { return; }
                long n = OPS.get();
                System.out.println(name + ": " + (n - last) + " ops/s");
                last = n;
                if (seconds > 0 && s >= seconds) { System.out.flush(); Runtime.getRuntime().halt(0); }
            }
        }, "meter");
        t.setDaemon(true);
        t.start();
    }
}

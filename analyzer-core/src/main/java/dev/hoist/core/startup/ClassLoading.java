package dev.hoist.core.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a start loaded, read from the JVM's own log ({@code -Xlog:class+load} with
 * {@code uptimenanos}): when each was loaded and from where, a jar or folder of the class path, a
 * module of the JDK, the shared archive (CDS), or defined at run time (lambdas, proxies). Grouped
 * by where they came from and by package, and kept as a time series for the timeline.
 */
public final class ClassLoading {
    private static final Pattern LINE = Pattern.compile("^\\[(\\d+)ns\\] (\\S+) source: (.*)$");

    /** One loaded class: nanoseconds after the JVM started, its name, where it came from. */
    public record Loaded(long uptimeNanos, String className, String source) {}

    /** A group of classes (by source or package) and how many. */
    public record Group(String name, int classes) {}

    private final List<Loaded> loaded;

    ClassLoading(List<Loaded> loaded) {
        this.loaded = List.copyOf(loaded);
    }

    /** Reads the log; a missing file is no classes. */
    public static ClassLoading read(Path log) throws IOException {
        List<Loaded> out = new ArrayList<>();
        if (Files.isRegularFile(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    out.add(new Loaded(Long.parseLong(m.group(1)), m.group(2), source(m.group(3))));
                }
            }
        }
        return new ClassLoading(out);
    }

    /** The source as a user reads it: a file path, "jrt:/java.base", "CDS archive", or "defined at run time". */
    static String source(String raw) {
        String s = raw.trim();
        if (s.startsWith("shared objects file")) {
            return SHARED;
        }
        if (s.startsWith("jrt:/")) {
            return s;
        }
        if (s.startsWith("file:")) {
            try {
                return Path.of(java.net.URI.create(s.replace(" ", "%20"))).toString();
            } catch (IllegalArgumentException e) {
                return s.substring("file:".length());
            }
        }
        if (s.startsWith("jar:file:")) {
            int bang = s.indexOf("!/");
            return source(s.substring(4, bang < 0 ? s.length() : bang));
        }
        return RUNTIME;
    }

    /** The source of classes mapped from a CDS archive (the JDK's default one or an AppCDS one). */
    public static final String SHARED = "CDS archive";
    /** The source of classes defined at run time: lambdas, proxies, generated code. */
    public static final String RUNTIME = "defined at run time";

    public List<Loaded> all() {
        return loaded;
    }

    public int count() {
        return loaded.size();
    }

    /** Classes mapped from a CDS archive. */
    public int shared() {
        return (int) loaded.stream().filter(l -> l.source().equals(SHARED)).count();
    }

    /** Classes per source, most first. */
    public List<Group> bySource() {
        return group(l -> l.source());
    }

    /** Classes per package among those not of the JDK nor from a CDS archive, most first. */
    public List<Group> appPackages() {
        Map<String, Integer> m = new HashMap<>();
        for (Loaded l : loaded) {
            if (!l.source().startsWith("jrt:/") && !l.source().equals(SHARED) && !jdk(l.className())) {
                int dot = l.className().lastIndexOf('.');
                m.merge(dot < 0 ? "(default package)" : l.className().substring(0, dot), 1, Integer::sum);
            }
        }
        return sorted(m);
    }

    /** The JDK's own packages: its lambda forms and proxies are defined at run time, but are not the program's. */
    private static boolean jdk(String cls) {
        return cls.startsWith("java.") || cls.startsWith("jdk.") || cls.startsWith("sun.") || cls.startsWith("com.sun.");
    }

    /** Whether any class was loaded from this class path entry. */
    public boolean loadedFrom(Path entry) {
        String abs = entry.toAbsolutePath().normalize().toString();
        return loaded.stream().anyMatch(l -> l.source().equals(abs) || l.source().equals(abs + "/")
                || (l.source().startsWith(abs + "/") && Files.isDirectory(entry)));
    }

    private List<Group> group(java.util.function.Function<Loaded, String> key) {
        Map<String, Integer> m = new HashMap<>();
        loaded.forEach(l -> m.merge(key.apply(l), 1, Integer::sum));
        return sorted(m);
    }

    private static List<Group> sorted(Map<String, Integer> m) {
        return m.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Group::classes).reversed().thenComparing(Group::name)).toList();
    }

    /** Classes loaded in each {@code bucketMillis} after the JVM started, for the timeline. */
    public int[] perBucket(int bucketMillis, int buckets) {
        int[] out = new int[buckets];
        for (Loaded l : loaded) {
            int b = (int) (l.uptimeNanos() / 1_000_000 / bucketMillis);
            if (b >= 0 && b < buckets) {
                out[b]++;
            }
        }
        return out;
    }
}

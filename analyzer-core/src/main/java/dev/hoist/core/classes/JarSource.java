package dev.hoist.core.classes;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * A jar or zip on disk. It is read through its central directory ({@link ZipFile}: random access,
 * so classes can be re-read later instead of kept); when the central directory is damaged or
 * missing (a truncated download) it is streamed from the start instead, so every entry before the
 * damage is still analyzed. Jars inside it are streamed from memory, recursively, within the
 * bounds of {@link ReadOptions}.
 */
final class JarSource implements ClassSource {
    static final String VERSIONS = "META-INF/versions/";

    private final Path path;
    private final String display;
    private final ReadOptions options;
    private volatile boolean rereadable;
    private ZipFile zip;

    JarSource(Path path, ReadOptions options) {
        this.path = path;
        this.display = path.toString();
        this.options = options;
    }

    @Override
    public String name() {
        return display;
    }

    /** Reads the jar alone, its problems summarised past a few ({@link ProblemSink#summarising}). */
    @Override
    public void read(ProblemSink sink, Consumer<ClassFile> action) {
        ProblemSink.Summarising problems = ProblemSink.summarising(sink, display);
        try {
            read(problems, action, new InflateBudget(options.maxSourceBytes(), options.maxEntries()));
        } finally {
            problems.finish();
        }
    }

    /**
     * Reads the jar within a budget shared by the whole input; when it is spent (here or by an
     * earlier source) the jar is skipped, and the first source to spend it says so in one line.
     * {@link ClassPath} summarises the problems of each source, its own about the headers included.
     */
    void read(ProblemSink problems, Consumer<ClassFile> action, InflateBudget budget) {
        if (budget.spent()) {
            return;
        }
        try {
            ZipFile z;
            try {
                z = new ZipFile(path.toFile());
            } catch (IOException e) {
                problems.report(new Problem(display, null, "damaged or not a jar (" + ClassBytes.describe(e)
                        + "); reading its entries in order up to the damage"));
                try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024)) {
                    readStream(in, "", 0, budget, problems, action);
                } catch (IOException e2) {
                    problems.report(new Problem(display, null, "cannot read: " + ClassBytes.describe(e2)));
                }
                return;
            }
            // Closed after reading and reopened only for the jars whose classes are asked for later,
            // so a class path of a thousand jars does not hold a thousand files and central directories.
            try {
                rereadable = true;
                readZip(z, budget, problems, action);
            } finally {
                closeQuietly(z);
            }
        } catch (InflateBudget.Spent spent) {
            String line = budget.reportOnce();
            if (line != null) {
                problems.report(new Problem(display, null, line));
            }
        }
    }

    private void readZip(ZipFile z, InflateBudget budget, ProblemSink problems, Consumer<ClassFile> action) {
        boolean multiRelease = Manifests.multiRelease(z, display, problems);
        Map<String, VersionedPick<ZipEntry>> picks = new LinkedHashMap<>();
        List<ZipEntry> nested = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = z.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            budget.entry();
            if (e.isDirectory()) {
                continue;
            }
            String n = e.getName();
            if (n.endsWith(".class")) {
                VersionedPick.pick(picks, n, e, options.release());
            } else if (isJar(n)) {
                nested.add(e);
            }
        }
        for (VersionedPick<ZipEntry> p : picks.values()) {
            ZipEntry e = multiRelease && p.versioned != null ? p.versioned : p.base;
            if (e == null) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = budget.meter(z.getInputStream(e), Long.MAX_VALUE)) {
                bytes = ClassBytes.readBounded(in, e.getSize(), options.maxClassBytes(), "class entry");
            } catch (ClassBytes.TooBigException tooBig) {
                problems.report(new Problem(display, e.getName(), tooBig.getMessage()));
                continue;
            } catch (InflateBudget.Spent spent) {
                throw spent;
            } catch (IOException | RuntimeException ex) {
                problems.report(new Problem(display, e.getName(), "cannot inflate entry (" + ClassBytes.describe(ex) + "); skipped"));
                continue;
            }
            emit(bytes, e.getName(), problems, action);
        }
        if (options.maxNestingDepth() < 1) {
            return;
        }
        for (ZipEntry e : nested) {
            // streamed from the jar, never held whole: eight nested jars of 500 MB cost no memory
            try (InputStream raw = z.getInputStream(e)) {
                InputStream metered = budget.meter(raw, options.maxNestedJarBytes());
                try {
                    if (readStream(metered, e.getName() + "!/", 1, budget, problems, action) == 0) {
                        problems.report(new Problem(display, e.getName(), "nested jar has no entries (not a zip?); skipped"));
                    }
                } catch (InflateBudget.EntryTooBig big) {
                    problems.report(new Problem(display, e.getName(), "nested jar " + big.getMessage() + "; skipped"));
                }
            } catch (InflateBudget.Spent spent) {
                throw spent;
            } catch (IOException | RuntimeException ex) {
                problems.report(new Problem(display, e.getName(), "cannot inflate nested jar (" + ClassBytes.describe(ex) + "); skipped"));
            }
        }
    }

    /**
     * Streams a zip from its first byte: used for nested jars (streamed from the jar that holds
     * them) and for jars whose central directory is damaged; returns how many entries it had.
     * Every entry is inflated through the budget's meter, also the ones only skipped, so what a
     * stream costs is counted; an entry that inflates past its bound ends the stream with one line,
     * since the next entry lies behind the rest of it. Classes are emitted when the stream ends,
     * because the multi-release choice needs the manifest and every version of a class; a damaged
     * stream still emits everything read before the damage.
     */
    private int readStream(InputStream raw, String prefix, int depth, InflateBudget budget, ProblemSink problems,
                           Consumer<ClassFile> action) {
        Map<String, VersionedPick<byte[]>> picks = new LinkedHashMap<>();
        boolean multiRelease = false;
        String current = null;
        int seen = 0;
        RuntimeException passOn = null;
        try (ZipInputStream in = new ZipInputStream(raw)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                seen++;
                budget.entry();
                current = e.getName();
                String n = current;
                InputStream entry = budget.meter(in, options.maxNestedJarBytes());
                try {
                    if (!e.isDirectory()) {
                        multiRelease |= readEntry(entry, e, prefix, depth, budget, problems, action, picks);
                    }
                    ClassBytes.discard(entry, Long.MAX_VALUE); // through the meter: skipping inflates too
                } catch (InflateBudget.EntryTooBig big) {
                    if (big.entry != entry) {
                        throw big;
                    }
                    String jar = prefix.isEmpty() ? "the jar" : prefix.substring(0, prefix.length() - 2);
                    problems.report(new Problem(display, prefix + n, big.getMessage() + "; the rest of " + jar + " is skipped"));
                    break;
                }
            }
        } catch (InflateBudget.Spent | InflateBudget.EntryTooBig pass) {
            passOn = pass; // the whole input's budget, or the entry of an outer jar that holds this one
        } catch (IOException | RuntimeException ex) {
            String where = current == null ? (prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 2)) : prefix + current;
            problems.report(new Problem(display, where, "jar is truncated or damaged (" + ClassBytes.describe(ex)
                    + "); entries from here on are skipped, " + picks.size() + " class entries before it are read"));
        }
        for (Map.Entry<String, VersionedPick<byte[]>> p : picks.entrySet()) {
            VersionedPick<byte[]> pick = p.getValue();
            boolean useVersioned = multiRelease && pick.versioned != null;
            byte[] bytes = useVersioned ? pick.versioned : pick.base;
            if (bytes != null) {
                String entry = useVersioned ? VERSIONS + pick.version + "/" + p.getKey() : p.getKey();
                emit(bytes, prefix + entry, problems, action);
            }
        }
        if (passOn != null) {
            throw passOn;
        }
        return seen;
    }

    /** Reads one streamed entry: a class is kept in {@code picks}, a nested jar is read; returns whether it was a multi-release manifest. */
    private boolean readEntry(InputStream in, ZipEntry e, String prefix, int depth, InflateBudget budget, ProblemSink problems,
                              Consumer<ClassFile> action, Map<String, VersionedPick<byte[]>> picks) throws IOException {
        String n = e.getName();
        boolean isClass = n.endsWith(".class") && (!n.startsWith("META-INF/") || n.startsWith(VERSIONS));
        if (n.equals(Manifests.NAME)) {
            try {
                return Manifests.multiRelease(ClassBytes.readBounded(in, -1, Manifests.MAX_BYTES, "manifest"), display, prefix + n, problems);
            } catch (ClassBytes.TooBigException tooBig) {
                problems.report(new Problem(display, prefix + n, tooBig.getMessage() + "; multi-release entries are ignored"));
            }
        } else if (isClass) {
            try {
                VersionedPick.pick(picks, n, ClassBytes.readBounded(in, e.getSize(), options.maxClassBytes(), "class entry"),
                        options.release());
            } catch (ClassBytes.TooBigException tooBig) {
                problems.report(new Problem(display, prefix + n, tooBig.getMessage()));
            }
        } else if (isJar(n) && depth < options.maxNestingDepth()) {
            if (readStream(in, prefix + n + "!/", depth + 1, budget, problems, action) == 0) {
                ClassBytes.discard(in, Long.MAX_VALUE); // a bomb of zeros is no zip: say that only if it is not a bomb
                problems.report(new Problem(display, prefix + n, "nested jar has no entries (not a zip?); skipped"));
            }
        } else if (isJar(n)) {
            problems.report(new Problem(display, prefix + n, "jar nested deeper than " + options.maxNestingDepth() + " levels; skipped"));
        }
        return false;
    }

    private void emit(byte[] bytes, String entry, ProblemSink problems, Consumer<ClassFile> action) {
        String name;
        try {
            name = ClassBytes.check(bytes);
        } catch (ClassBytes.BadClassException e) {
            problems.report(new Problem(display, entry, e.getMessage()));
            return;
        }
        if (name != null) {
            action.accept(new ClassFile(name, display + "!/" + entry, bytes));
        }
    }

    private static boolean isJar(String name) {
        return name.regionMatches(true, name.length() - 4, ".jar", 0, 4);
    }

    /**
     * Top-level entries are re-read through the central directory. Classes of a jar nested one
     * level deep are too: the nested jar is inflated again and its classes kept until another
     * nested jar is asked for, so a fat jar's index holds headers, not every library's bytes.
     */
    @Override
    public boolean canReread(ClassFile file) {
        String origin = file.origin();
        if (!rereadable || !origin.startsWith(display + "!/")) {
            return false;
        }
        int first = origin.indexOf("!/", display.length() + 2);
        return first < 0 || origin.indexOf("!/", first + 2) < 0;
    }

    @Override
    public Optional<byte[]> reread(String origin) {
        if (!rereadable || !origin.startsWith(display + "!/")) {
            return Optional.empty();
        }
        String rest = origin.substring(display.length() + 2);
        int bang = rest.indexOf("!/");
        try {
            ZipFile z = openForReread();
            if (bang < 0) {
                ZipEntry e = z.getEntry(rest);
                if (e == null) {
                    return Optional.empty();
                }
                try (InputStream in = z.getInputStream(e)) {
                    return Optional.of(ClassBytes.readBounded(in, e.getSize(), options.maxClassBytes(), "class entry"));
                }
            }
            return Optional.ofNullable(nestedClasses(z, rest.substring(0, bang)).get(rest.substring(bang + 2)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private synchronized ZipFile openForReread() throws IOException {
        if (zip == null) {
            zip = new ZipFile(path.toFile());
        }
        return zip;
    }

    /** Bytes of re-read nested jars' classes kept at once; a fat jar's libraries are asked for one after another. */
    private static final long NESTED_CACHE_BYTES = 64L * 1024 * 1024;

    private final LinkedHashMap<String, Map<String, byte[]>> nestedCache = new LinkedHashMap<>(16, 0.75f, true);
    private long nestedCacheBytes;

    /**
     * The class entries of one nested jar, inflated again as a whole: streaming is the only way
     * into a jar held in another, and whoever asks for one class of a library usually asks for
     * more. The most recently used nested jars are kept, up to a byte bound.
     */
    private synchronized Map<String, byte[]> nestedClasses(ZipFile z, String nestedName) throws IOException {
        Map<String, byte[]> cached = nestedCache.get(nestedName);
        if (cached != null) {
            return cached;
        }
        ZipEntry outer = z.getEntry(nestedName);
        if (outer == null) {
            return Map.of();
        }
        Map<String, byte[]> classes = new java.util.HashMap<>();
        long size = 0;
        try (InputStream raw = z.getInputStream(outer);
             ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(
                     ClassBytes.readBounded(raw, outer.getSize(), options.maxNestedJarBytes(), "nested jar")))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (!e.isDirectory() && e.getName().endsWith(".class")) {
                    byte[] bytes = ClassBytes.readBounded(in, e.getSize(), options.maxClassBytes(), "class entry");
                    classes.put(e.getName(), bytes);
                    size += bytes.length;
                }
            }
        } catch (IOException e) {
            // keep what was read before the damage: it is what the first read indexed too
        }
        nestedCache.put(nestedName, classes);
        nestedCacheBytes += size;
        var it = nestedCache.entrySet().iterator();
        while (nestedCacheBytes > NESTED_CACHE_BYTES && nestedCache.size() > 1 && it.hasNext()) {
            Map.Entry<String, Map<String, byte[]>> eldest = it.next();
            if (eldest.getKey().equals(nestedName)) {
                continue;
            }
            nestedCacheBytes -= eldest.getValue().values().stream().mapToLong(b -> b.length).sum();
            it.remove();
        }
        return classes;
    }

    /** Closes the jar if a re-read opened it; a later re-read opens it again. */
    @Override
    public synchronized void close() {
        closeQuietly(zip);
        zip = null;
        nestedCache.clear();
        nestedCacheBytes = 0;
    }

    private static void closeQuietly(ZipFile z) {
        if (z != null) {
            try {
                z.close();
            } catch (IOException ignored) {
                // nothing was written; a failed close loses nothing
            }
        }
    }
}

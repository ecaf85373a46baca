package dev.hoist.core.classes;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;


/**
 * The analyzed class path: several {@link ClassSource}s indexed by internal name, the first
 * source that has a class winning as on the JVM's class path. Each class's header is read once
 * (hierarchy and method table, no code) so {@link #implementationCount} can be answered from
 * memory; class bytes are dropped when their source can re-read them and re-read on demand through
 * a small cache, so a large fat jar does not sit in the heap twice. With the JDK fallback on, JDK
 * classes that are not on the path ({@code java/util/ArrayList}) are found lazily through
 * {@code jrt:}. Bad input met while building goes to the {@link ProblemSink}; building never fails
 * on it. Thread-safe once built; close it to release open jars.
 */
public final class ClassPath implements ClassLookup, AutoCloseable {
    private static final long CACHE_BYTES = 32L * 1024 * 1024;
    /** One indexed class; {@code bytes} is null when the source can re-read them. */
    @SuppressWarnings("ArrayRecordComponent") // an index entry, never compared or used as a key
    private record Entry(ClassHeader header, ClassSource source, String origin, byte[] bytes) {
    }

    private final List<ClassSource> sources;
    private final Map<String, Entry> index;
    private final ClassHierarchy hierarchy;
    private final boolean jdkFallback;
    private final int shadowed;
    private final Map<String, Optional<ClassHeader>> jdkHeaders = new ConcurrentHashMap<>();
    private final Set<String> notInJdk = ConcurrentHashMap.newKeySet();
    private final BytesCache cache = new BytesCache(CACHE_BYTES);

    private ClassPath(List<ClassSource> sources, Map<String, Entry> index, boolean jdkFallback, int shadowed) {
        this.sources = List.copyOf(sources);
        this.index = index;
        this.jdkFallback = jdkFallback;
        this.shadowed = shadowed;
        List<ClassHeader> headers = new ArrayList<>(index.size());
        for (Entry e : index.values()) headers.add(e.header());
        this.hierarchy = new ClassHierarchy(headers, n -> {
            Entry e = index.get(n);
            return e == null ? null : e.header();
        }, this::header, this::jdkHeader);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The given paths in order, JDK fallback on, default read options. */
    public static ClassPath of(List<Path> paths, ProblemSink problems) {
        Builder b = builder().problems(problems);
        paths.forEach(b::add);
        return b.build();
    }

    /** Number of classes indexed (the first of each name). */
    public int size() {
        return index.size();
    }

    /**
     * Internal names of the indexed classes (not the lazily found JDK ones), in class path order;
     * asking for their bytes in this order re-reads each jar sequentially.
     */
    public Set<String> classNames() {
        return Collections.unmodifiableSet(index.keySet());
    }

    /** Where an indexed class was read from, as in {@link ClassFile#origin()}. */
    public Optional<String> origin(String internalName) {
        Entry e = index.get(internalName);
        return e == null ? Optional.empty() : Optional.of(e.origin());
    }

    /** How many classes were hidden by an earlier class of the same name (first wins). */
    public int shadowedCount() {
        return shadowed;
    }

    /** The header of an indexed class; package-private for the benchmark. */
    ClassHeader headerOf(String internalName) {
        Entry e = index.get(internalName);
        return e == null ? null : e.header();
    }

    public List<ClassSource> sources() {
        return sources;
    }

    @Override
    public Optional<byte[]> classBytes(String internalName) {
        byte[] cached = cache.get(internalName);
        if (cached != null) {
            return Optional.of(cached.clone());
        }
        Entry e = index.get(internalName);
        byte[] bytes = null;
        if (e != null) {
            bytes = e.bytes() != null ? e.bytes() : e.source().reread(e.origin()).orElse(null);
            if (bytes != null && e.bytes() == null) {
                cache.put(internalName, bytes);
            }
        } else if (jdkFallback && !notInJdk.contains(internalName)) {
            bytes = JrtSource.find(internalName).map(ClassFile::bytes).orElse(null);
            if (bytes != null) {
                cache.put(internalName, bytes);
            } else {
                // facts ask again for every call into a library that is not on the path
                notInJdk.add(internalName);
            }
        }
        return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
    }

    /**
     * Counts the distinct bodies a call to {@code owner.name descriptor} can reach (see
     * {@link ClassHierarchy#implementationCount}).
     */
    @Override
    public int implementationCount(String owner, String name, String descriptor) {
        return hierarchy.implementationCount(owner, name, descriptor);
    }

    @Override
    public List<String> implementingClasses(String owner, String name, String descriptor) {
        return hierarchy.implementingClasses(owner, name, descriptor);
    }

    private ClassHeader header(String name) {
        Entry e = index.get(name);
        return e != null ? e.header() : jdkHeader(name);
    }

    private ClassHeader jdkHeader(String name) {
        if (!jdkFallback) {
            return null;
        }
        return jdkHeaders.computeIfAbsent(name, n -> JrtSource.find(n).flatMap(cf -> {
            try {
                return Optional.of(ClassHeader.parse(cf.bytes(), null));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        })).orElse(null);
    }

    /** Two class paths as one ({@code a}, then {@code b}); either may be null or blank. */
    public static String join(String a, String b) {
        String x = a == null ? "" : a;
        String y = b == null ? "" : b;
        return y.isBlank() ? x : x.isBlank() ? y : x + java.io.File.pathSeparator + y;
    }

    @Override
    public void close() {
        for (ClassSource s : sources) {
            s.close();
        }
    }

    /** Collects sources and choices; {@link #build()} reads every source once. */
    public static final class Builder {
        private final List<Object> inputs = new ArrayList<>();
        private ReadOptions options = ReadOptions.defaults();
        private boolean jdkFallback = true;
        private ProblemSink problems = ProblemSink.printingTo(System.err);
        private boolean keepBytes;

        private Builder() {
        }

        /** A jar, directory or class file; opened at {@link #build()} with the options then set. */
        public Builder add(Path path) {
            inputs.add(path);
            return this;
        }

        public Builder addAll(List<Path> paths) {
            inputs.addAll(paths);
            return this;
        }

        /**
         * Adds a jar, directory or class file and hands every class file read from it to
         * {@code also} while the index is built, duplicates included, so a caller that analyses the
         * input does not read (and inflate) it a second time.
         */
        public Builder add(Path path, java.util.function.Consumer<ClassFile> also) {
            inputs.add(path);
            observers.put(inputs.size() - 1, also);
            return this;
        }

        private final Map<Integer, java.util.function.Consumer<ClassFile>> observers = new HashMap<>();

        /**
         * A class path as a JVM reports it ({@code java.class.path}, {@link File#pathSeparator}
         * between entries), read the way the JVM reads it: {@code dir/*} means the jars in
         * {@code dir}, an empty entry means the current directory, and an entry that does not
         * exist is reported and skipped rather than failing the build.
         */
        public Builder addClassPath(String classPath) {
            inputs.add(new ClassPathString(classPath));
            return this;
        }

        public Builder add(ClassSource source) {
            inputs.add(source);
            return this;
        }

        public Builder options(ReadOptions readOptions) {
            this.options = readOptions;
            return this;
        }

        /** Whether JDK classes not on the path are found through {@code jrt:} (default on). */
        public Builder jdkFallback(boolean on) {
            this.jdkFallback = on;
            return this;
        }

        /**
         * Keep every class's bytes in memory instead of re-reading them on demand (default off).
         * Worth it when nearly every class will be asked for (analyzing a whole jar rather than a
         * profile's hot methods); it costs about the inflated size of the classes in heap.
         */
        public Builder keepBytes(boolean on) {
            this.keepBytes = on;
            return this;
        }

        /** Where bad input is reported (default: one line each on stderr). */
        public Builder problems(ProblemSink sink) {
            this.problems = sink;
            return this;
        }

        /**
         * Reads every source and indexes its classes.
         *
         * @throws dev.hoist.core.HoistException BAD_INPUT if a path does not exist
         */
        public ClassPath build() {
            List<ClassSource> sources = new ArrayList<>();
            Map<ClassSource, java.util.function.Consumer<ClassFile>> watched = new HashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                Object in = inputs.get(i);
                if (in instanceof ClassPathString cps) {
                    for (Path p : cps.expand(problems)) {
                        sources.add(ClassSource.open(p, options));
                    }
                } else {
                    sources.add(in instanceof Path p ? ClassSource.open(p, options) : (ClassSource) in);
                    if (observers.containsKey(i)) watched.put(sources.get(sources.size() - 1), observers.get(i));
                }
            }
            // class path order, so walking classNames() re-reads one jar (or nested jar) after another
            Map<String, Entry> index = new LinkedHashMap<>();
            Map<String, String> strings = new HashMap<>();
            int[] shadowed = {0};
            // one budget for the whole input: a bomb spread over many sources is stopped too
            InflateBudget budget = new InflateBudget(options.maxSourceBytes(), options.maxEntries());
            for (ClassSource source : sources) {
                // a source's problems past a few are one "and N more" line, its headers' included
                ProblemSink.Summarising problems = ProblemSink.summarising(this.problems, source.name());
                java.util.function.Consumer<ClassFile> also = watched.get(source);
                java.util.function.Consumer<ClassFile> index1 = cf -> {
                    if (also != null) also.accept(cf);
                    if (index.containsKey(cf.internalName())) {
                        shadowed[0]++;
                        return;
                    }
                    ClassHeader header;
                    try {
                        header = ClassHeader.parse(cf.bytes(), strings);
                    } catch (RuntimeException e) {
                        problems.report(Problem.at(cf.origin(), "corrupt or truncated class file ("
                                + ClassBytes.describe(e) + ")"));
                        return;
                    }
                    byte[] keep = !keepBytes && source.canReread(cf) ? null : cf.bytes();
                    index.put(header.name, new Entry(header, source, cf.origin(), keep));
                };
                try {
                    if (source instanceof JarSource jar) {
                        jar.read(problems, index1, budget);
                    } else {
                        source.read(problems, index1);
                    }
                } finally {
                    problems.finish();
                }
            }
            return new ClassPath(sources, index, jdkFallback, shadowed[0]);
        }
    }
}

package dev.hoist.core.classes;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.objectweb.asm.Opcodes;

/**
 * The analysed class path: several {@link ClassSource}s indexed by internal name, the first
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
    private static final Set<String> OBJECT_METHODS = Set.of("hashCode()I", "equals(Ljava/lang/Object;)Z",
            "toString()Ljava/lang/String;", "clone()Ljava/lang/Object;", "finalize()V");

    /** One indexed class; {@code bytes} is null when the source can re-read them. */
    @SuppressWarnings("ArrayRecordComponent") // an index entry, never compared or used as a key
    private record Entry(ClassHeader header, ClassSource source, String origin, byte[] bytes) {
    }

    private final List<ClassSource> sources;
    private final Map<String, Entry> index;
    private final Map<String, String[]> subtypes;
    private final boolean jdkFallback;
    private final int shadowed;
    private final Map<String, Optional<ClassHeader>> jdkHeaders = new ConcurrentHashMap<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Set<String> notInJdk = ConcurrentHashMap.newKeySet();
    private final BytesCache cache = new BytesCache(CACHE_BYTES);

    private ClassPath(List<ClassSource> sources, Map<String, Entry> index, boolean jdkFallback, int shadowed) {
        this.sources = List.copyOf(sources);
        this.index = index;
        this.jdkFallback = jdkFallback;
        this.shadowed = shadowed;
        Map<String, List<String>> subs = new HashMap<>();
        for (Entry e : index.values()) {
            ClassHeader h = e.header();
            if (h.superName != null) {
                subs.computeIfAbsent(h.superName, k -> new ArrayList<>(2)).add(h.name);
            }
            for (String i : h.interfaces) {
                subs.computeIfAbsent(i, k -> new ArrayList<>(2)).add(h.name);
            }
        }
        Map<String, String[]> compact = new HashMap<>(subs.size() * 2);
        subs.forEach((k, v) -> compact.put(k, v.toArray(new String[0])));
        this.subtypes = compact;
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
     * Counts the distinct bodies a call to {@code owner.name descriptor} can reach: every
     * non-abstract declaration in the owner and its subtypes on the path (default methods
     * included), plus the body each instantiable one inherits from a supertype. A body inherited
     * from a class outside the path and the JDK counts as one unknown body. Static, private and
     * constructor calls count 1. An owner found only through the JDK fallback has subtypes this
     * index never read, so its count is 1 when the method cannot be overridden (final method or
     * class) and -1 (unknown) otherwise.
     */
    @Override
    public int implementationCount(String owner, String name, String descriptor) {
        String key = owner + '.' + name + descriptor;
        Integer known = counts.get(key);
        if (known != null) {
            return known;
        }
        int count = count(owner, name, descriptor);
        counts.put(key, count);
        return count;
    }

    private int count(String owner, String name, String descriptor) {
        Entry entry = index.get(owner);
        ClassHeader h = entry != null ? entry.header() : jdkHeader(owner);
        if (h == null) {
            return -1;
        }
        int m = h.find(name, descriptor);
        if (name.equals("<init>") || name.equals("<clinit>")) {
            return m >= 0 ? 1 : 0;
        }
        if (m >= 0 && (h.methodAccess(m) & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) != 0) {
            return 1;
        }
        if (entry == null) {
            if (h.isInterface()) {
                return -1;
            }
            ClassHeader declaring = declaringClass(owner, name, descriptor);
            if (declaring == null) {
                return -1;
            }
            int dm = declaring.find(name, descriptor);
            boolean cannotOverride = (h.access & Opcodes.ACC_FINAL) != 0
                    || (declaring.methodAccess(dm) & Opcodes.ACC_FINAL) != 0;
            return cannotOverride && (declaring.methodAccess(dm) & Opcodes.ACC_ABSTRACT) == 0 ? 1 : -1;
        }
        return bodies(owner, name, descriptor).size();
    }

    @Override
    public List<String> implementingClasses(String owner, String name, String descriptor) {
        Entry entry = index.get(owner);
        if (entry == null) {
            return List.of();
        }
        Set<String> bodies = bodies(owner, name, descriptor);
        // "?name": a body up a chain that leaves the path: the list would be incomplete
        return bodies.stream().anyMatch(b -> b.startsWith("?")) ? List.of() : bodies.stream().sorted().toList();
    }

    /** The classes holding the bodies a call to owner.name can reach, for an owner on the path. */
    private Set<String> bodies(String owner, String name, String descriptor) {
        Set<String> bodies = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(owner);
        seen.add(owner);
        while (!todo.isEmpty()) {
            String c = todo.poll();
            Entry ce = index.get(c);
            if (ce == null) {
                continue;
            }
            ClassHeader ch = ce.header();
            int i = ch.find(name, descriptor);
            if (i >= 0 && (ch.methodAccess(i) & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) == 0) {
                bodies.add(c);
            }
            if (ch.isInstantiable()) {
                String body = selectBody(c, name, descriptor);
                if (body != null) {
                    bodies.add(body);
                }
            }
            for (String sub : subtypes.getOrDefault(c, new String[0])) {
                if (seen.add(sub)) {
                    todo.add(sub);
                }
            }
        }
        return bodies;
    }

    /** The first class up the superclass chain of {@code start} declaring the method, or null. */
    private ClassHeader declaringClass(String start, String name, String descriptor) {
        String k = start;
        for (int guard = 0; k != null && guard < 512; guard++) {
            ClassHeader kh = header(k);
            if (kh == null) {
                return null;
            }
            if (kh.find(name, descriptor) >= 0) {
                return kh;
            }
            k = kh.superName;
        }
        return null;
    }

    /**
     * The body the JVM would select for a receiver of exactly class {@code c} (JVMS 5.4.6): the
     * nearest declaration up the superclass chain, else a default method of a superinterface.
     * Returns "?name" when the chain leaves the known classes, null when there is no body.
     */
    private String selectBody(String c, String name, String descriptor) {
        String k = c;
        List<String> chain = new ArrayList<>();
        for (int guard = 0; k != null && guard < 512; guard++) {
            ClassHeader kh = header(k);
            if (kh == null && k.equals("java/lang/Object")) {
                // every chain ends here; without the JDK its method table is still known
                if (OBJECT_METHODS.contains(name + descriptor)) {
                    return k;
                }
                break;
            }
            if (kh == null) {
                return "?" + k;
            }
            chain.add(k);
            int i = kh.find(name, descriptor);
            if (i >= 0 && (kh.methodAccess(i) & Opcodes.ACC_STATIC) == 0) {
                return (kh.methodAccess(i) & Opcodes.ACC_ABSTRACT) != 0 ? null : k;
            }
            k = kh.superName;
        }
        // No class declares it: look for a default method among all superinterfaces.
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (String cls : chain) {
            ClassHeader kh = header(cls);
            for (String i : kh.interfaces) {
                if (seen.add(i)) {
                    todo.add(i);
                }
            }
        }
        while (!todo.isEmpty()) {
            String i = todo.poll();
            ClassHeader ih = header(i);
            if (ih == null) {
                continue;
            }
            int m = ih.find(name, descriptor);
            if (m >= 0 && (ih.methodAccess(m) & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE)) == 0) {
                return i;
            }
            for (String s : ih.interfaces) {
                if (seen.add(s)) {
                    todo.add(s);
                }
            }
        }
        return null;
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

    /** A byte-bounded LRU of re-read class files, so facts reading the same callee twice do not inflate it twice. */
    private static final class BytesCache {
        private final long capacity;
        private long size;
        private final LinkedHashMap<String, byte[]> map = new LinkedHashMap<>(64, 0.75f, true);

        BytesCache(long capacity) {
            this.capacity = capacity;
        }

        synchronized byte[] get(String name) {
            return map.get(name);
        }

        synchronized void put(String name, byte[] bytes) {
            byte[] old = map.put(name, bytes);
            size += bytes.length - (old == null ? 0 : old.length);
            var it = map.entrySet().iterator();
            while (size > capacity && it.hasNext()) {
                size -= it.next().getValue().length;
                it.remove();
            }
        }
    }

    /** A {@code java.class.path} string, expanded at build time so its problems reach the sink then set. */
    private record ClassPathString(String value) {
        List<Path> expand(ProblemSink problems) {
            List<Path> paths = new ArrayList<>();
            for (String element : value.split(Pattern.quote(File.pathSeparator), -1)) {
                if (element.equals("*") || element.endsWith(File.separator + "*") || element.endsWith("/*")) {
                    Path dir = Path.of(element.length() == 1 ? "." : element.substring(0, element.length() - 2));
                    try (var list = Files.list(dir)) {
                        // the JVM leaves the order of a wildcard's jars unspecified; sorted, runs repeat
                        list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                                .sorted().forEach(paths::add);
                    } catch (IOException | RuntimeException e) {
                        problems.report(new Problem(element, null, "cannot list (" + ClassBytes.describe(e)
                                + "); skipped"));
                    }
                    continue;
                }
                Path p = Path.of(element.isEmpty() ? "." : element);
                if (Files.exists(p)) {
                    paths.add(p);
                } else {
                    problems.report(new Problem(element, null, "not found; skipped, as the JVM skips it"));
                }
            }
            return paths;
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
         * Worth it when nearly every class will be asked for (analysing a whole jar rather than a
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
            for (ClassSource source : sources) {
                java.util.function.Consumer<ClassFile> also = watched.get(source);
                source.read(problems, cf -> {
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
                });
            }
            return new ClassPath(sources, index, jdkFallback, shadowed[0]);
        }
    }
}

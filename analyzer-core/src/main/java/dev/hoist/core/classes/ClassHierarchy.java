package dev.hoist.core.classes;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.objectweb.asm.Opcodes;

/**
 * The type hierarchy of a class path, from class headers only: which bodies a virtual or interface
 * call can reach (JVMS 5.4.6 selection over the subtypes on the path), the question behind every
 * "monomorphic or megamorphic" fact. Thread-safe; counts are cached.
 */
final class ClassHierarchy {
    private static final Set<String> OBJECT_METHODS = Set.of("hashCode()I", "equals(Ljava/lang/Object;)Z",
            "toString()Ljava/lang/String;", "clone()Ljava/lang/Object;", "finalize()V");

    private final Function<String, ClassHeader> indexed;
    private final Function<String, ClassHeader> header;
    private final Function<String, ClassHeader> jdk;
    private final Map<String, String[]> subtypes;
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    /**
     * @param headers the classes on the path
     * @param indexed a class on the path by internal name, or null
     * @param header  a class on the path or in the JDK, or null
     * @param jdk     a class in the JDK only, or null
     */
    ClassHierarchy(Iterable<ClassHeader> headers, Function<String, ClassHeader> indexed, Function<String, ClassHeader> header,
                   Function<String, ClassHeader> jdk) {
        this.indexed = indexed;
        this.header = header;
        this.jdk = jdk;
        Map<String, List<String>> subs = new HashMap<>();
        for (ClassHeader h : headers) {
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

    /**
     * Counts the distinct bodies a call to {@code owner.name descriptor} can reach: every
     * non-abstract declaration in the owner and its subtypes on the path (default methods
     * included), plus the body each instantiable one inherits from a supertype. A body inherited
     * from a class outside the path and the JDK counts as one unknown body. Static, private and
     * constructor calls count 1. An owner found only through the JDK fallback has subtypes this
     * index never read, so its count is 1 when the method cannot be overridden (final method or
     * class) and -1 (unknown) otherwise.
     */
    int implementationCount(String owner, String name, String descriptor) {
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
        ClassHeader onPath = indexed.apply(owner);
        ClassHeader h = onPath != null ? onPath : jdk.apply(owner);
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
        if (onPath == null) {
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

    List<String> implementingClasses(String owner, String name, String descriptor) {
        if (indexed.apply(owner) == null) {
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
            ClassHeader ch = indexed.apply(c);
            if (ch == null) {
                continue;
            }
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
            ClassHeader kh = header.apply(k);
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
            ClassHeader kh = header.apply(k);
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
            ClassHeader kh = header.apply(cls);
            for (String i : kh.interfaces) {
                if (seen.add(i)) {
                    todo.add(i);
                }
            }
        }
        while (!todo.isEmpty()) {
            String i = todo.poll();
            ClassHeader ih = header.apply(i);
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
}

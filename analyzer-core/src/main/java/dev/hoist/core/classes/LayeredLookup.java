package dev.hoist.core.classes;

import java.util.Optional;

/**
 * Two class lookups asked in order: the first that has a class wins, as on a class path. Hoist
 * layers the target's class path (and jrt:) over the bytes an agent captured in the target, so
 * only the classes that are not on disk come from the target's memory. Reasons for a miss come
 * from whichever layer knows one.
 */
public final class LayeredLookup implements ClassLookup {
    private final ClassLookup first;
    private final ClassLookup second;

    public LayeredLookup(ClassLookup first, ClassLookup second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public Optional<byte[]> classBytes(String internalName) {
        Optional<byte[]> b = first.classBytes(internalName);
        return b.isPresent() ? b : second.classBytes(internalName);
    }

    @Override
    public int implementationCount(String owner, String name, String descriptor) {
        int n = first.implementationCount(owner, name, descriptor);
        return n >= 0 ? n : second.implementationCount(owner, name, descriptor);
    }

    @Override
    public java.util.List<String> implementingClasses(String owner, String name, String descriptor) {
        java.util.List<String> l = first.implementingClasses(owner, name, descriptor);
        return !l.isEmpty() ? l : second.implementingClasses(owner, name, descriptor);
    }

    @Override
    public Optional<String> whyMissing(String internalName) {
        Optional<String> why = second.whyMissing(internalName);
        return why.isPresent() ? why : first.whyMissing(internalName);
    }
}

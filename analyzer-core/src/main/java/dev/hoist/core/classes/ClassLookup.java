package dev.hoist.core.classes;

import java.util.Optional;

/**
 * The analyzed class path as the bytecode facts see it: the bytes of a class by its internal
 * name, and how many implementations a call site can dispatch to. Facts use it to look at callees
 * (size, trivial getter, recursion) and to count the receivers of virtual and interface calls.
 * Implementations never load or run the classes they describe.
 */
public interface ClassLookup {

    /** The class file of {@code internalName} (for example {@code java/util/ArrayList}), if it is on the path. */
    Optional<byte[]> classBytes(String internalName);

    /**
     * How many distinct concrete method bodies a call to {@code owner.name desc} can reach on the
     * analyzed path: non-abstract declarations in {@code owner}, its subclasses and, for an
     * interface, its implementors (default methods included). Returns -1 when {@code owner} is not
     * on the path, so callers can tell "unknown" from "one".
     */
    int implementationCount(String owner, String name, String descriptor);

    /**
     * The classes (internal names, sorted) that hold the concrete bodies counted by
     * {@link #implementationCount}, when every one of them is known; empty when this lookup cannot
     * say. A fix uses them to name the type tests that make each call monomorphic.
     */
    default java.util.List<String> implementingClasses(String owner, String name, String descriptor) {
        return java.util.List.of();
    }

    /**
     * Why {@link #classBytes} has nothing for {@code internalName}, when this lookup knows a
     * reason worth telling the user (a hidden class, a target that exited); empty otherwise.
     */
    default Optional<String> whyMissing(String internalName) {
        return Optional.empty();
    }

    /** A lookup that knows no classes. */
    static ClassLookup empty() {
        return new ClassLookup() {
            @Override
            public Optional<byte[]> classBytes(String internalName) {
                return Optional.empty();
            }

            @Override
            public int implementationCount(String owner, String name, String descriptor) {
                return -1;
            }
        };
    }
}

package dev.hoist.core.profile;

/**
 * A method as a sampler names it: binary class name with dots ({@code java.util.ArrayList}),
 * method name and JVM descriptor ({@code (I)V}, empty when the source does not record it).
 * Non-Java frames (native libraries, kernel, C++) have an empty class name. Interned by
 * {@link Profile}: compare by {@link Profile#methodIndex} when speed matters.
 */
public record MethodRef(String className, String name, String descriptor) {

    /** {@code Class.method}, or just the name for frames without a class. */
    public String displayName() {
        return className.isEmpty() ? name : className + "." + name;
    }

    @Override
    public String toString() {
        return displayName() + descriptor;
    }
}

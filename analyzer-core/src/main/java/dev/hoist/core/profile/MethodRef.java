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

    /**
     * {@code Class.method(Arg, Arg)} with simple parameter type names, short enough to read in a
     * table; when longer than {@code max}, package names shrink to their first letters and then the
     * parameters to {@code (...)}.
     */
    public String shortSignature(int max) {
        String params = "";
        if (descriptor.startsWith("(")) {
            try {
                StringBuilder sb = new StringBuilder("(");
                org.objectweb.asm.Type[] args = org.objectweb.asm.Type.getArgumentTypes(descriptor);
                for (int i = 0; i < args.length; i++) {
                    String n = args[i].getClassName();
                    sb.append(i > 0 ? ", " : "").append(n.substring(n.lastIndexOf('.') + 1));
                }
                params = sb.append(')').toString();
            } catch (RuntimeException malformed) {
                params = descriptor;
            }
        }
        String full = displayName() + params;
        if (full.length() <= max || className.isEmpty()) {
            return full;
        }
        String[] parts = className.split("\\.", -1);
        StringBuilder cls = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            boolean pkg = i < parts.length - 1;
            cls.append(pkg && !parts[i].isEmpty() ? parts[i].substring(0, 1) : parts[i]).append(pkg ? "." : "");
        }
        String shorter = cls + "." + name + params;
        if (shorter.length() <= max) {
            return shorter;
        }
        return cls + "." + name + (params.isEmpty() ? "" : "(...)");
    }

    @Override
    public String toString() {
        return displayName() + descriptor;
    }
}

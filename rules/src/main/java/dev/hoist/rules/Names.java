package dev.hoist.rules;

import org.objectweb.asm.Type;

/** Turns internal names and descriptors into the Java spellings used in advice text. */
final class Names {
    private Names() {
    }

    static String simple(String internal) {
        String s = internal.substring(internal.lastIndexOf('/') + 1);
        return s.replace('$', '.');
    }

    static String type(String descriptor) {
        Type t = Type.getType(descriptor);
        String name = t.getClassName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    static String arrayType(String descriptor) {
        return type(descriptor);
    }

    static String returnType(String methodDescriptor) {
        return type(Type.getReturnType(methodDescriptor).getDescriptor());
    }

    /** Whether a type belongs to the JDK (its calls are advised on only when the analysed code declares the type). */
    static boolean jdk(String internal) {
        return internal.startsWith("java/") || internal.startsWith("javax/") || internal.startsWith("jdk/") || internal.startsWith("sun/");
    }
}

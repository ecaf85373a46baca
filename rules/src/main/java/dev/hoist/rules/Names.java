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

    /** A call as source text, {@code rates.get(region)}, with {@code receiver} in place of the call's own. */
    static String call(dev.hoist.core.facts.CallSite c, String receiver) {
        StringBuilder t = new StringBuilder(receiver).append('.').append(c.name()).append('(');
        for (int i = 0; i < c.arguments().size(); i++) {
            if (i > 0) t.append(", ");
            // an argument the source cannot name (no local variable table, an expression of calls) is left as a pattern
            t.append(c.arguments().get(i).nameable() ? c.arguments().get(i).text() : "...");
        }
        return t.append(')').toString();
    }

    /** A call as source text: its receiver, or its class for a static call. */
    static String call(dev.hoist.core.facts.CallSite c) {
        return call(c, c.receiver() != null ? c.receiver().text() : simple(c.owner()));
    }

    /** A name for a value of the type: PriceRule gives priceRule. */
    static String decapitalize(String simpleType) {
        String last = simpleType.substring(simpleType.lastIndexOf('.') + 1);
        return Character.toLowerCase(last.charAt(0)) + last.substring(1);
    }

    /** Whether a type belongs to the JDK (its calls are advised on only when the analyzed code declares the type). */
    static boolean jdk(String internal) {
        return dev.hoist.core.classes.JdkClasses.isJdk(internal);
    }

    /** A string as a Java string literal, escaped so that it compiles in the user's source. */
    static String javaLiteral(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}

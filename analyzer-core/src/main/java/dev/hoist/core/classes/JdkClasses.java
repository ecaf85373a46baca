package dev.hoist.core.classes;

import java.util.regex.Pattern;

/**
 * What Hoist knows of a class from its name alone, in one place: whether it belongs to the JDK
 * (nobody can edit it, so it is evidence and never advice), whether the JVM generated it at run
 * time (lambdas, proxies), and whether it is a hidden class whose bytes no class path or agent can
 * hand back. Every method takes binary names ({@code java.util.List}) and internal names
 * ({@code java/util/List}) alike, because recordings use the first and class files the second.
 */
public final class JdkClasses {
    private JdkClasses() {
    }

    private static final String[] JDK_PREFIXES = {
        "java.", "java/", "javax.", "javax/", "jdk.", "jdk/", "sun.", "sun/", "com.sun.", "com/sun/"};

    /** Whether the class is the JDK's: {@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.sun.}. */
    public static boolean isJdk(String name) {
        for (String p : JDK_PREFIXES) {
            if (name.startsWith(p)) return true;
        }
        return false;
    }

    /** Lambdas, proxies and hidden classes: named like {@code Foo$$Lambda$14/0x0000...} and never on disk. */
    public static boolean isGenerated(String name) {
        return name.contains("$$Lambda") || name.contains("/0x") || name.startsWith("jdk.proxy") || name.startsWith("jdk/proxy")
                || name.contains("$Proxy") || name.contains("$$");
    }

    private static final Pattern HIDDEN_SUFFIX = Pattern.compile("[/.]0x[0-9a-fA-F]+$");

    /**
     * Hidden classes carry their address in the name ({@code Foo$$Lambda/0x0000...}, or with a dot
     * in a recording); no class path or agent can hand back their bytes.
     */
    public static boolean isHidden(String name) {
        return name.contains("$$Lambda") || HIDDEN_SUFFIX.matcher(name).find();
    }
}

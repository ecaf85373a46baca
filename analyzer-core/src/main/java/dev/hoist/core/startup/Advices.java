package dev.hoist.core.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of each piece of startup advice: its title, what it does, and where to apply it (a
 * launcher script, {@code JAVA_TOOL_OPTIONS}, Maven or Gradle). The numbers come from the runs;
 * only the text is here. Each id has a page in {@code docs/startup/}.
 */
final class Advices {
    static final String APPCDS = "appcds";
    static final String AOT = "aot-cache";
    static final String C1 = "tiered-stop-at-level-1";
    static final String UNUSED_JARS = "unused-jars";
    static final String LAZY = "lazy-holder";

    /** A static initialiser is advised when it takes at least this share of the start... */
    static final double LAZY_SHARE = 0.05;
    /** ...and at least this many milliseconds. */
    static final double LAZY_MIN_MILLIS = 10;

    private Advices() {
    }

    static StartupAdvice of(String id, List<String> options, StartupAdvice.Measurement m, List<Path> unused, JavaCommand cmd) {
        String flags = String.join(" ", options);
        return switch (id) {
            case APPCDS -> new StartupAdvice(id, "AppCDS archive of the classes this start loads",
                    "An archive of the classes loaded up to the end point, parsed, verified and laid out as the JVM keeps them, "
                            + "is mapped at start instead of reading, parsing and verifying each class from its jar.",
                    m, -1, options, apply(flags, cmd.feature() >= 19
                            ? "JDK 19+: -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=app.jsa creates the archive on the first run and "
                            + "refreshes it when the JDK or class path changes"
                            : "make it once with a training run: java -XX:ArchiveClassesAtExit=app.jsa <the same command>"), null);
            case AOT -> new StartupAdvice(id, "AOT cache (JDK 24+): classes loaded and linked ahead of time",
                    "The JDK's ahead-of-time cache holds the classes loaded and linked, and the profiles the training run saw, "
                            + "so the JVM starts with them ready.",
                    m, -1, options, apply(flags, "make it once with a training run: java -XX:AOTCacheOutput=app.aot <the same command>"), null);
            case C1 -> new StartupAdvice(id, "C1 only (-XX:TieredStopAtLevel=1) for runs this short",
                    "Short runs end before C2's optimised code pays back its compile time; C1 alone compiles sooner and cheaper. "
                            + "Long-running programs lose peak speed with it: use it for CLIs, builds and tests, not servers.",
                    m, -1, options, apply(flags, null), null);
            case UNUSED_JARS -> new StartupAdvice(id, unused.size() + " jar" + (unused.size() == 1 ? "" : "s")
                    + " on the class path of which no class was loaded",
                    "No class was loaded from " + String.join(", ", unused.stream().map(p -> p.getFileName().toString()).toList())
                            + " up to the end point. The JVM opens every jar of the class path it searches, and frameworks scan them; "
                            + "take them off the class path if no later path needs them (the measured runs left them out).",
                    m, -1, List.of(), List.of("take them out of -cp / the manifest's Class-Path / the dependency list (Maven: <scope>test</scope> "
                            + "or remove the dependency; Gradle: move it out of runtimeClasspath)"), null);
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static List<String> apply(String flags, String first) {
        List<String> out = new ArrayList<>();
        if (first != null) {
            out.add(first);
        }
        out.add("launcher script: java " + flags + " ...");
        out.add("environment: JAVA_TOOL_OPTIONS=\"" + flags + "\" (every JVM of that shell, the JVM says so on stderr)");
        out.add("Maven: <argLine>" + flags + "</argLine> (surefire) or the exec plugin's <arguments>; "
                + "Gradle: application { applicationDefaultJvmArgs = ['" + flags.replace(" ", "', '") + "'] }");
        return out;
    }

    /** A lazy holder for each of the program's static initialisers that takes a noticeable part of the start. */
    static List<StartupAdvice> lazyHolders(StartupBreakdown b) {
        List<StartupAdvice> out = new ArrayList<>();
        for (StartupBreakdown.Clinit c : b.clinits()) {
            if (jdk(c.className()) || c.millis() < LAZY_MIN_MILLIS || c.millis() < LAZY_SHARE * b.wallMillis()) {
                continue;
            }
            String simple = c.className().substring(c.className().lastIndexOf('.') + 1).replace('$', '.');
            String summary = String.format(Locale.ROOT, "The static initialiser of %s ran for about %.0f ms of the start (%d samples, "
                            + "%.0f%% of %.0f ms)%s. It runs on the first use of the class, whether or not that use needs what it builds; "
                            + "moved into a holder class it runs on the first call that needs it, or never.",
                    c.className(), c.millis(), c.samples(), 100 * c.millis() / Math.max(1, b.wallMillis()), b.wallMillis(),
                    c.hottestCallee() == null ? "" : ", most of it in " + c.hottestCallee());
            String code = "before:\n"
                    + "  class " + simple + " {\n"
                    + "      static final Table TABLE = build();          // runs when " + simple + " is first used\n"
                    + "      static Table table() { return TABLE; }\n"
                    + "  }\n"
                    + "after:\n"
                    + "  class " + simple + " {\n"
                    + "      private static final class Holder {          // initialised on the first table() call only\n"
                    + "          static final Table TABLE = build();\n"
                    + "      }\n"
                    + "      static Table table() { return Holder.TABLE; }\n"
                    + "  }";
            out.add(new StartupAdvice(LAZY, "a lazy holder for the static initialiser of " + c.className(), summary, null, c.millis(),
                    List.of(), List.of("in the code of " + c.className() + ": move the costly static fields into a nested holder class "
                            + "(the JVM initialises it on first access, thread-safely, with no lock after that)"), code));
        }
        return out;
    }

    private static boolean jdk(String cls) {
        return cls.startsWith("java.") || cls.startsWith("javax.") || cls.startsWith("jdk.") || cls.startsWith("sun.")
                || cls.startsWith("com.sun.");
    }
}

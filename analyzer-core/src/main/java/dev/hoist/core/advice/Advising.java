package dev.hoist.core.advice;

import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.classes.LayeredLookup;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Advice for a recording the way every face asks for it: the hot classes' bytes from a class path
 * (the target's, read through attach, or the user's), the JDK's {@code jrt:}, and for the hot
 * classes on no path, from a {@link MissingClasses} source such as the class-bytes agent in the
 * live target. Shared by the CLI's report, profile and demo and by the window, so the advice for one
 * recording is the same whichever face shows it.
 */
public final class Advising {
    private Advising() {
    }

    /**
     * Where the bytes of hot classes that are on no path can still be had: the live target, through
     * Hoist's class-bytes agent. Given the binary names the class path lacks, it returns a lookup
     * with their bytes and a reason for each it could not get.
     */
    @FunctionalInterface
    public interface MissingClasses {
        ClassLookup fetch(List<String> binaryNames);
    }

    /**
     * Advises once. Class path entries that do not exist are passed to {@code warnings} and
     * skipped, as the JVM skips them; {@code memory} may be null (nobody to ask), {@code cache} may
     * be null (nothing kept between calls).
     *
     * @param classPath jars and folders separated by the platform's path separator; blank for JDK classes only
     */
    public static AdviceReport advise(Profile profile, String classPath, Advisor.Options options, List<Rule> rules,
                                      Consumer<String> warnings, MissingClasses memory, Advisor.FindingsCache cache) {
        ClassPath.Builder b = ClassPath.builder().problems(p -> warnings.accept(p.toString()));
        boolean given = classPath != null && !classPath.isBlank();
        if (given) {
            b.addClassPath(classPath);
        }
        try (ClassPath cp = b.build()) {
            Advisor.Options o = options.missingHint().isEmpty()
                    ? options.withMissingHint(given ? "is it on --classpath?" : "pass --classpath") : options;
            ClassLookup lookup = cp;
            if (memory != null) {
                List<String> missing = new ArrayList<>();
                for (String c : new Advisor(cp, rules, o).hotClasses(profile)) {
                    if (cp.classBytes(c.replace('.', '/')).isEmpty()) {
                        missing.add(c);
                    }
                }
                if (!missing.isEmpty()) {
                    lookup = new LayeredLookup(cp, memory.fetch(missing));
                }
            }
            // sources: the folders given, then what sits beside the class path (a -sources.jar, a Maven or Gradle project)
            return new Advisor(lookup, rules, o).withCache(cache)
                    .withSources(dev.hoist.core.classes.SourceFiles.of(o.sourceDirs(), given ? classPath : null))
                    .advise(profile);
        }
    }
}

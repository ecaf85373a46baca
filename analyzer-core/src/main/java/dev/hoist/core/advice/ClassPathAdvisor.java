package dev.hoist.core.advice;

import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.classes.LayeredLookup;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Rule;

import java.nio.file.Path;
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
public final class ClassPathAdvisor {
    private ClassPathAdvisor() {
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
     * skipped, as the JVM skips them; {@code memory} may be null (nobody to ask).
     *
     * @param classPath jars and folders separated by the platform's path separator; blank for JDK classes only
     */
    public static AdviceReport advise(Profile profile, String classPath, Advisor.Options options, List<Rule> rules,
                                      Consumer<String> warnings, MissingClasses memory) {
        try (Cached once = new Cached()) {
            return once.advise(profile, classPath, options, rules, warnings, memory);
        }
    }

    /**
     * Advice asked for again and again on one target (the window re-ranks every second while it
     * samples): the class path is indexed, the sources are looked up and each class is analyzed
     * once, and kept until the class path or the source folders change. Only the costs are
     * measured anew. Thread-safe (one advice at a time); close it to release the class path's jars.
     */
    public static final class Cached implements AutoCloseable {
        private String key;
        private ClassPath classPath;
        private SourceFiles sources;
        private FindingsCache findings;

        /** As {@link ClassPathAdvisor#advise}, reusing what was built for the same class path and source folders. */
        public synchronized AdviceReport advise(Profile profile, String classPath, Advisor.Options options, List<Rule> rules,
                                                Consumer<String> warnings, MissingClasses memory) {
            boolean given = classPath != null && !classPath.isBlank();
            prepare(given ? classPath : "", options.sourceDirs());
            if (this.classPath == null) {
                ClassPath.Builder b = ClassPath.builder().problems(p -> warnings.accept(p.toString()));
                if (given) {
                    b.addClassPath(classPath);
                }
                this.classPath = b.build();
            }
            Advisor.Options o = options.missingHint().isEmpty()
                    ? options.withMissingHint(given ? "is it on --classpath?" : "pass --classpath") : options;
            ClassLookup lookup = this.classPath;
            if (memory != null) {
                List<String> missing = new ArrayList<>();
                for (String c : new Advisor(this.classPath, rules, o).hotClasses(profile)) {
                    if (this.classPath.classBytes(c.replace('.', '/')).isEmpty()) {
                        missing.add(c);
                    }
                }
                if (!missing.isEmpty()) {
                    lookup = new LayeredLookup(this.classPath, memory.fetch(missing));
                }
            }
            return new Advisor(lookup, rules, o).withCache(findings).withSources(sources).advise(profile);
        }

        /**
         * The sources for {@code classPath} and {@code sourceDirs}: the folders given, then what sits
         * beside the class path (a -sources.jar, a Maven or Gradle project). The same instance, with
         * the files it has read, as long as neither changes.
         */
        public synchronized SourceFiles sources(String classPath, List<Path> sourceDirs) {
            prepare(classPath == null || classPath.isBlank() ? "" : classPath, sourceDirs);
            return sources;
        }

        /**
         * Starts anew when the class path or the source folders changed: the class path is then
         * indexed again by the next advice, the sources looked up again.
         */
        private void prepare(String cp, List<Path> sourceDirs) {
            String k = cp + '\u0000' + sourceDirs;
            if (k.equals(key)) {
                return;
            }
            close();
            sources = SourceFiles.of(sourceDirs, cp.isEmpty() ? null : cp);
            // findings carry fixes from the sources and facts from the class path: analyzed anew
            findings = new FindingsCache();
            key = k;
        }

        @Override
        public synchronized void close() {
            if (classPath != null) {
                classPath.close();
            }
            classPath = null;
            key = null;
        }
    }
}

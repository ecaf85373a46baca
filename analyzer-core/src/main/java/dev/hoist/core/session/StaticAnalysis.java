package dev.hoist.core.session;

import dev.hoist.core.classes.ClassFile;
import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Static findings for jars, class folders or class files, without a profile: the one way
 * {@code hoist analyze} and the window's analysis do it. The inputs are read once (the class path
 * index hands their class files to the rules as it reads them), the libraries on {@code classPath}
 * are read to size callees and count implementations, not reported on, and the rules run on
 * several threads. Classes are read as bytes, never loaded. A bad entry is met twice (indexing,
 * then analyzing) and said once in {@link Result#problems()}; the rest is analyzed.
 */
public final class StaticAnalysis {

    /**
     * The findings (sorted by class, line and rule), one line per input problem, each said once, the
     * classes the inputs use that were on no path (sorted, dotted), and the classes read from the
     * inputs (sorted, dotted; the libraries on the class path are not among them), so a caller that
     * needs to know which code is the user's does not index the inputs again.
     */
    public record Result(List<Finding> findings, List<String> problems, int classes, int methodsWithLoops,
                         List<String> missingClasses, NavigableSet<String> classNames) {
        public Result {
            findings = List.copyOf(findings);
            problems = List.copyOf(problems);
            missingClasses = List.copyOf(missingClasses);
            classNames = Collections.unmodifiableNavigableSet(new TreeSet<>(classNames));
        }

        /**
         * One line naming what was missing and what it means for the findings, or empty: "3 classes the
         * analyzed code uses are on no path (com.acme.Flag, ...)".
         */
        public java.util.Optional<String> missingNote() {
            if (missingClasses.isEmpty()) return java.util.Optional.empty();
            int shown = Math.min(3, missingClasses.size());
            return java.util.Optional.of(missingClasses.size() + " class(es) the analyzed code uses are not on the class path ("
                    + String.join(", ", missingClasses.subList(0, shown)) + (missingClasses.size() > shown ? ", ..." : "")
                    + "): their fields count as possibly volatile and their methods as unknown calls, so less is advised; "
                    + "pass the jars they come from with --classpath");
        }
    }

    private StaticAnalysis() {
    }

    /** Threads for the rules when the user says nothing: the cores, at most 4 (two halve the time on two cores). */
    public static int defaultThreads() {
        return Math.min(4, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Analyses {@code inputs} with {@code rules}.
     *
     * @param classPath libraries the inputs call (path-separator-joined, {@code dir/*} for all jars in dir); null or blank for none
     * @param sources   where the findings' source lines and fixes come from
     */
    public static Result run(List<Path> inputs, String classPath, List<Rule> rules, SourceFiles sources, int threads) {
        Set<String> problems = new LinkedHashSet<>();
        List<Analysis.Input> toAnalyze = new ArrayList<>();
        NavigableSet<String> classNames = new TreeSet<>();
        ClassPath.Builder b = ClassPath.builder().problems(p -> problems.add(p.toString()));
        for (Path in : inputs) {
            b.add(in, (ClassFile cf) -> {
                toAnalyze.add(new Analysis.Input(cf.origin(), cf.bytes()));
                classNames.add(cf.internalName().replace('/', '.'));
            });
        }
        if (classPath != null && !classPath.isBlank()) {
            b.addClassPath(classPath);
        }
        Analysis.Result result;
        try (ClassPath cp = b.build()) {
            result = new Analysis(cp, rules, sources).threads(threads).analyzeInputs(toAnalyze);
        }
        // classes and methods the analysis skipped (a damaged jar's can be thousands): a few, then how many more
        List<String> skipped = result.problems();
        int shown = Math.min(skipped.size(), dev.hoist.core.classes.ProblemSink.SUMMARY_AFTER);
        problems.addAll(skipped.subList(0, shown));
        if (skipped.size() > shown) {
            problems.add("and " + (skipped.size() - shown) + " more classes or methods skipped like these");
        }
        return new Result(result.findings(), new ArrayList<>(problems), result.classes(), result.methodsWithLoops(),
                List.copyOf(result.missingClasses()), classNames);
    }

    /** As {@link #run(List, String, List, SourceFiles, int)}, with the sources in {@code sourceDirs}. */
    public static Result run(List<Path> inputs, String classPath, List<Rule> rules, List<Path> sourceDirs, int threads) {
        return run(inputs, classPath, rules, SourceFiles.of(sourceDirs), threads);
    }
}

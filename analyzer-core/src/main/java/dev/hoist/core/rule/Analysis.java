package dev.hoist.core.rule;

import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.facts.BytecodeOffsets;
import dev.hoist.core.facts.CalleeResolver;
import dev.hoist.core.facts.MethodFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * The analysis driver: class files in, findings out. Each class is parsed once, facts are computed
 * once per method and only for methods that can contain a loop, then every selected rule looks at
 * them. Classes that cannot be read are skipped and listed in {@link Result#problems()}, so one
 * corrupt class in a jar does not lose the findings of the others. Findings on a class or method
 * annotated {@code @SuppressHoist("rule-id")} (any package, CLASS or RUNTIME retention) are dropped.
 * With source directories, each finding also carries the loop's source lines.
 */
public final class Analysis {
    private final ClassLookup lookup;
    private final List<Rule> rules;
    private final SourceFiles sources;

    /** The order of {@link Result#findings()}: by class, line and rule. */
    public static final Comparator<Finding> ORDER =
            Comparator.comparing(Finding::className).thenComparingInt(Finding::line).thenComparing(Finding::rule);

    public Analysis(ClassLookup lookup, List<Rule> rules) {
        this(lookup, rules, List.of());
    }

    public Analysis(ClassLookup lookup, List<Rule> rules, List<Path> sourceDirs) {
        this(lookup, rules, SourceFiles.of(sourceDirs));
    }

    /** With the sources found by {@code sources}: findings then carry the loop's lines and fixes in the user's code. */
    public Analysis(ClassLookup lookup, List<Rule> rules, SourceFiles sources) {
        this.lookup = lookup;
        this.rules = List.copyOf(rules);
        this.sources = sources;
    }

    /**
     * The findings, sorted by class, line and rule, plus one line per class or method that could not be analyzed;
     * {@code facts} holds every method's facts when {@link #keepFacts} asked for them (else it is empty).
     */
    public record Result(List<Finding> findings, List<String> problems, int classes, int methodsWithLoops,
                         List<MethodFacts> facts, java.util.SortedSet<String> missingClasses) {
    }

    /** One class file to analyze and where it came from (a path, a jar entry), used in problem messages. */
    @SuppressWarnings("ArrayRecordComponent") // a carrier of bytes, never compared or used as a key
    public record Input(String origin, byte[] bytes) {
    }

    public Result analyze(Iterable<byte[]> classFiles) {
        List<Input> inputs = new ArrayList<>();
        for (byte[] b : classFiles) inputs.add(new Input(null, b));
        return analyzeInputs(inputs);
    }

    /**
     * Analyses on up to {@code n} threads (default 1). Each thread has its own
     * {@link CalleeResolver}; the lookup must then be thread-safe (ClassPath is). The result is the
     * same as on one thread: findings are sorted and problems keep the input order.
     */
    public Analysis threads(int n) {
        this.threads = Math.max(1, n);
        return this;
    }

    private int threads = 1;
    private boolean perCallBodies;

    /**
     * Also runs the rules on the whole body of each method without loops, as one region per call
     * ({@link dev.hoist.core.facts.Loop#isMethodBody()}): the advisor asks for this on hot classes, where
     * the profile then says which such methods run per iteration of a caller's loop.
     */
    public Analysis perCallBodies(boolean on) {
        this.perCallBodies = on;
        return this;
    }

    private boolean keepFacts;

    /**
     * Also returns the facts of every method analyzed ({@link Result#facts()}), not only those findings
     * point to: the advisor looks up callers' loops in them, so it never reads a class a second time.
     */
    public Analysis keepFacts(boolean on) {
        this.keepFacts = on;
        return this;
    }

    /** Classes handed to a thread at a time: large enough to share resolved callees, small enough to balance. */
    private static final int CHUNK = 48;

    private record Partial(List<Finding> findings, List<String> problems, int classes, int analyzed, List<MethodFacts> facts) {
    }

    public Result analyzeInputs(Iterable<Input> classFiles) {
        List<Input> all = new ArrayList<>();
        for (Input i : classFiles) all.add(i);
        int chunks = (all.size() + CHUNK - 1) / CHUNK;
        Partial[] parts = new Partial[chunks];
        // the classes the analyzed code used that were on no path, from every thread's resolver
        java.util.SortedSet<String> missing = java.util.Collections.synchronizedSortedSet(new java.util.TreeSet<>());
        int workers = Math.min(threads, chunks);
        if (workers <= 1) {
            CalleeResolver resolver = new CalleeResolver(lookup);
            for (int c = 0; c < chunks; c++) parts[c] = analyzeChunk(all.subList(c * CHUNK, Math.min(all.size(), (c + 1) * CHUNK)), resolver);
            missing.addAll(resolver.missingClasses());
        } else {
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] pool = new Thread[workers];
            for (int w = 0; w < workers; w++) {
                pool[w] = new Thread(() -> {
                    CalleeResolver resolver = new CalleeResolver(lookup);
                    try {
                        for (int c = next.getAndIncrement(); c < chunks && failure.get() == null; c = next.getAndIncrement()) {
                            parts[c] = analyzeChunk(all.subList(c * CHUNK, Math.min(all.size(), (c + 1) * CHUNK)), resolver);
                        }
                        missing.addAll(resolver.missingClasses());
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }, "hoist-analysis-" + w);
                pool[w].setDaemon(true);
                pool[w].start();
            }
            for (Thread t : pool) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("analysis interrupted", e);
                }
            }
            if (failure.get() instanceof RuntimeException re) throw re;
            if (failure.get() instanceof Error er) throw er;
            if (failure.get() != null) throw new IllegalStateException(failure.get());
        }
        List<Finding> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<MethodFacts> facts = new ArrayList<>();
        int classes = 0;
        int analyzed = 0;
        for (Partial p : parts) {
            facts.addAll(p.facts());
            findings.addAll(p.findings());
            problems.addAll(p.problems());
            classes += p.classes();
            analyzed += p.analyzed();
        }
        findings.sort(ORDER);
        java.util.SortedSet<String> missed;
        synchronized (missing) {
            missed = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(missing));
        }
        return new Result(List.copyOf(findings), List.copyOf(problems), classes, analyzed, List.copyOf(facts), missed);
    }

    private Partial analyzeChunk(List<Input> classFiles, CalleeResolver resolver) {
        // a chunk's findings depend on its classes only, not on which chunks its thread did before
        resolver.forgetWriteClosures();
        List<Finding> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<MethodFacts> kept = new ArrayList<>();
        int classes = 0;
        int analyzed = 0;
        for (Input input : classFiles) {
            byte[] bytes = input.bytes();
            ClassNode cn = new ClassNode();
            BytecodeOffsets offsets;
            try {
                new ClassReader(bytes).accept(cn, ClassReader.SKIP_FRAMES);
                offsets = BytecodeOffsets.read(bytes);
            } catch (RuntimeException e) {
                problems.add("skipped " + (input.origin() == null ? "a class file" : input.origin())
                        + ": not valid bytecode (" + e.getClass().getSimpleName() + ")");
                continue;
            }
            classes++;
            resolver.register(cn, bytes);
            for (MethodNode m : cn.methods) {
                boolean body = perCallBodies && m.instructions.size() > 0 && !m.name.equals("<clinit>");
                if (!body && !MethodFacts.mayHaveLoop(m)) continue;
                MethodFacts facts;
                try {
                    facts = MethodFacts.of(cn, m, offsets, resolver, body);
                } catch (AnalyzerException | RuntimeException e) {
                    problems.add("skipped " + cn.name.replace('/', '.') + "." + m.name + m.desc + ": " + e.getMessage());
                    continue;
                }
                if (keepFacts) kept.add(facts);
                if (facts.loops().isEmpty()) continue;
                analyzed++;
                Set<String> suppressed = suppressed(cn, m);
                Set<String> seen = new LinkedHashSet<>();
                for (Rule r : rules) {
                    if (suppressed.contains(r.id()) || suppressed.contains("all")) continue;
                    for (Finding f : r.check(facts)) {
                        // One finding per rule and line: the same pattern twice on a line is one piece of advice.
                        if (seen.add(f.rule() + ":" + f.line())) findings.add(withSource(cn, f));
                    }
                }
            }
        }
        return new Partial(findings, problems, classes, analyzed, kept);
    }

    private static Set<String> suppressed(ClassNode cn, MethodNode m) {
        Set<String> ids = new LinkedHashSet<>();
        collect(cn.visibleAnnotations, ids);
        collect(cn.invisibleAnnotations, ids);
        collect(m.visibleAnnotations, ids);
        collect(m.invisibleAnnotations, ids);
        return ids;
    }

    private static void collect(List<AnnotationNode> anns, Set<String> ids) {
        if (anns == null) return;
        for (AnnotationNode a : anns) {
            if (!isSuppressHoist(a.desc) || a.values == null) continue;
            for (int i = 0; i + 1 < a.values.size(); i += 2) {
                if (!"value".equals(a.values.get(i))) continue;
                Object v = a.values.get(i + 1);
                if (v instanceof String s) ids.add(s);
                else if (v instanceof List<?> list) for (Object o : list) ids.add(String.valueOf(o));
            }
        }
    }

    /** Any annotation whose simple name is SuppressHoist, nested or top-level, in any package. */
    private static boolean isSuppressHoist(String desc) {
        String name = desc.substring(1, desc.length() - 1);
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('$'));
        return name.substring(cut + 1).equals("SuppressHoist");
    }

    private Finding withSource(ClassNode cn, Finding f) {
        if (sources.isEmpty() || cn.sourceFile == null || f.firstLoopLine() <= 0) return f;
        List<String> lines = source(cn);
        if (lines.isEmpty()) return f;
        int from = Math.max(1, f.firstLoopLine());
        int to = Math.min(lines.size(), Math.max(f.lastLoopLine(), f.line()));
        List<String> loop = new ArrayList<>();
        for (int i = from; i <= to; i++) loop.add(lines.get(i - 1));
        return f.withSource(SourceFix.of(f.fix(), lines, f.firstLoopLine(), f.lastLoopLine(), f.line()), loop);
    }

    private List<String> source(ClassNode cn) {
        return sources.lines(cn.name.replace('/', '.'), cn.sourceFile).orElse(List.of());
    }

}

package dev.hoist.core.advice;

import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.facts.BytecodeOffsets;
import dev.hoist.core.facts.CalleeResolver;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.FrameType;
import dev.hoist.core.profile.MethodQuery;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.MethodStats;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.CostKind;
import dev.hoist.core.rule.Judgement;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The advisor: a recording joined to the loop rules. It picks the hot methods (see
 * {@link #hotMethods}), reads their classes' bytes from a {@link ClassLookup} (class path, jrt:,
 * or whatever the caller plugs in, such as an agent in the target), runs the rules on those
 * classes only through {@link Analysis}, measures each finding's loop in the profile
 * ({@link LoopCost}), lets {@link Evidence} raise or lower confidence, and ranks the result by
 * {@link #rankingShare}. Findings in loops the profile never saw are hidden unless
 * {@link Options#all()}. Analysed code is only read, never loaded.
 *
 * <pre>{@code
 * AdviceReport r = new Advisor(classPath, rules, Advisor.Options.defaults()).advise(profile);
 * }</pre>
 */
public final class Advisor {


    /**
     * @param kind         event kind the time shares are of; null picks the report's default (cpu, wall, ...)
     * @param coverage     share of samples the hot methods must hold (0.95)
     * @param maxMethods   cap on hot methods (200)
     * @param all          keep findings whose loop has no samples
     * @param missingHint  appended to "bytes not found" lines, e.g. "pass --classpath"; may be empty
     * @param sourceDirs   source roots for before/after code with real source lines; may be empty
     */
    public record Options(EventKind kind, double coverage, int maxMethods, boolean all, String missingHint,
                          List<Path> sourceDirs) {
        public Options {
            sourceDirs = List.copyOf(sourceDirs);
            missingHint = missingHint == null ? "" : missingHint;
        }

        public static Options defaults() {
            return new Options(null, 0.95, 200, false, "", List.of());
        }

        public Options withAll(boolean on) {
            return new Options(kind, coverage, maxMethods, on, missingHint, sourceDirs);
        }

        public Options withMissingHint(String hint) {
            return new Options(kind, coverage, maxMethods, all, hint, sourceDirs);
        }

        public Options withKind(EventKind k) {
            return new Options(k, coverage, maxMethods, all, missingHint, sourceDirs);
        }

        public Options withSourceDirs(List<Path> dirs) {
            return new Options(kind, coverage, maxMethods, all, missingHint, dirs);
        }
    }

    private final ClassLookup lookup;
    private final List<Rule> rules;
    private final Options options;
    private FindingsCache cache;
    private dev.hoist.core.classes.SourceFiles sources;

    /**
     * The static findings of classes already analysed, kept between calls by a caller that advises
     * on the same target again and again (the window re-ranks every second while sampling), so only
     * the costs are measured anew. Keyed by class name and a hash of the bytes, so a redefined class
     * is analysed again; the findings also depend on the class path (callees, implementations) and
     * the sources (fixes), so a cache serves one of each: {@link Advising.Repeated} starts a new one
     * when they change. Thread-safe.
     */
    public static final class FindingsCache {
        private final Map<String, List<Finding>> byClass = new java.util.concurrent.ConcurrentHashMap<>();

        List<Finding> get(String className, byte[] bytes) {
            return byClass.get(key(className, bytes));
        }

        void put(String className, byte[] bytes, List<Finding> findings) {
            byClass.put(key(className, bytes), List.copyOf(findings));
        }

        /** How many classes are cached. */
        public int size() {
            return byClass.size();
        }

        private static String key(String className, byte[] bytes) {
            return className + '#' + java.util.Arrays.hashCode(bytes) + '#' + bytes.length;
        }
    }

    /** Reuses and fills {@code cache} (null: none); returns this advisor. */
    public Advisor withCache(FindingsCache cache) {
        this.cache = cache;
        return this;
    }

    public Advisor(ClassLookup lookup, List<Rule> rules, Options options) {
        this.lookup = lookup;
        this.rules = List.copyOf(rules);
        this.options = options;
        for (Rule r : rules) rulesById.put(r.id(), r);
    }

    private final Map<String, Rule> rulesById = new HashMap<>();

    /** What fixing an advice must save (of the time, or of the bytes) to be listed without --all. */
    static final double NEGLIGIBLE = 0.001;

    public AdviceReport advise(Profile profile) {
        EventKind kind = options.kind() != null ? options.kind() : timeKind(profile);
        List<MethodRef> hot = hotMethods(profile, kind, options.coverage(), options.maxMethods());

        // one class read per hot class; JDK classes are evidence (callees), never advice: nobody can edit them
        Map<String, List<MethodRef>> byClass = new LinkedHashMap<>();
        for (MethodRef m : hot) {
            if (!isPlatformClass(m.className())) byClass.computeIfAbsent(m.className(), c -> new ArrayList<>()).add(m);
        }
        List<String> analysed = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        if (!hasBytecodeIndexes(profile)) {
            unavailable.add("all methods: the recording has no bytecode indexes (collapsed stacks?), so no sample can be placed "
                    + "in a loop; record a .jfr with async-profiler or the JDK");
        }
        List<Analysis.Input> inputs = new ArrayList<>();
        Map<String, byte[]> bytesByClass = new HashMap<>();
        for (Map.Entry<String, List<MethodRef>> e : byClass.entrySet()) {
            String internal = e.getKey().replace('.', '/');
            // a proxy or CGLIB class may still come from an agent in the target; hidden classes never can
            Optional<byte[]> bytes = hidden(e.getKey()) ? Optional.empty() : lookup.classBytes(internal);
            if (bytes.isEmpty()) {
                String why = lookup.whyMissing(internal).orElseGet(() -> generated(e.getKey())
                        ? "generated at run time (lambda, proxy or hidden class); its bytes are not on disk"
                        : "class bytes not found on the class path or in the JDK"
                          + (options.missingHint().isEmpty() ? "" : " (" + options.missingHint() + ")"));
                for (MethodRef m : e.getValue()) {
                    String line = m.displayName() + ": " + why;
                    // overloads share a display name; one line per name is enough to say where we are blind
                    if (!unavailable.contains(line)) unavailable.add(line);
                }
                continue;
            }
            bytesByClass.put(e.getKey(), bytes.get());
            inputs.add(new Analysis.Input(e.getKey(), bytes.get()));
            for (MethodRef m : e.getValue()) analysed.add(m.toString());
        }

        List<Finding> findings = mergeSameLoop(staticFindings(inputs));
        Costs costs = new Costs(profile, kind);
        FactsCache facts = new FactsCache(lookup, bytesByClass);
        List<Advice> ranked = new ArrayList<>();
        int hidden = 0;
        int contradicted = 0;
        for (Finding f : findings) {
            Rule rule = rulesById.get(f.rule());
            boolean garbage = rule != null && rule.costKind() == CostKind.ALLOCATION;
            MethodQuery q = costs.query(f);
            BitSet loopBcis = bitSet(f.loopBcis());
            BitSet siteBcis = f.siteBcis().length > 0 ? bitSet(f.siteBcis()) : loopBcis;
            LoopCost loopCost = costs.of(q, loopBcis);
            SiteCost site = costs.site(q, siteBcis, garbage, rule != null && rule.costKind() == CostKind.CALL_OVERHEAD);
            // a site is hot when the profile ran through it, even where what fixing it saves (a call's dispatch) drew nothing
            boolean ranHot = site.sampled() || costs.of(q, siteBcis).sampled();
            if (!ranHot && !options.all()) {
                hidden++;
                continue;
            }
            List<String> lines = new ArrayList<>();
            CallerLoop via = null;
            Confidence confidence = f.confidence();
            Judgement.Effect effect = Judgement.Effect.UNDECIDED;
            if (q == null || !ranHot) {
                lines.add(loopCost.sampled()
                        ? "not measured at the site: none of the loop's " + loopCost.inclusiveSamples() + " samples is at it, so it did not run hot"
                        : "the profile has no samples in this loop");
            } else {
                ProfileAtSite at = new ProfileAtSite(profile, kind, q, costs.methodRef(f), siteBcis, loopBcis, site, loopCost,
                        facts.of(f), costs.weights());
                lines.add(Measured.line(site, loopCost, at.loopFrameTypes(), rule != null && rule.costKind() == CostKind.CALL_OVERHEAD));
                if (isMethodBody(facts.of(f), f)) {
                    via = CallerLoop.of(profile, costs.weights(), costs.methodRef(f), siteBcis,
                            (m, bci) -> isPlatformClass(m.className()) ? null : facts.of(m.className(), m.name(), m.descriptor()));
                    if (via != null) lines.add(via.describe(site.samples()));
                }
                Judgement j = rule == null ? Judgement.undecided(confidence) : rule.judge(f, at);
                if (j.effect() == Judgement.Effect.CONTRADICTED && !options.all()) {
                    contradicted++;
                    continue;
                }
                confidence = j.confidence();
                effect = j.effect();
                lines.addAll(j.lines());
                String few = Measured.tooFew(site);
                if (few != null) {
                    lines.add(few);
                    if (confidence == Confidence.HIGH) confidence = Confidence.MEDIUM;
                }
            }
            Finding judged = f.judged(confidence, lines, f.message(), f.siteBcis(), f.score());
            ranked.add(new Advice(0, judged, loopCost, site, effect, confidence, lines, via));
        }
        // advice that can save less than a thousandth of the time, with no garbage to show either, is noise
        // beside the rest: counted, and shown with --all
        int negligible = 0;
        if (!options.all()) {
            List<Advice> kept = new ArrayList<>();
            for (Advice a : ranked) {
                if (a.site().totalSamples() > 0 && a.rankingShare() < NEGLIGIBLE && a.site().allocShare() < NEGLIGIBLE) negligible++;
                else kept.add(a);
            }
            ranked = kept;
        }
        ranked.sort(RANKING);
        List<Advice> out = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) out.add(ranked.get(i).ranked(i + 1));
        List<String> notices = new ArrayList<>(Notices.of(profile, kind));
        if (negligible > 0) {
            notices.add(negligible + " more finding(s) at sites that ran but where fixing would save under 0.1% of the time and "
                    + "allocate under 0.1% of the bytes (show them with --all)");
        }
        return new AdviceReport(out, analysed, unavailable, hidden, contradicted, notices);
    }

    /**
     * Where the analysed classes' sources are looked up (by default only {@link Options#sourceDirs()}):
     * findings in classes whose source is found show the loop's lines and fixes in that code.
     */
    public Advisor withSources(dev.hoist.core.classes.SourceFiles sources) {
        this.sources = sources;
        return this;
    }

    private dev.hoist.core.classes.SourceFiles sources() {
        return sources != null ? sources : dev.hoist.core.classes.SourceFiles.of(options.sourceDirs());
    }

    /** The rules' findings in the hot classes, from the cache where a class was analysed before. */
    private List<Finding> staticFindings(List<Analysis.Input> inputs) {
        if (cache == null) {
            return new Analysis(lookup, rules, sources()).perCallBodies(true).analyzeInputs(inputs).findings();
        }
        List<Finding> out = new ArrayList<>();
        List<Analysis.Input> fresh = new ArrayList<>();
        for (Analysis.Input in : inputs) {
            List<Finding> known = cache.get(in.origin(), in.bytes());
            if (known != null) out.addAll(known);
            else fresh.add(in);
        }
        if (!fresh.isEmpty()) {
            List<Finding> found = new Analysis(lookup, rules, sources()).perCallBodies(true).analyzeInputs(fresh).findings();
            Map<String, List<Finding>> byClass = new HashMap<>();
            for (Analysis.Input in : fresh) byClass.put(in.origin(), new ArrayList<>());
            for (Finding f : found) byClass.computeIfAbsent(f.className(), c -> new ArrayList<>()).add(f);
            for (Analysis.Input in : fresh) cache.put(in.origin(), in.bytes(), byClass.get(in.origin()));
            out.addAll(found);
        }
        // the order Analysis gives, so cached and fresh runs merge and rank identically
        out.sort(Analysis.ORDER);
        return out;
    }

    /** Whether the finding's region is its method's whole body (a method without loops, advised per call). */
    private static boolean isMethodBody(MethodFacts mf, Finding f) {
        if (mf == null || f.loopBcis().length == 0) return false;
        for (dev.hoist.core.facts.Loop l : mf.loops()) {
            if (l.isMethodBody() && l.firstBci() == f.loopBcis()[0]) return true;
        }
        return false;
    }

    /**
     * The order of the advice: what fixing it can save, highest first; advice whose cost the
     * profile says the JIT already removes (or that the profile contradicts) after all the rest;
     * then confidence, the rule's score, and place.
     */
    static final Comparator<Advice> RANKING = Comparator
            .comparingInt((Advice a) -> a.effect() == Judgement.Effect.JIT_REMOVES || a.effect() == Judgement.Effect.CONTRADICTED ? 1 : 0)
            .thenComparing(Comparator.comparingDouble(Advice::rankingShare).reversed())
            .thenComparing(Comparator.comparingInt((Advice a) -> a.confidence().ordinal()).reversed())
            .thenComparing(Comparator.comparingInt((Advice a) -> a.finding().score()).reversed())
            .thenComparing(a -> a.finding().className())
            .thenComparingInt(a -> a.finding().line());

    /**
     * One advice per allocation rule and loop: several findings of one such rule in one loop (three
     * substrings on three lines) are one change, so they are measured together: their sites are joined, and the
     * first one (by line) stays, its message naming the other lines.
     */
    List<Finding> mergeSameLoop(List<Finding> findings) {
        Map<String, List<Finding>> byLoop = new LinkedHashMap<>();
        for (Finding f : findings) {
            // calls are each their own change (two megamorphic calls are two rewrites): only the
            // garbage a loop makes in several places (three substrings) is one change, measured together
            Rule rule = rulesById.get(f.rule());
            boolean garbage = rule != null && rule.costKind() == CostKind.ALLOCATION;
            String key = f.className() + '.' + f.method() + f.descriptor() + '|' + f.rule() + '|'
                    + java.util.Arrays.toString(f.loopBcis()) + (garbage ? "" : "|" + f.line());
            byLoop.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        List<Finding> merged = new ArrayList<>(byLoop.size());
        for (List<Finding> group : byLoop.values()) {
            group.sort(Comparator.comparingInt(Finding::line));
            Finding f = group.get(0);
            if (group.size() == 1) {
                merged.add(f);
                continue;
            }
            String others = group.stream().skip(1).map(a -> Integer.toString(a.line())).distinct()
                    .collect(java.util.stream.Collectors.joining(", "));
            String message = others.isEmpty() ? f.message() : f.message() + " The same pattern is at line"
                    + (others.contains(",") ? "s " : " ") + others + " of this loop.";
            int[] site = group.stream().flatMapToInt(a -> java.util.Arrays.stream(a.siteBcis())).distinct().sorted().toArray();
            int score = group.stream().mapToInt(Finding::score).max().orElse(f.score());
            merged.add(f.judged(f.confidence(), f.evidence(), message, site, score));
        }
        return merged;
    }

    /**
     * The classes {@link #advise} will ask the lookup for: those of the hot methods, JDK classes
     * and hidden classes left out, as binary names ({@code com.acme.Foo$Bar}). A caller can fetch the ones missing from
     * disk (from an agent in the target) before advising.
     */
    public List<String> hotClasses(Profile profile) {
        EventKind kind = options.kind() != null ? options.kind() : timeKind(profile);
        Set<String> out = new LinkedHashSet<>();
        for (MethodRef m : hotMethods(profile, kind, options.coverage(), options.maxMethods())) {
            if (!isPlatformClass(m.className()) && !hidden(m.className())) out.add(m.className());
        }
        return List.copyOf(out);
    }

    /**
     * The hot methods: Java methods ordered by inclusive samples of {@code kind}, taken until the
     * taken methods' <em>self</em> samples reach {@code coverage} of all samples (or {@code max}
     * methods). Ordering by inclusive samples brings in the callers whose loops the time is spent
     * under (a loop calling {@code String.substring} has little self time); stopping on self
     * coverage ends the list once the places where samples land are covered. Methods holding
     * allocation samples are added the same way, so allocation-heavy loops are seen too.
     */
    public static List<MethodRef> hotMethods(Profile profile, EventKind kind, double coverage, int max) {
        Set<MethodRef> out = new LinkedHashSet<>();
        if (kind != null) take(profile, kind, coverage, max, out);
        if (profile.sampleCounts().containsKey(EventKind.ALLOC) && kind != EventKind.ALLOC) {
            take(profile, EventKind.ALLOC, coverage, max, out);
        }
        return List.copyOf(out);
    }

    private static void take(Profile profile, EventKind kind, double coverage, int max, Set<MethodRef> out) {
        MethodStats stats = MethodStats.of(profile, kind);
        long total = stats.grandTotal();
        if (total == 0) return;
        BitSet java = javaMethods(profile);
        long self = 0;
        for (MethodStats.MethodStat s : stats.byTotal()) {
            if (out.size() >= max || self >= coverage * total) break;
            // native and VM frames count toward coverage (they are where samples land) but have no bytecode
            self += s.self();
            if (java.get(s.methodIndex()) && !s.method().className().isEmpty()) out.add(s.method());
        }
    }

    private static boolean hasBytecodeIndexes(Profile profile) {
        for (int i = 0, n = profile.frameCount(); i < n; i++) {
            if (profile.frame(i).bci() >= 0) return true;
        }
        return profile.frameCount() == 0;
    }

    /** Methods seen in at least one Java frame (async-profiler names native frames by their library). */
    static BitSet javaMethods(Profile profile) {
        BitSet java = new BitSet(profile.methods().size());
        for (int i = 0, n = profile.frameCount(); i < n; i++) {
            var f = profile.frame(i);
            if (f.type().isJava() || f.type() == FrameType.UNKNOWN && f.method().className().contains(".")) {
                java.set(f.methodIndex());
            }
        }
        return java;
    }

    /**
     * Time samples on the garbage collector's threads: HotSpot names them "GC Thread#n", "G1 ...",
     * "ZWorker", "Shenandoah", "Parallel GC Threads"... The JDK's sampler records Java threads only,
     * so there this is 0 and allocation rules rank by their own time.
     */
    static long gcSamples(Profile profile, EventKind kind) {
        if (kind == null) return 0;
        boolean[] gc = new boolean[profile.threadCount()];
        for (int t = 0; t < gc.length; t++) {
            String n = profile.threadName(t);
            gc[t] = n != null && (n.startsWith("GC Thread") || n.startsWith("G1 ") || n.startsWith("ZWorker")
                    || n.startsWith("Z Driver") || n.startsWith("Shenandoah") || n.contains("GC Thread")
                    || n.startsWith("ParGC") || n.startsWith("Parallel GC"));
        }
        long sum = 0;
        for (int i = 0, n = profile.size(); i < n; i++) {
            if (profile.kind(i) == kind) {
                int t = profile.thread(i);
                if (t >= 0 && t < gc.length && gc[t]) sum += profile.weight(i);
            }
        }
        return sum;
    }

    /** The event kind time shares are measured in: cpu, then wall, sample, native; null if none. */
    static EventKind timeKind(Profile profile) {
        Map<EventKind, Long> counts = profile.sampleCounts();
        for (EventKind k : List.of(EventKind.CPU, EventKind.WALL, EventKind.SAMPLE, EventKind.NATIVE)) {
            if (counts.getOrDefault(k, 0L) > 0) return k;
        }
        return null;
    }

    static boolean isPlatformClass(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }

    /** Lambdas, proxies and hidden classes: named like {@code Foo$$Lambda$14/0x0000...} and never on disk. */
    static boolean generated(String className) {
        return className.contains("$$Lambda") || className.contains("/0x") || className.startsWith("jdk.proxy")
                || className.contains("$Proxy") || className.contains("$$");
    }

    private static final java.util.regex.Pattern HIDDEN_SUFFIX = java.util.regex.Pattern.compile("[/.]0x[0-9a-fA-F]+$");

    /**
     * Hidden classes carry their address in the name ({@code Foo$$Lambda/0x0000...}, or with a dot
     * in a recording); no class path or agent can hand back their bytes.
     */
    static boolean hidden(String className) {
        return className.contains("$$Lambda") || HIDDEN_SUFFIX.matcher(className).find();
    }

    private static BitSet bitSet(int[] bcis) {
        BitSet b = new BitSet();
        for (int i : bcis) b.set(i);
        return b;
    }

    /** Joins findings to the profile's methods and measures loops. */
    private static final class Costs {
        private final Profile profile;
        private final EventKind kind;
        private final long totalSamples;
        private final long totalAllocBytes;
        private final long gcSamples;
        private final Map<String, List<Integer>> methodsByName = new HashMap<>();
        private final Map<Integer, MethodQuery> queries = new HashMap<>();

        Costs(Profile profile, EventKind kind) {
            this.profile = profile;
            this.kind = kind;
            this.totalSamples = kind == null ? 0 : profile.sampleCounts().getOrDefault(kind, 0L);
            long bytes = 0;
            for (int i = 0, n = profile.size(); i < n; i++) {
                if (profile.kind(i) == EventKind.ALLOC) bytes += profile.weight(i);
            }
            this.totalAllocBytes = bytes;
            this.gcSamples = gcSamples(profile, kind);
            List<MethodRef> methods = profile.methods();
            for (int i = 0; i < methods.size(); i++) {
                MethodRef m = methods.get(i);
                methodsByName.computeIfAbsent(m.className() + "." + m.name(), k -> new ArrayList<>()).add(i);
            }
        }

        /** The profile's method for the finding: same descriptor, or the only one of that name when the sampler kept none. */
        MethodQuery query(Finding f) {
            List<Integer> candidates = methodsByName.getOrDefault(f.className() + "." + f.method(), List.of());
            Integer match = null;
            for (int i : candidates) {
                String d = profile.method(i).descriptor();
                if (d.equals(f.descriptor())) {
                    match = i;
                    break;
                }
                if (d.isEmpty() && candidates.size() == 1) match = i;
            }
            if (match == null) return null;
            return queries.computeIfAbsent(match, i -> MethodQuery.of(profile, profile.method(i)));
        }

        LoopCost of(MethodQuery q, BitSet bcis) {
            String kindId = kind == null ? "none" : kind.id();
            if (q == null) return new LoopCost(kindId, 0, 0, totalSamples, 0, 0, totalAllocBytes, gcSamples);
            long self = 0;
            long inclusive = 0;
            if (kind != null) {
                MethodQuery.LoopSamples s = q.samples(kind, bcis);
                self = s.self();
                inclusive = s.inclusive();
            }
            long allocSamples = 0;
            long allocBytes = 0;
            if (totalAllocBytes > 0) {
                for (MethodQuery.AllocStat a : q.allocationsByType(bcis)) {
                    allocSamples += a.samples();
                    allocBytes += a.bytes();
                }
            }
            return new LoopCost(kindId, self, inclusive, totalSamples, allocSamples, allocBytes, totalAllocBytes, gcSamples);
        }

        /** The site's own cost: the time samples and allocations at its bcis, with what they called. */
        SiteCost site(MethodQuery q, BitSet site, boolean garbage, boolean callOverhead) {
            LoopCost c = of(q, site);
            long samples = callOverhead && q != null && kind != null ? q.callOverhead(kind, site) : c.inclusiveSamples();
            // a call's overhead allocates nothing of its own: the callee's garbage is not what the fix removes
            return new SiteCost(c.kind(), samples, totalSamples, callOverhead ? 0 : c.allocSamples(), callOverhead ? 0 : c.allocBytes(),
                    totalAllocBytes, gcSamples, garbage);
        }

        /** The profile's name of the finding's method (with its descriptor when the sampler kept one). */
        MethodRef methodRef(Finding f) {
            MethodRef exact = new MethodRef(f.className(), f.method(), f.descriptor());
            return profile.methodIndex(exact) >= 0 ? exact : new MethodRef(f.className(), f.method(), "");
        }

        private long[] weights;

        /** Time-event weight per stack, for the callee and frame-type questions rules ask. */
        long[] weights() {
            if (weights == null && kind != null) {
                weights = new long[profile.stackCount()];
                for (int i = 0, n = profile.size(); i < n; i++) {
                    if (profile.kind(i) == kind) weights[profile.stack(i)] += profile.weight(i);
                }
            }
            return weights;
        }
    }

    /** Facts of the methods findings sit in, computed once per method, for call-site bcis and allocated types. */
    static final class FactsCache {
        private final CalleeResolver resolver;
        private final Map<String, byte[]> bytesByClass;
        private final Map<String, ClassNode> nodes = new HashMap<>();
        private final Map<String, BytecodeOffsets> offsets = new HashMap<>();
        private final Map<String, Optional<MethodFacts>> facts = new HashMap<>();

        FactsCache(ClassLookup lookup, Map<String, byte[]> bytesByClass) {
            this.resolver = new CalleeResolver(lookup);
            this.bytesByClass = bytesByClass;
        }

        MethodFacts of(Finding f) {
            return of(f.className(), f.method(), f.descriptor());
        }

        /** The facts of a method of an analysed class ({@code descriptor} may be empty: then the only method of that name). */
        MethodFacts of(String className, String method, String descriptor) {
            String key = className + "." + method + descriptor;
            return facts.computeIfAbsent(key, k -> compute(className, method, descriptor)).orElse(null);
        }

        private Optional<MethodFacts> compute(String className, String method, String descriptor) {
            byte[] bytes = bytesByClass.get(className);
            if (bytes == null) return Optional.empty();
            ClassNode cn = nodes.computeIfAbsent(className, c -> {
                ClassNode n = new ClassNode();
                new ClassReader(bytes).accept(n, ClassReader.SKIP_FRAMES);
                resolver.register(n, bytes);
                offsets.put(c, BytecodeOffsets.read(bytes));
                return n;
            });
            MethodNode found = null;
            for (MethodNode m : cn.methods) {
                if (!m.name.equals(method)) continue;
                if (m.desc.equals(descriptor)) {
                    found = m;
                    break;
                }
                if (descriptor.isEmpty()) {
                    if (found != null) return Optional.empty(); // overloads: the profile does not say which
                    found = m;
                }
            }
            if (found == null) return Optional.empty();
            try {
                // the same regions the rules saw: a method without loops is one region per call
                return Optional.of(MethodFacts.of(cn, found, offsets.get(className), resolver, true));
            } catch (Exception e) {
                return Optional.empty();
            }
        }
    }
}

package dev.hoist.core.advice;

import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.classes.JdkClasses;
import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodQuery;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.CostKind;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Judgement;
import dev.hoist.core.rule.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The advisor: a recording joined to the loop rules. It picks the hot methods ({@link HotMethods}),
 * reads their classes' bytes from a {@link ClassLookup} (class path, jrt:, or whatever the caller
 * plugs in, such as an agent in the target), runs the rules on those classes only through
 * {@link Analysis}, measures each finding at its site and its loop ({@link ProfileCosts}), lets the
 * rule judge it against the profile at the site, and ranks the result by what fixing it can save
 * ({@link Ranking}). Findings at sites the profile never saw are hidden unless {@link Options#all()}.
 * Analyzed code is only read, never loaded; each class is read once, and its findings keep their facts.
 *
 * <pre>{@code
 * AdviceReport r = new Advisor(classPath, rules, Advisor.Options.defaults()).advise(profile);
 * }</pre>
 */
public final class Advisor {

    /**
     * What an analysis reports and where it looks.
     *
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
    private final Map<String, Rule> rulesById = new HashMap<>();
    private FindingsCache cache;
    private SourceFiles sources;

    public Advisor(ClassLookup lookup, List<Rule> rules, Options options) {
        this.lookup = lookup;
        this.rules = List.copyOf(rules);
        this.options = options;
        for (Rule r : rules) rulesById.put(r.id(), r);
    }

    /** Reuses and fills {@code cache} (null: none); returns this advisor. */
    public Advisor withCache(FindingsCache cache) {
        this.cache = cache;
        return this;
    }

    /**
     * Where the analyzed classes' sources are looked up (by default only {@link Options#sourceDirs()}):
     * findings in classes whose source is found show the loop's lines and fixes in that code.
     */
    public Advisor withSources(SourceFiles sources) {
        this.sources = sources;
        return this;
    }

    public AdviceReport advise(Profile profile) {
        EventKind kind = options.kind() != null ? options.kind() : HotMethods.timeKind(profile);
        List<MethodRef> hot = HotMethods.of(profile, kind, options.coverage(), options.maxMethods());

        // one class read per hot class; JDK classes are evidence (callees), never advice: nobody can edit them
        Map<String, List<MethodRef>> byClass = new LinkedHashMap<>();
        for (MethodRef m : hot) {
            if (!JdkClasses.isJdk(m.className())) byClass.computeIfAbsent(m.className(), c -> new ArrayList<>()).add(m);
        }
        List<String> analyzed = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        if (!HotMethods.haveBytecodeIndexes(profile)) {
            unavailable.add("all methods: the recording has no bytecode indexes (collapsed stacks?), so no sample can be placed "
                    + "in a loop; record a .jfr with async-profiler or the JDK");
        }
        List<Analysis.Input> inputs = new ArrayList<>();
        for (Map.Entry<String, List<MethodRef>> e : byClass.entrySet()) {
            String internal = e.getKey().replace('.', '/');
            // a proxy or CGLIB class may still come from an agent in the target; hidden classes never can
            Optional<byte[]> bytes = JdkClasses.isHidden(e.getKey()) ? Optional.empty() : lookup.classBytes(internal);
            if (bytes.isEmpty()) {
                String why = lookup.whyMissing(internal).orElseGet(() -> JdkClasses.isGenerated(e.getKey())
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
            inputs.add(new Analysis.Input(e.getKey(), bytes.get()));
            for (MethodRef m : e.getValue()) analyzed.add(m.toString());
        }

        FindingsCache.Entry found = staticFindings(inputs);
        MethodFactsIndex facts = new MethodFactsIndex(found.facts());
        ProfileCosts costs = new ProfileCosts(profile, kind);
        List<Advice> ranked = new ArrayList<>();
        int hidden = 0;
        int contradicted = 0;
        int negligible = 0;
        for (Finding f : Ranking.mergeSameLoop(found.findings(), rulesById)) {
            Advice a = measure(f, profile, kind, costs, facts);
            if (a == null) {
                hidden++;
            } else if (a.effect() == Judgement.Effect.CONTRADICTED && !options.all()) {
                contradicted++;
            } else if (!options.all() && Ranking.negligible(a)) {
                // advice that can save less than a thousandth of the time, with no garbage to show either, is noise
                // beside the rest: counted, and shown with --all
                negligible++;
            } else {
                ranked.add(a);
            }
        }
        ranked.sort(Ranking.ORDER);
        List<Advice> out = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) out.add(ranked.get(i).ranked(i + 1));
        List<String> notices = new ArrayList<>(Notices.of(profile, kind, out));
        if (negligible > 0) {
            notices.add(negligible + " more finding(s) at sites that ran but where fixing would save under 0.1% of the time and "
                    + "allocate under 0.1% of the bytes (show them with --all)");
        }
        String small = Ranking.allSmall(out);
        if (small != null) notices.add(0, small);
        String wall = HotMethods.wallNotice(profile, kind);
        if (wall != null) notices.add(0, wall);
        return new AdviceReport(out, analyzed, unavailable, hidden, contradicted, notices);
    }

    /**
     * One finding measured at its site and its loop and judged by its rule against the profile there;
     * null when the site did not run hot (unless {@link Options#all()}).
     */
    private Advice measure(Finding f, Profile profile, EventKind kind, ProfileCosts costs, MethodFactsIndex facts) {
        Rule rule = rulesById.get(f.rule());
        CostKind costKind = rule == null ? CostKind.TIME : rule.costKind(f);
        MethodQuery q = costs.query(f);
        BitSet loopBcis = bitSet(f.loopBcis());
        BitSet siteBcis = f.siteBcis().length > 0 ? bitSet(f.siteBcis()) : loopBcis;
        LoopCost loopCost = costs.of(q, loopBcis);
        SiteCost site = costs.site(q, siteBcis, costKind, costKind == CostKind.RESULT_ALLOCATION ? resultType(f) : null,
                rule == null ? null : rule.savedPart(f));
        // a site is hot when the profile ran through it, even where what fixing it saves (a call's dispatch) drew nothing
        LoopCost atSite = costs.of(q, siteBcis); // everything at the site's bcis, callees included
        boolean ranHot = site.sampled() || atSite.sampled();
        if (!ranHot && !options.all()) return null;
        List<String> lines = new ArrayList<>();
        CallerLoop via = null;
        Confidence confidence = f.confidence();
        Judgement.Effect effect = Judgement.Effect.UNDECIDED;
        Finding shown = f;
        if (q == null || !ranHot) {
            lines.add(loopCost.sampled()
                    ? "not measured at the site: none of the loop's " + loopCost.inclusiveSamples() + " samples is at it, so it did not run hot"
                    : "the profile has no samples in this loop");
        } else {
            MethodFacts mf = f.facts() != null ? f.facts() : facts.of(f.className(), f.method(), f.descriptor());
            ProfileAtSite at = new ProfileAtSite(profile, kind, q, costs.methodRef(f), siteBcis, loopBcis, site, loopCost,
                    mf, costs.weights());
            lines.add(Measured.line(site, loopCost, at.loopFrameTypes(),
                    costKind == CostKind.CALL_OVERHEAD || costKind == CostKind.RESULT_ALLOCATION));
            if (f.region().map(dev.hoist.core.facts.Loop::isMethodBody).orElse(false)) {
                via = CallerLoop.of(profile, costs.weights(), costs.methodRef(f), siteBcis,
                        (m, bci) -> JdkClasses.isJdk(m.className()) ? null : facts.of(m.className(), m.name(), m.descriptor()));
                if (via != null) lines.add(via.describe(atSite.inclusiveSamples()));
            }
            Judgement j = rule == null ? Judgement.undecided(confidence) : rule.judge(f, at);
            // a fix the profile made exact replaces the rule's pattern (not a fix already written in the user's source)
            if (j.fix() != null && f.loopSource().isEmpty()) shown = f.withSource(j.fix(), f.loopSource());
            confidence = j.confidence();
            effect = j.effect();
            lines.addAll(j.lines());
            String few = Measured.tooFew(site);
            if (few != null) {
                lines.add(few);
                if (confidence == Confidence.HIGH) confidence = Confidence.MEDIUM;
            }
        }
        // measured, its severity is what fixing it saves here (as analyze --profile and SARIF say it), not the rule's guess
        int score = q != null && ranHot ? MeasuredFindings.score(site.savingShare(), effect) : Math.min(f.score(), 10);
        Finding judged = shown.judged(confidence, lines, f.message(), f.siteBcis(), score);
        return new Advice(0, judged, loopCost, site, effect, confidence, lines, via);
    }

    /** The binary name of the type the call at the finding's site returns, from its facts; null when unknown. */
    private static String resultType(Finding f) {
        MethodFacts facts = f.facts();
        if (facts == null || f.siteBcis().length != 1) return null;
        return facts.instructionAt(f.siteBcis()[0]) instanceof org.objectweb.asm.tree.MethodInsnNode m
                ? org.objectweb.asm.Type.getReturnType(m.desc).getClassName() : null;
    }

    private SourceFiles sources() {
        return sources != null ? sources : SourceFiles.of(options.sourceDirs());
    }

    /** The rules' findings in the hot classes and the facts of their methods, from the cache where a class was analyzed before. */
    private FindingsCache.Entry staticFindings(List<Analysis.Input> inputs) {
        List<Finding> findings = new ArrayList<>();
        List<MethodFacts> facts = new ArrayList<>();
        List<Analysis.Input> fresh = new ArrayList<>();
        for (Analysis.Input in : inputs) {
            FindingsCache.Entry known = cache == null ? null : cache.get(in.origin(), in.bytes());
            if (known == null) {
                fresh.add(in);
            } else {
                findings.addAll(known.findings());
                facts.addAll(known.facts());
            }
        }
        if (!fresh.isEmpty()) {
            Analysis.Result r = new Analysis(lookup, rules, sources()).perCallBodies(true).keepFacts(true).analyzeInputs(fresh);
            findings.addAll(r.findings());
            facts.addAll(r.facts());
            if (cache != null) {
                Map<String, List<Finding>> findingsOf = new HashMap<>();
                Map<String, List<MethodFacts>> factsOf = new HashMap<>();
                for (Finding f : r.findings()) findingsOf.computeIfAbsent(f.className(), c -> new ArrayList<>()).add(f);
                for (MethodFacts m : r.facts()) factsOf.computeIfAbsent(m.className().replace('/', '.'), c -> new ArrayList<>()).add(m);
                for (Analysis.Input in : fresh) {
                    cache.put(in.origin(), in.bytes(), new FindingsCache.Entry(findingsOf.getOrDefault(in.origin(), List.of()),
                            factsOf.getOrDefault(in.origin(), List.of())));
                }
            }
        }
        // the order Analysis gives, so cached and fresh runs merge and rank identically
        findings.sort(Analysis.ORDER);
        return new FindingsCache.Entry(findings, facts);
    }

    /**
     * The classes {@link #advise} will ask the lookup for: those of the hot methods, JDK classes
     * and hidden classes left out, as binary names ({@code com.acme.Foo$Bar}). A caller can fetch the ones missing from
     * disk (from an agent in the target) before advising.
     */
    public List<String> hotClasses(Profile profile) {
        EventKind kind = options.kind() != null ? options.kind() : HotMethods.timeKind(profile);
        Set<String> out = new LinkedHashSet<>();
        for (MethodRef m : HotMethods.of(profile, kind, options.coverage(), options.maxMethods())) {
            if (!JdkClasses.isJdk(m.className()) && !JdkClasses.isHidden(m.className())) out.add(m.className());
        }
        return List.copyOf(out);
    }

    private static BitSet bitSet(int[] bcis) {
        BitSet b = new BitSet();
        for (int i : bcis) b.set(i);
        return b;
    }
}

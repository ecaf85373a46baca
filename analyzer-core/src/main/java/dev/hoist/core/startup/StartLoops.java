package dev.hoist.core.startup;

import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.Advisor;
import dev.hoist.core.advice.ClassPathAdvisor;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.rule.Rule;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The loops that were hot during the start: Hoist's loop advisor, the same {@link ClassPathAdvisor}
 * call {@code hoist run} and {@code hoist report} make, on the sampled run's recording (the start
 * window, from the first instruction to the end point), with the program's own class path and
 * module path ({@link JavaCommand#codePath()}). The rules are handed in by the face; the program's
 * classes are read as bytes, never loaded.
 *
 * @param samples     the start window's cpu samples, all threads (the 100% of each advice's share)
 * @param javaSamples those whose running frame was Java code, interpreted or compiled
 * @param advice      the advisor's answer, ranked
 */
public record StartLoops(long samples, long javaSamples, AdviceReport advice) {
    /**
     * Java samples below which a start is too short for loop advice: the advisor wants about 20
     * samples at a site to rank it surely, and a start's Java time is spread over many methods.
     */
    public static final long ENOUGH_JAVA_SAMPLES = 100;

    /** How many advice items a startup report shows (the whole advice is {@code hoist run}'s). */
    public static final int TOP = 5;

    /** Advises on the sampled run's {@code profile}; warnings (missing class path entries) go to {@code warnings}. */
    static StartLoops advise(Profile profile, JavaCommand cmd, StartupBreakdown.CpuSplit cpu, List<Rule> rules,
                             Consumer<String> warnings) {
        String codePath = cmd.codePathString();
        Advisor.Options options = Advisor.Options.defaults()
                .withMissingHint(codePath.isEmpty() ? "the command has no class path" : "not on the program's class path");
        AdviceReport report = ClassPathAdvisor.advise(profile, codePath, options, rules, warnings, null);
        return new StartLoops(cpu.total(), cpu.interpreted() + cpu.compiled(), report);
    }

    /** Whether the start window has too few Java samples for its loop advice to be sure. */
    public boolean tooFew() {
        return javaSamples < ENOUGH_JAVA_SAMPLES;
    }

    /** The first {@link #TOP} advice items. */
    public List<Advice> top() {
        List<Advice> all = advice.advice();
        return all.size() > TOP ? all.subList(0, TOP) : all;
    }

    /**
     * What to say besides the items, in plain words: that the window has too few samples, or that
     * no loop is worth fixing and why; null when there are items and enough samples.
     */
    public String verdict() {
        String few = String.format(Locale.ROOT, "the start window has %,d cpu samples in Java code (%,d in all)", javaSamples, samples);
        boolean none = advice.advice().isEmpty();
        if (none && advice.methodsAnalysed().isEmpty() && advice.unavailable().isEmpty()) {
            // a longer run would not change this: JDK code is evidence, never advice
            return "none: the start's hot methods are all the JDK's, which the advice never asks you to change"
                    + (tooFew() ? "; and " + few + ", too few for loop advice anyway" : "");
        }
        if (tooFew()) {
            return "too few samples for loop advice: " + few + "; a loop needs about 20 at its site to be ranked surely, "
                    + "so sample a longer run with hoist run";
        }
        if (!none) {
            return null;
        }
        if (advice.methodsAnalysed().isEmpty()) {
            return "none: the bytecode of the program's hot methods could not be read (" + advice.unavailable().size()
                    + " methods, listed in the JSON report)";
        }
        return "none worth fixing: no rule matched a sampled loop of the " + advice.methodsAnalysed().size()
                + " hot methods of the program's own code";
    }
}

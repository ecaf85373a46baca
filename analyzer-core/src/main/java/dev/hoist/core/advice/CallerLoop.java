package dev.hoist.core.advice;

import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.profile.Frame;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.Profile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The loop a hot method's work is paid in, when the method itself has none: on the sampled stacks
 * through the finding's site, the nearest caller frame whose bytecode index sits in a natural loop
 * of its method. The advice then names both ends, the site where the waste is and the loop that
 * repeats it, with the chain of calls between them.
 *
 * @param className the caller's class
 * @param method    the caller's method
 * @param file      the caller's source file, or null
 * @param firstLine the loop's first source line
 * @param lastLine  the loop's last source line
 * @param chain     the calls from the loop down to the site's method, "Caller.run:44 > Helper.parse"
 * @param samples   the site's time samples that came through this loop
 */
public record CallerLoop(String className, String method, String file, int firstLine, int lastLine, String chain,
                         long samples) {

    /**
     * "called on every iteration of the loop at lines 40-52 of com.acme.Caller.run (Caller.java), through ...";
     * {@code siteSamples} counts what {@code samples} counts: the samples at the site with everything under it.
     */
    public String describe(long siteSamples) {
        return "called on every iteration of the loop at lines " + firstLine + "-" + lastLine + " of " + className + "."
                + method + (file == null ? "" : " (" + file + ")") + ", through " + chain + " (" + samples + " of the "
                + Math.max(samples, siteSamples) + " samples at the site, callees included, come through it)";
    }

    /**
     * The caller loop most of the site's samples came through, or null when no sampled caller frame
     * sits in a loop Hoist can read. {@code facts} gives a readable method's facts (null otherwise).
     */
    static CallerLoop of(Profile profile, long[] weights, MethodRef method, BitSet site,
                         BiFunction<MethodRef, Integer, MethodFacts> facts) {
        int m = profile.methodIndex(method);
        if (m < 0 || weights == null) return null;
        Map<String, long[]> acc = new HashMap<>();
        Map<String, CallerLoop> keys = new HashMap<>();
        for (int s : profile.stacksContaining(m)) {
            if (weights[s] == 0) continue;
            int[] frames = profile.stackFrames(s);
            int k = -1;
            for (int j = 0; j < frames.length; j++) {
                if (profile.frame(frames[j]).methodIndex() == m) {
                    k = j;
                    break;
                }
            }
            Frame own = profile.frame(frames[k]);
            if (own.bci() < 0 || !site.get(own.bci())) continue;
            List<String> chain = new ArrayList<>();
            chain.add(simple(own.method()));
            for (int j = k + 1; j < frames.length && j <= k + 8; j++) {
                Frame f = profile.frame(frames[j]);
                if (!f.type().isJava() || f.bci() < 0) continue;
                chain.add(0, simple(f.method()) + (f.line() > 0 ? ":" + f.line() : ""));
                MethodFacts cf = facts.apply(f.method(), f.bci());
                if (cf == null) continue;
                Loop loop = null;
                for (Loop l : cf.loops()) {
                    if (!l.isMethodBody() && l.containsBci(f.bci()) && (loop == null || l.depth() > loop.depth())) loop = l;
                }
                if (loop == null) continue;
                String key = f.method() + "@" + loop.firstBci();
                keys.putIfAbsent(key, new CallerLoop(f.method().className(), f.method().name(), cf.sourceFile(), loop.firstLine(),
                        loop.lastLine(), join(chain), 0));
                acc.computeIfAbsent(key, x -> new long[1])[0] += weights[s];
                break;
            }
        }
        String best = null;
        for (Map.Entry<String, long[]> e : acc.entrySet()) {
            if (best == null || e.getValue()[0] > acc.get(best)[0]) best = e.getKey();
        }
        if (best == null) return null;
        CallerLoop c = keys.get(best);
        return new CallerLoop(c.className(), c.method(), c.file(), c.firstLine(), c.lastLine(), c.chain(), acc.get(best)[0]);
    }

    /** The calls joined with " > ", a call repeated by recursion written once with its count: "Walker.next:13 (x4)". */
    static String join(List<String> chain) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < chain.size(); ) {
            int j = i;
            while (j + 1 < chain.size() && chain.get(j + 1).equals(chain.get(i))) j++;
            if (b.length() > 0) b.append(" > ");
            b.append(chain.get(i));
            if (j > i) b.append(" (x").append(j - i + 1).append(')');
            i = j + 1;
        }
        return b.toString();
    }

    private static String simple(MethodRef m) {
        String c = m.className();
        return c.substring(c.lastIndexOf('.') + 1) + "." + m.name();
    }
}

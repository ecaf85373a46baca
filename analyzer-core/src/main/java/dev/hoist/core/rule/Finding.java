package dev.hoist.core.rule;

import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import java.util.List;

/**
 * One reported problem: which rule, where (dotted class name, method, descriptor, source file and
 * line, the loop's source lines and its bytecode offsets so a profile can be joined to it later),
 * how bad ({@link Severity} from the rule's score, {@link Confidence}), and what to do (message,
 * mechanism, {@link Fix}). {@code siteBcis} are the bytecode offsets of the instructions whose
 * cost fixing the finding removes (the call, the load, the allocation): the profile measures the
 * finding there, and the loop is context. {@code evidence} is filled by the profile join;
 * {@code loopSource} holds the loop's source lines when sources were given. {@code facts} are the
 * bytecode facts the rule decided on, kept so that the advisor measures the finding without reading
 * its class again; null for a finding read back from a saved session. {@code insn} is the
 * instruction the rule reported (the one {@link #at} was given: the allocation, the call, the load),
 * an index into those facts' instructions, so a rule's judgement goes straight to what it decided
 * on; like the facts it is not saved, and it is -1 without them.
 */
@SuppressWarnings("ArrayRecordComponent") // findings are not compared as values (no sets or map keys of them)
public record Finding(String rule, String className, String method, String descriptor, String file, int line,
                      int[] loopLines, int[] loopBcis, int[] siteBcis, int score, Severity severity, Confidence confidence,
                      String message, String mechanism, Fix fix, List<String> evidence, List<String> loopSource,
                      @com.fasterxml.jackson.annotation.JsonIgnore MethodFacts facts,
                      @com.fasterxml.jackson.annotation.JsonIgnore int insn) {

    public Finding {
        evidence = List.copyOf(evidence);
        loopSource = List.copyOf(loopSource);
        siteBcis = siteBcis == null ? new int[0] : siteBcis;
        if (facts == null) insn = -1;
    }

    /** A finding without its facts (read back from a saved session, or made by hand). */
    public Finding(String rule, String className, String method, String descriptor, String file, int line,
                   int[] loopLines, int[] loopBcis, int[] siteBcis, int score, Severity severity, Confidence confidence,
                   String message, String mechanism, Fix fix, List<String> evidence, List<String> loopSource) {
        this(rule, className, method, descriptor, file, line, loopLines, loopBcis, siteBcis, score, severity, confidence,
                message, mechanism, fix, evidence, loopSource, null, -1);
    }

    /** A finding without a known site (read back from an older saved session): measured at its loop. */
    public Finding(String rule, String className, String method, String descriptor, String file, int line,
                   int[] loopLines, int[] loopBcis, int score, Severity severity, Confidence confidence,
                   String message, String mechanism, Fix fix, List<String> evidence, List<String> loopSource) {
        this(rule, className, method, descriptor, file, line, loopLines, loopBcis, new int[0], score, severity, confidence,
                message, mechanism, fix, evidence, loopSource);
    }

    /** The same finding with another confidence, evidence, message and site (the advisor's judgement and merges). */
    public Finding judged(Confidence c, List<String> ev, String msg, int[] site, int newScore) {
        return new Finding(rule, className, method, descriptor, file, line, loopLines, loopBcis, site, newScore,
                Severity.of(newScore), c, msg, mechanism, fix, ev, loopSource, facts, insn);
    }

    /** The region the finding sits in (a loop, or a method's body advised per call), if its facts were kept. */
    public java.util.Optional<Loop> region() {
        if (facts == null || loopBcis.length == 0) return java.util.Optional.empty();
        for (Loop l : facts.loops()) {
            if (java.util.Arrays.equals(l.bcis(), loopBcis)) return java.util.Optional.of(l);
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether the code the fix changes runs only when something fails: every instruction of the
     * site lies on an error path (see {@link MethodFacts#onErrorPath}). False when the facts are gone.
     */
    public boolean onErrorPath() {
        if (facts == null || siteBcis.length == 0) return false;
        for (int b : siteBcis) {
            if (!facts.onErrorPath(facts.indexAt(b))) return false;
        }
        return true;
    }

    /** Whether the finding's method runs once per class (see {@link MethodFacts#runsOnce}). */
    public boolean runsOnce() {
        return facts != null && facts.runsOnce();
    }

    public int firstLoopLine() {
        return loopLines.length > 0 ? loopLines[0] : -1;
    }

    public int lastLoopLine() {
        return loopLines.length > 1 ? loopLines[1] : -1;
    }

    public Finding withSource(Fix newFix, List<String> source) {
        return new Finding(rule, className, method, descriptor, file, line, loopLines, loopBcis, siteBcis, score, severity,
                confidence, message, mechanism, newFix, evidence, source, facts, insn);
    }

    /** Starts a finding for {@code rule} at instruction {@code insn} of {@code loop}. */
    public static Builder at(Rule rule, MethodFacts facts, Loop loop, int insn) {
        return new Builder(rule, facts, loop, insn);
    }

    /** Collects the parts of a finding; location comes from the facts. */
    public static final class Builder {
        private final Rule rule;
        private final MethodFacts facts;
        private final Loop loop;
        private final int insn;
        private int score = 50;
        private Confidence confidence = Confidence.MEDIUM;
        private String message = "";
        private Fix fix = new Fix("", "");
        private int line = -1;
        private int[] siteInsns;

        Builder(Rule rule, MethodFacts facts, Loop loop, int insn) {
            this.rule = rule;
            this.facts = facts;
            this.loop = loop;
            this.insn = insn;
        }

        public Builder score(int score) {
            this.score = Math.max(0, Math.min(100, score));
            return this;
        }

        public Builder confidence(Confidence c) {
            this.confidence = c;
            return this;
        }

        public Builder message(String m) {
            this.message = m;
            return this;
        }

        public Builder fix(String before, String after) {
            this.fix = new Fix(before, after, fix.expression(), fix.replacement());
            return this;
        }

        /**
         * The exact change in the flagged line, as rendered from the bytecode: where the source is
         * found and its line contains {@code expression}, the after code is that line with it replaced.
         */
        public Builder rewrite(String expression, String replacement) {
            this.fix = new Fix(fix.before(), fix.after(), expression, replacement);
            return this;
        }

        /**
         * The instructions whose cost the fix removes, when they are not just the reported one (the
         * fill calls in the loop for a collection created before it; every read of a field).
         */
        public Builder site(int... insns) {
            this.siteInsns = insns.clone();
            return this;
        }

        /** Reports on a different line than the instruction's (for example the allocation before the loop). */
        public Builder line(int line) {
            this.line = line;
            return this;
        }

        /**
         * Builds the finding. A loop in a static initializer (or a lambda javac made there) runs once per class and one in a
         * constructor once per object, so their score is lowered here for every rule alike, and
         * the message says why.
         */
        public Finding build() {
            int l = line > 0 ? line : facts.line(insn);
            int s = score;
            String m = message;
            if (facts.methodName().equals("<clinit>") || facts.methodName().startsWith("lambda$static$")) {
                // javac names a lambda written in a static initializer lambda$static$N.
                s = Math.min(s, 20);
                m += " This loop is in a static initializer" + (facts.methodName().startsWith("lambda") ? " (in a lambda made there)" : "")
                        + ", which runs once per class: it costs start-up time only.";
            } else if (facts.runsOnce()) {
                s = Math.min(s, 20);
                m += " This method is called only from the class's static initializer, which runs once per class: it costs "
                        + "start-up time only.";
            } else if (facts.methodName().equals("<init>")) {
                s = Math.max(0, s - 15);
                m += " This loop is in a constructor, which runs once per object: it matters only when many objects are built.";
            }
            int[] insnsAtSite = siteInsns != null ? siteInsns : new int[] {insn};
            if (java.util.Arrays.stream(insnsAtSite).allMatch(facts::onErrorPath)) {
                s = Math.min(s, 20);
                m += " This code is on an error path (it can only end in a throw), so it runs when something fails, not on "
                        + "every iteration.";
            }
            int[] site = java.util.Arrays.stream(insnsAtSite)
                    .map(facts::bci).filter(b -> b >= 0).distinct().sorted().toArray();
            return new Finding(rule.id(), facts.className().replace('/', '.'), facts.methodName(), facts.descriptor(),
                    facts.sourceFile(), l, new int[] {loop.firstLine(), loop.lastLine()}, loop.bcis(), site, s,
                    Severity.of(s), confidence, m, rule.mechanism(), fix, List.of(), List.of(), facts, insn);
        }
    }
}

package dev.hoist.rules;

import dev.hoist.core.facts.Allocation;
import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.facts.Uses;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.CostKind;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * An exception created per iteration: {@code new XxxException(...)} that is caught again inside the
 * loop or not thrown at all, and parsing inside a try whose NumberFormatException handler keeps the
 * loop going (exceptions as validation). A throw that leaves the loop runs once and is not reported.
 */
public final class ExceptionInLoopRule implements Rule {
    private static final String NFE = "java/lang/NumberFormatException";

    @Override
    public String id() {
        return "exception-in-loop";
    }

    @Override
    public String title() {
        return "An exception created on every iteration";
    }

    @Override
    public String mechanism() {
        return "A Throwable's constructor calls fillInStackTrace, which walks the whole stack of the thread and "
                + "records every frame: its cost grows with the stack depth and dwarfs the allocation. Used as control "
                + "flow (a parse that fails into a catch that continues the loop), that walk is paid per bad input; "
                + "C2 can elide it only when the throw and the catch are inlined into one compiled method.";
    }

    @Override
    public CostKind costKind() {
        return CostKind.TIME;
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            for (Allocation a : loop.allocations()) {
                if (a.array() || !throwable(facts, a.type())) continue;
                boolean thrown = a.uses().escapes().contains(Uses.Escape.THROWN);
                // a throw that leaves the loop happens once: the error path, not a per-iteration cost
                if (thrown && caughtInLoop(facts, loop, a.insn(), a.type()) == null) continue;
                String type = Names.simple(a.type());
                boolean every = a.everyIteration();
                out.add(Finding.at(this, facts, loop, a.insn())
                        .score(every ? 55 : 40)
                        .confidence(Confidence.MEDIUM)
                        .message("new " + type + "(...) is created" + (every ? " on every iteration" : " on some iterations (it is behind a branch)")
                                + " of the loop at lines " + loop.firstLine() + "-" + loop.lastLine()
                                + (thrown ? " and caught again inside the loop: exceptions as control flow" : "")
                                + "; its constructor fills in the stack trace, a walk of the whole thread stack. "
                                + "Test the condition instead of throwing, or, where an exception must carry the result, "
                                + "reuse one created before the loop or create it with writableStackTrace=false "
                                + "(the protected Throwable(message, cause, false, false) constructor).")
                        .fix("for (...) {\n    try {\n        if (bad(x)) throw new " + type + "(...);\n        use(x);\n    } catch ("
                                        + type + " e) {\n        skipped++;\n    }\n}",
                                "for (...) {\n    if (bad(x)) {\n        skipped++;\n        continue;\n    }\n    use(x);\n}")
                        .build());
            }
            for (CallSite c : loop.calls()) {
                String parse = parse(c);
                if (parse == null) continue;
                TryCatchBlockNode handler = caughtInLoop(facts, loop, c.insn(), NFE);
                if (handler == null) continue;
                boolean every = facts.everyIteration(loop, c.insn());
                String arg = c.arguments().isEmpty() || !c.arguments().get(0).nameable() ? "s" : c.arguments().get(0).text();
                String type = Names.simple(handler.type);
                out.add(Finding.at(this, facts, loop, c.insn())
                        .score(every ? 45 : 35)
                        .confidence(Confidence.MEDIUM)
                        .message(parse + " is tried on " + arg + (every ? " on every iteration" : " on some iterations")
                                + " of the loop at lines " + loop.firstLine() + "-" + loop.lastLine() + " and a " + type
                                + " handler inside the loop catches the failures: every input that is not a number costs a "
                                + "NumberFormatException with a filled-in stack trace. Check the text before parsing (a digit "
                                + "scan, or a parse that returns a sentinel) and keep the try only for what the check lets through.")
                        .fix("for (...) {\n    try {\n        sum += " + parse + "(" + arg + ");\n    } catch (" + type
                                        + " e) {\n        bad++;\n    }\n}",
                                "for (...) {\n    if (!isNumber(" + arg + ")) { // e.g. a loop over the chars: optional sign, then digits\n"
                                        + "        bad++;\n        continue;\n    }\n    sum += " + parse + "(" + arg + ");\n}")
                        .build());
            }
        }
        return out;
    }

    /** The display name of a parse that throws NumberFormatException on bad text, or null. */
    private static String parse(CallSite c) {
        if (c.isStatic() && c.descriptor().startsWith("(Ljava/lang/String;")) {
            if (c.is("java/lang/Integer", "parseInt") || c.is("java/lang/Long", "parseLong")
                    || c.is("java/lang/Double", "parseDouble") || c.is("java/lang/Float", "parseFloat")
                    || c.is("java/lang/Integer", "valueOf") || c.is("java/lang/Long", "valueOf")) {
                return Names.simple(c.owner()) + "." + c.name();
            }
        }
        if (c.is("java/math/BigDecimal", "<init>") && c.descriptor().startsWith("(Ljava/lang/String;")) return "new BigDecimal";
        return null;
    }

    /**
     * The try/catch block that covers {@code insn} with a handler inside {@code loop} catching
     * {@code type} or a supertype of it (or any type: finally and catch-all), or null when an exception
     * thrown there leaves the loop.
     */
    private static TryCatchBlockNode caughtInLoop(MethodFacts facts, Loop loop, int insn, String type) {
        var insns = facts.method().instructions;
        for (TryCatchBlockNode t : facts.method().tryCatchBlocks) {
            int start = insns.indexOf(t.start);
            int end = insns.indexOf(t.end);
            if (insn < start || insn >= end) continue;
            if (!loop.contains(insns.indexOf(t.handler))) continue;
            if (t.type == null || isSubclass(facts, type, t.type)) return t;
        }
        return null;
    }

    private static boolean throwable(MethodFacts facts, String type) {
        return isSubclass(facts, type, "java/lang/Throwable");
    }

    /** Whether {@code type} is {@code ancestor} or extends it, walking the superclasses the class path has. */
    private static boolean isSubclass(MethodFacts facts, String type, String ancestor) {
        String t = type;
        for (int depth = 0; t != null && depth < 32; depth++) {
            if (t.equals(ancestor)) return true;
            Optional<ClassNode> n = facts.resolver().classNode(t);
            if (n.isEmpty()) return false;
            t = n.get().superName;
        }
        return false;
    }

    /** The JDK methods that build an exception on a failed parse: what checking the text first saves. */
    private static final java.util.Set<String> EXCEPTION_MACHINERY = java.util.Set.of("java.lang.Throwable.fillInStackTrace",
            "java.lang.Throwable.<init>", "java.lang.Exception.<init>", "java.lang.RuntimeException.<init>",
            "java.lang.IllegalArgumentException.<init>", "java.lang.NumberFormatException.<init>",
            "java.lang.NumberFormatException.forInputString", "java.lang.ArithmeticException.<init>");

    /**
     * A parse tried in a try saves only the exceptions its failures build: the parse of the good
     * inputs stays (org.json tries {@code new BigDecimal} on text that is always a number, and its
     * whole cost had been claimed). An exception created in the loop is the site's whole cost.
     */
    @Override
    public dev.hoist.core.rule.SavedPart savedPart(Finding finding) {
        if (finding.insn() < 0) return null;
        return finding.facts().instruction(finding.insn()) instanceof org.objectweb.asm.tree.MethodInsnNode
                ? dev.hoist.core.rule.SavedPart.under(EXCEPTION_MACHINERY, 1.0) : null;
    }

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        for (dev.hoist.core.rule.SiteProfile.Alloc a : site.allocatingMethods()) {
            if (a.name().equals("java.lang.Throwable.fillInStackTrace") || a.name().equals("java.lang.Throwable.<init>")) {
                return dev.hoist.core.rule.Judgement.confirmed("exceptions were built at the site: " + Judge.simple(a.name()) + " ("
                        + a.samples() + " allocation samples)");
            }
        }
        for (dev.hoist.core.rule.SiteProfile.Callee k : site.callees()) {
            if ("java.lang.Throwable".equals(k.method().className()) || ("<init>".equals(k.method().name())
                    && k.method().className() != null && k.method().className().endsWith("Exception"))) {
                return dev.hoist.core.rule.Judgement.confirmed("exception construction sampled under the site (" + k.samples() + " samples)");
            }
        }
        long parsed = site.callees().stream().mapToLong(dev.hoist.core.rule.SiteProfile.Callee::samples).max().orElse(0);
        if (savedPart(finding) != null && parsed >= Judge.QUIET_SAMPLES) {
            return dev.hoist.core.rule.Judgement.contradicted("the parse ran in " + parsed + " samples at the site and built no "
                    + "exception: its inputs parse, so checking them first saves nothing");
        }
        return dev.hoist.core.rule.Judgement.undecided(finding.confidence());
    }
}

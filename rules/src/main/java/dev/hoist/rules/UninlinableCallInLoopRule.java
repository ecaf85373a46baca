package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.CalleeFacts;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;

/** A call in a loop to a method HotSpot will not inline: too big, native (JNI), or recursive. */
public final class UninlinableCallInLoopRule implements Rule {
    @Override
    public String id() {
        return "uninlinable-call-in-loop";
    }

    @Override
    public String title() {
        return "Call in a loop that the JIT will not inline";
    }

    @Override
    public String mechanism() {
        return "C2 inlines a hot callee only if its bytecode is at most FreqInlineSize (325 bytes); native methods "
                + "are never inlined (except JDK intrinsics) and recursion is inlined at most once. A call that is not "
                + "inlined costs a real call per iteration and hides the callee from loop optimisations: nothing is "
                + "hoisted across it, and objects passed to it escape.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            for (CallSite c : loop.calls()) {
                CalleeFacts k = c.callee();
                if (!k.readable() || jdk(c.owner())) continue;
                String why;
                int score;
                if (k.isNative()) {
                    why = "is a native (JNI) method: every call crosses the Java/native boundary and is never inlined";
                    score = 65;
                } else if (k.codeSize() > MethodFacts.FREQ_INLINE_SIZE) {
                    why = "is " + k.codeSize() + " bytes of bytecode, above HotSpot's FreqInlineSize of " + MethodFacts.FREQ_INLINE_SIZE
                            + ", so C2 will not inline it";
                    score = 50;
                } else if (k.recursive() && c.owner().equals(facts.className()) && c.name().equals(facts.methodName())
                        && c.descriptor().equals(facts.descriptor())) {
                    // The method calls itself from its loop: a tree or graph walk, where one real call per node is the design.
                    out.add(Finding.at(this, facts, loop, c.insn())
                            .score(20)
                            .confidence(Confidence.LOW)
                            .message(Names.simple(c.owner()) + "." + c.name() + "() calls itself from " + loop.where() + ": a recursive walk, where C2 inlines at most one level and every other "
                                    + "level is a real call. That is rarely the cost; only if the profile shows the call overhead, "
                                    + "replace the recursion with an explicit work stack.")
                            .fix("void walk(Node n) {\n    for (Node c : n.children) walk(c);\n}",
                                    "Deque<Node> work = new ArrayDeque<>(List.of(root));\nwhile (!work.isEmpty()) {\n    Node n = work.pop();\n    work.addAll(n.children);\n}")
                            .build());
                    continue;
                } else if (k.recursive()) {
                    why = "is recursive; C2 inlines a recursive call at most one level deep";
                    score = 40;
                } else {
                    continue;
                }
                String target = Names.simple(c.owner()) + "." + c.name() + "()";
                out.add(Finding.at(this, facts, loop, c.insn())
                        .score(score)
                        .confidence(Confidence.MEDIUM)
                        .message(target + " is called in " + loop.where() + " and "
                                + why + ". Move the loop into the callee (one call for the whole batch), or split the "
                                + "callee so its hot path is small.")
                        .fix("for (...) {\n    " + target.replace("()", "(item)") + ";\n}",
                                target.replace("()", "All(items)") + "; // the loop moves inside the callee")
                        .build());
            }
        }
        return out;
    }

    /**
     * JDK callees are left out: their hot natives are intrinsics (System.arraycopy, Math, nanoTime), and
     * the advice (move the loop into the callee, split it) is only actionable for the user's own code.
     */
    private static boolean jdk(String owner) {
        return dev.hoist.core.classes.JdkClasses.isJdk(owner);
    }

    @Override
    public dev.hoist.core.rule.CostKind costKind() {
        return dev.hoist.core.rule.CostKind.CALL_OVERHEAD;
    }

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        return Judge.realCall(finding, site, "");
    }
}

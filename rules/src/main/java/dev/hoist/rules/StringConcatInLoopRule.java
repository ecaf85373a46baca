package dev.hoist.rules;

import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.facts.StringConcat;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;

/** A String carried across iterations and extended with + or += (invokedynamic or StringBuilder chains). */
public final class StringConcatInLoopRule implements Rule {
    @Override
    public String id() {
        return "string-concat-in-loop";
    }

    @Override
    public String title() {
        return "String built with += across loop iterations";
    }

    @Override
    public String mechanism() {
        return "Strings are immutable: 's += x' allocates a new String and copies all of s every iteration, so "
                + "building a string of n parts costs O(n^2) copying. Neither makeConcatWithConstants nor the JIT "
                + "can reuse the buffer across iterations; one StringBuilder outside the loop can.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            if (loop.isMethodBody()) continue; // "before the loop" has no meaning inside one call
            for (StringConcat c : loop.concats()) {
                if (c.carriedVariable() == null) continue;
                String v = c.carriedVariable();
                String sb = v.startsWith("this.") ? v.substring(5) + "Builder" : v + "Builder";
                java.util.List<String> rest = new ArrayList<>(c.parts());
                rest.remove(v);
                String appends = rest.isEmpty() ? ".append(part)" : rest.stream().map(p -> ".append(" + p + ")").reduce("", String::concat);
                String expr = c.parts().isEmpty() ? v + " + part" : String.join(" + ", c.parts());
                out.add(Finding.at(this, facts, loop, c.insn())
                        .score(75)
                        .confidence(Confidence.HIGH)
                        .message(v + " is extended with + on every iteration of " + loop.where() + "; each step copies the whole string so far (quadratic in the result length). "
                                + (c.prepends() ? "Collect the parts and join them once after the loop."
                                        : "Append to one StringBuilder and call toString() after the loop."))
                        .fix("for (...) {\n    " + v + " = " + expr + ";\n}",
                                c.prepends()
                                        ? "List<String> parts = new ArrayList<>();\nfor (...) {\n    parts.add(" + String.join(" + ", rest)
                                                + ");\n}\nCollections.reverse(parts);\n" + v + " = String.join(\"\", parts) + " + v + ";"
                                        : "StringBuilder " + sb + " = new StringBuilder(" + v + ");\nfor (...) {\n    " + sb
                                                + appends + ";\n}\n" + v + " = " + sb + ".toString();")
                        .build());
            }
        }
        return out;
    }

    @Override
    public dev.hoist.core.rule.CostKind costKind() {
        return dev.hoist.core.rule.CostKind.ALLOCATION;
    }

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        return Judge.allocatedThrough(finding, site, java.util.Set.of("java.lang.StringConcatHelper.newArray",
                "java.lang.StringConcatHelper.simpleConcat", "java.lang.AbstractStringBuilder.ensureCapacityInternal",
                "java.util.Arrays.copyOf", "java.lang.StringBuilder.toString", "java.lang.StringConcatHelper.newString"),
                "the concatenation allocated");
    }
}

package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;

/** Reflective lookups and invocations inside a loop. */
public final class ReflectionInLoopRule implements Rule {
    @Override
    public String id() {
        return "reflection-in-loop";
    }

    @Override
    public String title() {
        return "Reflection inside a loop";
    }

    @Override
    public String mechanism() {
        return "Class.forName and getMethod/getField search class metadata, check access and copy Method/Field "
                + "objects on every call. Method.invoke and Field.get box arguments and results, check access and "
                + "types, and are not inlined into the loop the way a direct call or a constant MethodHandle is.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            for (CallSite c : loop.reflectiveCalls()) {
                boolean lookup = c.owner().equals("java/lang/Class");
                String target = Names.simple(c.owner()) + "." + c.name() + "()";
                out.add(Finding.at(this, facts, loop, c.insn())
                        .score(lookup ? 70 : 50)
                        .confidence(Confidence.MEDIUM)
                        .message(target + " runs on every iteration of the loop at lines " + loop.firstLine() + "-" + loop.lastLine()
                                + (lookup ? ": the lookup searches class metadata each time. Look it up once before the loop."
                                        : ": reflective access boxes, checks access and is not inlined. Hoist the lookup and "
                                        + "prefer a static final MethodHandle or a direct call."))
                        .fix("for (...) {\n    " + (lookup ? "Method m = type.getMethod(name);\n    m.invoke(obj);" : "field.get(obj);") + "\n}",
                                lookup ? "Method m = type.getMethod(name);\nfor (...) {\n    m.invoke(obj);\n}"
                                        : "static final MethodHandle GETTER = ...; // resolved once\nfor (...) {\n    GETTER.invoke(obj);\n}")
                        .build());
            }
        }
        return out;
    }
}

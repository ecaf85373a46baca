package dev.hoist.rules;

import dev.hoist.core.facts.Boxing;
import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.facts.Value;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;

/** Autoboxing ({@code Integer.valueOf} and friends) in a loop, and boxed accumulators. */
public final class BoxingInLoopRule implements Rule {
    @Override
    public String id() {
        return "boxing-in-loop";
    }

    @Override
    public String title() {
        return "Boxing on every iteration";
    }

    @Override
    public String mechanism() {
        return "Integer.valueOf and friends allocate a new object for values outside the small cache (-128..127 for "
                + "Integer, Long, Short, Byte). Escape analysis removes the box only when every use is inlined; a box "
                + "stored in a collection or a boxed accumulator ('Long total; total += x') allocates and unboxes on "
                + "every iteration.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            // One finding per line survives: list the boxes that always allocate (Double, Float) before the cached ones.
            List<Boxing> boxings = new ArrayList<>(loop.boxings());
            boxings.sort(java.util.Comparator.comparingInt((Boxing b) -> b.line()).thenComparing(b -> !cached(Names.simple(b.boxType())).isEmpty()));
            // a sum merged into a map explains every box on its line (the key's too): that advice goes first
            java.util.Set<Integer> mergeLines = new java.util.HashSet<>();
            for (Boxing b : boxings) {
                if (b.boxing() && b.accumulatorLocal() < 0
                        && sumIntoMap(facts, loop, b, Names.simple(b.boxType()), primitive(Names.simple(b.boxType()))) != null) {
                    mergeLines.add(b.line());
                }
            }
            for (Boxing b : boxings) {
                if (!b.boxing() || smallConstant(loop, b) || formatArgument(loop, b)) continue;
                if (b.accumulatorLocal() < 0 && intoCollectionThatLeaves(facts, loop, b)) continue;
                if (returned(loop, b)) continue;
                String box = Names.simple(b.boxType());
                String prim = primitive(box);
                Finding merge = b.accumulatorLocal() >= 0 ? null : sumIntoMap(facts, loop, b, box, prim);
                if (b.accumulatorLocal() >= 0) {
                    String v = b.accumulatorName() == null ? "total" : b.accumulatorName();
                    out.add(Finding.at(this, facts, loop, b.insn())
                            .score(70)
                            .confidence(Confidence.HIGH)
                            .message(v + " is a boxed " + box + " accumulator: each iteration unboxes it, adds, and boxes a new "
                                    + box + ". Declare it as " + prim + ".")
                            .fix(box + " " + v + " = 0;\nfor (...) {\n    " + v + " += x;\n}",
                                    prim + " " + v + " = 0;\nfor (...) {\n    ... " + v + " ...\n}")
                            .rewrite(v, null)
                            .build());
                } else if (merge != null) {
                    out.add(merge);
                } else if (!mergeLines.contains(b.line())) {
                    out.add(Finding.at(this, facts, loop, b.insn())
                            .score(40)
                            .confidence(Confidence.MEDIUM)
                            .message((prim.equals("int") ? "an " : "a ") + prim + " is boxed to " + box + " " + loop.perIteration() + "; unless escape analysis removes it, that is one allocation per "
                                    + "iteration" + cached(box) + ". Keep the value primitive (a primitive array or a primitive collection).")
                            .fix("List<" + box + "> values = ...;\nfor (...) {\n    values.add(x); // " + box + ".valueOf(x)\n}",
                                    prim + "[] values = new " + prim + "[n];\nfor (...) {\n    values[i] = x;\n}")
                            .build());
                }
            }
        }
        return out;
    }

    /**
     * The box is the method's result ({@code return Integer.valueOf(n)} in a method returning
     * {@code Number} or {@code Object}): it is what callers get, so a primitive array or collection
     * here is not the fix (org.json's {@code stringToNumber}).
     */
    private static boolean returned(Loop loop, Boxing b) {
        dev.hoist.core.facts.CallSite c = loop.call(b.insn());
        return c != null && c.resultUses().escapes().contains(dev.hoist.core.facts.Uses.Escape.RETURNED);
    }

    private static final java.util.Set<String> KEEPING = java.util.Set.of("add", "put", "offer", "push", "addLast", "addFirst",
            "set", "putIfAbsent");

    /**
     * The box is added to a collection the method makes and then hands out (returns it, keeps it in a
     * field, passes it to a call that keeps it): its element type is what callers see (a
     * {@code List<Double>} the method exists to return, a {@code Map<String, Integer>} cached
     * for later), so keeping the value primitive is not the fix. A collection handed in or held in
     * a field is still advised: its boxed counters are the classic waste.
     */
    private static boolean intoCollectionThatLeaves(MethodFacts facts, Loop loop, Boxing b) {
        for (CallSite m : loop.calls()) {
            if (m.receiver() == null || !KEEPING.contains(m.name())) continue;
            boolean handedIn = false;
            for (int i = 0; i < m.arguments().size(); i++) handedIn |= facts.argumentProducer(m, i) == b.insn();
            if (!handedIn) continue;
            if (m.receiver().id() instanceof dev.hoist.core.facts.ValueId.Local l && l.slot() >= parameterSlots(facts)) {
                for (dev.hoist.core.facts.Allocation a : facts.allocations()) {
                    if (a.uses().storedLocal() == l.slot() && a.uses().kept()) return true;
                }
            }
        }
        return false;
    }

    /** The local slots the method's receiver and parameters take. */
    private static int parameterSlots(MethodFacts facts) {
        int slots = (facts.method().access & org.objectweb.asm.Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(facts.descriptor())) slots += t.getSize();
        return slots;
    }

    /**
     * {@code totals.merge(key, x, Long::sum)}: x is boxed to go into the map, and merge boxes every
     * new sum again; neither box can be removed, since the map keeps it. A one-element primitive
     * array per key is added to in place: one allocation per key instead of one or two per
     * iteration. Null when the boxing is not such a merge.
     */
    private Finding sumIntoMap(MethodFacts facts, Loop loop, Boxing b, String box, String prim) {
        if (!(box.equals("Long") || box.equals("Integer") || box.equals("Double"))) return null;
        CallSite boxing = loop.call(b.insn());
        if (boxing == null || boxing.arguments().size() != 1) return null;
        String value = boxing.arguments().get(0).text();
        for (CallSite m : loop.calls()) {
            // the merge this box is handed to, and the function handed to that merge
            if (!m.name().equals("merge") || m.arguments().size() != 3 || m.receiver() == null
                    || facts.argumentProducer(m, 1) != b.insn()) continue;
            boolean sums = false;
            for (var l : loop.lambdas()) {
                sums |= l.insn() == facts.argumentProducer(m, 2) && ("java/lang/" + box + ".sum").equals(l.implementation());
            }
            String map = m.receiver().text();
            String key = m.arguments().get(0).text();
            if (!sums || !m.receiver().nameable() || !m.arguments().get(0).nameable() || !boxing.arguments().get(0).nameable()) return null;
            String expression = map + ".merge(" + key + ", " + value + ", " + box + "::sum)";
            // the map's declaration changes with the line (Map<K, long[]>): the rewritten line says so, since
            // applied alone it would not compile
            String declared = " /* " + map + " now maps to " + prim + "[] */";
            String replacement = map + ".computeIfAbsent(" + key + ", k -> new " + prim + "[1])[0] += " + value + declared;
            String pattern = map + ".merge($1, $2, " + box + "::sum)";
            String rewritten = map + ".computeIfAbsent($1, k -> new " + prim + "[1])[0] += $2" + declared;
            return Finding.at(this, facts, loop, b.insn())
                    .site(b.insn(), m.insn()) // the box handed in and the sums merge boxes inside
                    .score(55)
                    .confidence(Confidence.HIGH)
                    .message(map + ".merge(..., " + box + "::sum) boxes " + value + " to " + box + " " + loop.perIteration()
                            + ", and merge boxes each new sum again" + cached(box)
                            + "; the map keeps the boxes, so escape analysis cannot remove them. Keep one " + prim
                            + "[1] per key and add in place: one allocation per key instead of up to two per iteration. "
                            + "The map's value type becomes " + prim + "[] (convert once after the loop where callers need "
                            + box + " values).")
                    .fix("for (...) {\n    " + expression + ";\n}",
                            "for (...) {\n    " + replacement + ";\n}")
                    .rewrite(pattern, rewritten)
                    .build();
        }
        return null;
    }

    private static boolean smallConstant(Loop loop, Boxing b) {
        for (CallSite c : loop.calls()) {
            if (c.insn() != b.insn() || c.arguments().size() != 1) continue;
            Value a = c.arguments().get(0);
            if (a.kind() != Value.Kind.CONSTANT) return false;
            try {
                long v = Long.parseLong(a.text());
                return v >= -128 && v <= 127;
            } catch (NumberFormatException e) {
                return a.text().equals("true") || a.text().equals("false");
            }
        }
        return false;
    }

    /** valueOf returns a cached box for small values, so the allocation only happens above them. */
    private static String cached(String box) {
        return switch (box) {
            case "Integer", "Long", "Short", "Byte" -> " for values outside -128..127 (" + box + ".valueOf returns cached boxes for those)";
            case "Character" -> " for chars above 127 (Character.valueOf caches 0..127)";
            default -> "";
        };
    }

    private static String primitive(String box) {
        return switch (box) {
            case "Integer" -> "int";
            case "Character" -> "char";
            default -> box.toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public dev.hoist.core.rule.CostKind costKind() {
        return dev.hoist.core.rule.CostKind.ALLOCATION;
    }

    @Override
    public dev.hoist.core.rule.Judgement judge(Finding finding, dev.hoist.core.rule.SiteProfile site) {
        java.util.Set<String> boxes = java.util.Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
                "java.lang.Character", "java.lang.Double", "java.lang.Float", "java.lang.Boolean");
        java.util.Set<String> valueOf = new java.util.HashSet<>();
        for (String b : boxes) valueOf.add(b + ".valueOf");
        dev.hoist.core.rule.Judgement through = Judge.allocatedThrough(finding, site, valueOf, "the boxes were allocated");
        if (through.effect() == dev.hoist.core.rule.Judgement.Effect.CONFIRMED) return through;
        return Judge.allocatedType(finding, site, boxes, ": the boxes are really allocated");
    }

    /** A box whose only use is the argument array of a format call on its line: the format advice covers it. */
    private static boolean formatArgument(Loop loop, Boxing b) {
        CallSite box = loop.call(b.insn());
        if (box == null || !box.resultUses().escapes().equals(java.util.EnumSet.of(dev.hoist.core.facts.Uses.Escape.STORED_ARRAY))) {
            return false;
        }
        for (CallSite c : loop.calls()) {
            if (c.line() == b.line() && (c.name().equals("format") || c.name().equals("formatted") || c.name().equals("printf"))) return true;
        }
        return false;
    }
}

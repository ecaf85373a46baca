package dev.hoist.rules;

import dev.hoist.core.facts.Allocation;
import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.facts.TripCount;
import dev.hoist.core.facts.ValueId;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Judgement;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.SavedPart;
import dev.hoist.core.rule.SiteProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.TypeInsnNode;

/** A default-capacity collection filled in a loop whose trip count is known before the loop. */
public final class UnsizedCollectionRule implements Rule {
    private static final Map<String, Set<String>> FILLS = Map.of(
            "java/util/ArrayList", Set.of("add"),
            "java/util/HashMap", Set.of("put", "putIfAbsent", "merge", "computeIfAbsent"),
            "java/util/LinkedHashMap", Set.of("put", "putIfAbsent", "merge", "computeIfAbsent"),
            "java/util/HashSet", Set.of("add"),
            "java/util/ArrayDeque", Set.of("add", "addLast", "addFirst", "offer", "offerLast", "push"),
            "java/lang/StringBuilder", Set.of("append"),
            "java/io/ByteArrayOutputStream", Set.of("write"));

    @Override
    public String id() {
        return "unsized-collection";
    }

    @Override
    public String title() {
        return "Collection created with default capacity, then filled with a known number of elements";
    }

    @Override
    public String mechanism() {
        return "ArrayList, ArrayDeque, StringBuilder and ByteArrayOutputStream start small and grow by copying their "
                + "backing array (about 1.5x or 2x each time); HashMap and HashSet rehash every entry each time they "
                + "pass 75% load. When the number of elements is known before the loop, one sized allocation replaces "
                + "all the copies.";
    }

    private static boolean copiedOnAnotherPath(MethodFacts facts, Allocation a) {
        for (Allocation o : facts.allocations()) {
            String d = o.constructorDescriptor();
            if (o.insn() != a.insn() && o.uses().storedLocal() == a.uses().storedLocal() && d != null
                    && (d.startsWith("(Ljava/util/Map;") || d.startsWith("(Ljava/util/Collection;") || d.startsWith("(Ljava/util/Set;"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Allocation a : facts.allocations()) {
            Set<String> fills = FILLS.get(a.type());
            if (fills == null || !"()V".equals(a.constructorDescriptor()) || a.uses().storedLocal() < 0) continue;
            // "x == null ? new HashMap<>() : new HashMap<>(x)": the other branch copies, and an empty sized one would drop what it holds
            if (copiedOnAnotherPath(facts, a)) continue;
            ValueId stored = ValueId.local(a.uses().storedLocal());
            for (CallSite c : facts.calls()) {
                if (c.loop() == null || c.receiver() == null || !stored.equals(c.receiver().id()) || !fills.contains(c.name())
                        || c.insn() < a.insn()) continue;
                if (a.loop() != null && (c.loop() == a.loop() || !c.loop().within(a.loop()))) continue;
                Loop fill = outermostKnown(c.loop(), a.loop());
                if (fill == null) continue;
                TripCount t = fill.tripCount();
                String type = Names.simple(a.type());
                // what the source cannot name (no local variable table, a field of an expression) stays a plain placeholder
                String var = c.receiver().nameable() ? c.receiver().text() : "<the " + type + ">";
                boolean countNamed = nameable(t.bound());
                String count = countNamed ? t.bound() : "<how many it will hold>";
                boolean hashed = type.startsWith("Hash") || type.startsWith("Linked");
                // A fill behind a condition makes the trip count an upper bound: sizing to it may over-allocate.
                boolean conditional = c.loop() == fill && !c.everyIteration();
                out.add(Finding.at(this, facts, fill, a.insn())
                        .site(c.insn())
                        .score(conditional ? 30 : hashed ? 55 : 45)
                        .confidence(conditional ? Confidence.LOW : Confidence.MEDIUM)
                        .message((c.receiver().nameable() ? var : "A " + type) + " is created as new " + type
                                + "() with the default capacity and then filled in the loop at lines " + fill.firstLine() + "-"
                                + fill.lastLine() + (countNamed ? ", which runs about " + count + " times; " : ", whose trip count is known before it starts; ")
                                + (conditional
                                        ? "it is filled only on some iterations, so that count is an upper bound. Size it up front only if most "
                                                + "iterations add; otherwise the default capacity and a few growth steps are cheaper than an oversized table."
                                        : "it grows by copying " + (hashed ? "and rehashing " : "") + "several times on the way. Size it up front."))
                        .fix(var + " = new " + type + diamond(type) + "();\nfor (...) {\n    " + var + "." + c.name() + "(...);\n}",
                                var + " = new " + type + diamond(type) + "(" + capacity(type, count) + ");\nfor (...) {\n    "
                                        + var + "." + c.name() + "(...);\n}")
                        // in the source: the same constructor with its type arguments as written, sized (when the count has a name)
                        .rewrite("new " + type + (diamond(type).isEmpty() ? "()" : "<$1>()"), !countNamed ? null
                                : "new " + type + (diamond(type).isEmpty() ? "" : "<$1>") + "(" + capacity(type, count) + ")")
                        .build());
                break;
            }
        }
        return out;
    }

    /**
     * The loop that drives the fill: the innermost filling loop, when its trip count is known and it
     * sits directly in the allocation's own loop (or in none). Filled across an enclosing loop too,
     * the collection holds the sum over that loop, and the inner count (often a variable of the outer
     * body, out of scope before it) is neither the size nor a name the fix can use.
     */
    private static Loop outermostKnown(Loop innermost, Loop allocationLoop) {
        if (innermost == null || innermost == allocationLoop || !innermost.tripCount().known()) return null;
        return innermost.parent() == allocationLoop ? innermost : null;
    }

    /** Whether a trip count's text is a name or expression the source has (not a slot number nor an elided part). */
    private static boolean nameable(String bound) {
        return !bound.contains("...") && !bound.matches("(?s).*\\blocal\\d+\\b.*");
    }

    private static String diamond(String type) {
        return type.equals("StringBuilder") || type.equals("ByteArrayOutputStream") ? "" : "<>";
    }

    private static String capacity(String type, String bound) {
        return switch (type) {
            case "HashMap", "HashSet", "LinkedHashMap" -> "(int) (" + bound + " / 0.75f) + 1";
            case "StringBuilder" -> bound + " * 16 /* expected chars per element */";
            case "ByteArrayOutputStream" -> bound + " * 64 /* expected bytes per element */";
            default -> bound;
        };
    }

    @Override
    public dev.hoist.core.rule.CostKind costKind() {
        return dev.hoist.core.rule.CostKind.ALLOCATION;
    }

    /**
     * Where each collection's growth is paid under the fill call, and how much of it sizing saves.
     * ArrayList's first add allocates its first array in ArrayList.grow itself; only a growth copies
     * (Arrays.copyOf), and the copies of a 1.5x growth add up to about three final arrays, of which a
     * sized list keeps one. HashMap allocates every table in resize, the first one too, and the
     * doubling tables add up to about two final ones, of which a sized map keeps one. StringBuilder,
     * ArrayDeque and ByteArrayOutputStream allocate their first array in the constructor and double.
     */
    private static final Map<String, SavedPart> GROWTH = Map.of(
            "java/util/ArrayList", growth("java.util.Arrays.copyOf", 0.66),
            "java/util/HashMap", growth("java.util.HashMap.resize", 0.5),
            "java/util/LinkedHashMap", growth("java.util.HashMap.resize", 0.5),
            "java/util/HashSet", growth("java.util.HashMap.resize", 0.5),
            "java/util/ArrayDeque", growth("java.util.ArrayDeque.grow", 0.5),
            "java/lang/StringBuilder", growth("java.lang.AbstractStringBuilder.ensureCapacityInternal", 0.5),
            "java/io/ByteArrayOutputStream", growth("java.io.ByteArrayOutputStream.ensureCapacity", 0.5));

    private static SavedPart growth(String method, double share) {
        return SavedPart.under(Set.of(method), share);
    }

    /**
     * Sizing removes the growth, not the elements the fill adds (nor a lambda's own lists under
     * computeIfAbsent): the growth of the collection the finding's allocation made, whatever type the
     * fill call names (often List or Map). The finding is reported at that allocation ({@link #check}),
     * so its instruction names the type.
     */
    @Override
    public SavedPart savedPart(Finding finding) {
        if (finding.insn() < 0) return null;
        return finding.facts().instruction(finding.insn()) instanceof TypeInsnNode n && n.getOpcode() == Opcodes.NEW
                ? GROWTH.get(n.desc) : null;
    }

    @Override
    public Judgement judge(Finding finding, SiteProfile site) {
        SavedPart growth = savedPart(finding);
        if (growth == null) return Judge.noAllocation(finding, site);
        String method = growth.callees().iterator().next();
        long siteBytes = Math.max(1, site.allocatedTypes().stream().mapToLong(SiteProfile.Alloc::bytes).sum());
        long siteSamples = site.allocatedTypes().stream().mapToLong(SiteProfile.Alloc::samples).sum();
        for (SiteProfile.Alloc a : site.allocatingMethods()) {
            if (a.name().equals(method)) {
                return Judgement.confirmed("the collection grew at the fill: " + Judge.simple(method) + " at the site allocated "
                        + Judge.pct(Math.min(1.0, (double) a.bytes() / siteBytes)) + " of the site's bytes (" + a.samples()
                        + " samples); a sized one allocates about " + Math.round(100 * (1 - growth.share())) + "% of that once"
                        + (method.endsWith("HashMap.resize") ? " (its first table is made there too)" : ""));
            }
        }
        if (site.allocationsRecorded() && siteSamples >= Judge.QUIET_SAMPLES) {
            return Judgement.contradicted("none of the " + siteSamples + " allocation samples at the fill is a growth copy ("
                    + Judge.simple(method) + "): the collection stayed within its first backing array, so sizing it saves nothing");
        }
        return Judge.noAllocation(finding, site);
    }
}

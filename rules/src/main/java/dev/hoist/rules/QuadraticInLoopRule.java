package dev.hoist.rules;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.Loop;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.facts.Value;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Linear work per iteration that makes a loop quadratic: a linear search (contains, indexOf,
 * remove(Object)) in a list the method grows, LinkedList.get/set by index, and removing or
 * inserting at the front of an ArrayList.
 */
public final class QuadraticInLoopRule implements Rule {
    private static final Set<String> LISTS = Set.of("java/util/List", "java/util/ArrayList", "java/util/LinkedList",
            "java/util/Collection");
    private static final Set<String> SEARCHES = Set.of("contains", "indexOf", "lastIndexOf");

    @Override
    public String id() {
        return "quadratic-in-loop";
    }

    @Override
    public String title() {
        return "Linear work per iteration: the loop is quadratic";
    }

    @Override
    public String mechanism() {
        return "List.contains, indexOf and remove(Object) compare against every element; LinkedList.get(i) walks "
                + "from an end to i; ArrayList.remove(0) and add(0, x) shift every element with an arraycopy. Inside a "
                + "loop over n elements that is O(n^2) work, which no JIT optimisation changes: only a different data "
                + "structure does.";
    }

    @Override
    public List<Finding> check(MethodFacts facts) {
        List<Finding> out = new ArrayList<>();
        for (Loop loop : facts.loops()) {
            for (CallSite c : loop.calls()) {
                if (!LISTS.contains(c.owner()) || c.receiver() == null) continue;
                String list = c.receiver().nameable() ? c.receiver().text() : "list";
                String d = c.descriptor();
                boolean search = (SEARCHES.contains(c.name()) && d.startsWith("(Ljava/lang/Object;)"))
                        || (c.name().equals("remove") && d.equals("(Ljava/lang/Object;)Z"));
                if (search) {
                    if (!grown(facts, c.receiver())) continue;
                    String arg = c.arguments().get(0).nameable() ? c.arguments().get(0).text() : "x";
                    out.add(Finding.at(this, facts, loop, c.insn())
                            .score(60)
                            .confidence(Confidence.HIGH)
                            .message(list + "." + c.name() + "(" + arg + ") searches the list element by element on every iteration of the loop at lines "
                                    + loop.firstLine() + "-" + loop.lastLine() + ", and this method adds to " + list
                                    + ": the work grows with the list, O(n^2) over the loop. Keep a HashSet beside the list "
                                    + "(or use a LinkedHashSet when order matters and duplicates are not wanted) and ask it instead.")
                            .fix("for (...) {\n    if (!" + list + ".contains(" + arg + ")) " + list + ".add(" + arg + ");\n}",
                                    "Set<Object> seen = new HashSet<>(" + list + ");\nfor (...) {\n    if (seen.add(" + arg + ")) " + list + ".add(" + arg + ");\n}")
                            .build());
                    continue;
                }
                boolean indexed = c.owner().equals("java/util/LinkedList")
                        && ((c.name().equals("get") && d.equals("(I)Ljava/lang/Object;")) || (c.name().equals("set") && d.startsWith("(ILjava/lang/Object;)")));
                if (indexed) {
                    Value index = c.arguments().get(0);
                    if (index.invariant()) continue; // a fixed position: an end, or at least no walk that grows with the loop
                    out.add(Finding.at(this, facts, loop, c.insn())
                            .score(65)
                            .confidence(Confidence.HIGH)
                            .message(list + "." + c.name() + "(" + index.text() + ") on a LinkedList walks node by node from the nearer end on every iteration of the loop at lines "
                                    + loop.firstLine() + "-" + loop.lastLine() + ": O(n^2) over the list. Iterate with a for-each loop or a ListIterator "
                                    + "(set through it), or use an ArrayList.")
                            .fix("for (int i = 0; i < " + list + ".size(); i++) {\n    use(" + list + ".get(i));\n}",
                                    "for (var x : " + list + ") {\n    use(x);\n}")
                            .build());
                    continue;
                }
                boolean front = !c.owner().equals("java/util/LinkedList") && !c.owner().equals("java/util/Collection")
                        && ((c.name().equals("remove") && d.equals("(I)Ljava/lang/Object;")) || (c.name().equals("add") && d.equals("(ILjava/lang/Object;)V")))
                        && zero(c.arguments().get(0));
                if (front) {
                    boolean certain = c.owner().equals("java/util/ArrayList");
                    String call = c.name().equals("remove") ? list + ".remove(0)" : list + ".add(0, x)";
                    out.add(Finding.at(this, facts, loop, c.insn())
                            .score(certain ? 60 : 40)
                            .confidence(certain ? Confidence.HIGH : Confidence.LOW)
                            .message(call + " shifts every element of " + (certain ? "the ArrayList" : "the list (if it is an ArrayList; a LinkedList may do it in place)")
                                    + " by one on every iteration of the loop at lines " + loop.firstLine() + "-" + loop.lastLine()
                                    + ": O(n^2) over the loop. Use an ArrayDeque (pollFirst / addFirst), or walk an index instead of removing.")
                            .fix("while (!" + list + ".isEmpty()) {\n    var x = " + list + ".remove(0);\n    use(x);\n}",
                                    "ArrayDeque<Object> queue = new ArrayDeque<>(" + list + ");\nwhile (!queue.isEmpty()) {\n    var x = queue.pollFirst();\n    use(x);\n}")
                            .build());
                }
            }
        }
        return out;
    }

    private static boolean zero(Value v) {
        return v.kind() == Value.Kind.CONSTANT && v.text().equals("0");
    }

    /** Whether the method adds to the variable {@code list} denotes (anywhere: in this loop or before it). */
    private static boolean grown(MethodFacts facts, Value list) {
        if (list.id() == null) return false;
        for (CallSite c : facts.calls()) {
            if (!list.sameVariable(c.receiver())) continue;
            if ((c.name().equals("add") || c.name().equals("addAll")) && LISTS.contains(c.owner())) return true;
        }
        return false;
    }
}

package dev.hoist.core.facts;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * What a loop's exit tests say: whether its trip count is known before it starts (an induction
 * variable against an invariant bound, a count-down, an iterator over a sized collection), and
 * which local holds the iterator of a for-each loop.
 */
final class TripCounts {
    private final AbstractInsnNode[] insns;
    private final int n;
    private final OperandFlow flow;
    private final Invariance invariance;
    private final SourceText text;

    TripCounts(AbstractInsnNode[] insns, OperandFlow flow, Invariance invariance, SourceText text) {
        this.insns = insns;
        this.n = insns.length;
        this.flow = flow;
        this.invariance = invariance;
        this.text = text;
    }

    /** Whether the loop's trip count is known before it starts, and its bound. */
    TripCount tripCount(Loop l) {
        BitSet body = l.bodyBits();
        for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
            if (!(insns[i] instanceof JumpInsnNode j) || !flow.reached(i)) continue;
            int op = j.getOpcode();
            if (op == Opcodes.GOTO || op == Opcodes.JSR) continue;
            boolean exits = !l.contains(flow.index(j.label)) || (i + 1 < n && !l.contains(i + 1));
            if (!exits) continue;
            SourceValue[] ops = flow.operands(i);
            if (op >= Opcodes.IF_ICMPEQ && op <= Opcodes.IF_ICMPLE) {
                for (int side = 0; side < 2; side++) {
                    if (induction(l, ops[side]) && invariance.invariant(l, ops[1 - side])) {
                        boolean jumpExits = !l.contains(flow.index(j.label));
                        // the loop goes on while i < n or i <= n: which one, from the jump and the side the induction is on
                        int continueOp = jumpExits ? negate(op) : op;
                        if (side == 1) continueOp = swap(continueOp);
                        boolean inclusive = continueOp == Opcodes.IF_ICMPLE || continueOp == Opcodes.IF_ICMPGE;
                        return fromStart(l, ops[side], bound(l, i, ops[1 - side]), inclusive);
                    }
                }
            } else if ((op == Opcodes.IFEQ || op == Opcodes.IFNE) && collectionIterator(l, ops[0]) != null) {
                return new TripCount(true, TripCount.Kind.COLLECTION_SIZE, collectionIterator(l, ops[0]) + ".size()");
            } else if (op >= Opcodes.IFEQ && op <= Opcodes.IFLE && induction(l, ops[0])) {
                // A count-down (while (n-- > 0), for (i = k; i >= 0; i--)): the bound is the start value.
                int si = flow.index(ops[0].insns.iterator().next());
                String bound = text.name(((VarInsnNode) insns[si]).var, si);
                int start = startValue(l, si);
                if (start >= 0 && text.describe(l, start, true).nameable()) bound = text.describe(l, start, true).text();
                return new TripCount(true, TripCount.Kind.INT_BOUND, bound);
            }
        }
        return TripCount.UNKNOWN;
    }

    private static final Set<String> SIZED = Set.of("java/util/Collection", "java/util/List", "java/util/Set",
            "java/util/ArrayList", "java/util/LinkedList", "java/util/HashSet", "java/util/TreeSet", "java/util/LinkedHashSet",
            "java/util/ArrayDeque", "java/util/Queue", "java/util/Deque", "java/util/SortedSet", "java/util/NavigableSet");

    /**
     * For {@code it.hasNext()} where {@code it} is a local set once from {@code c.iterator()} on a
     * collection (whose size is known before the loop), the text of {@code c}; else null. A plain
     * Iterable or an Iterator from elsewhere has no size.
     */
    private String collectionIterator(Loop l, SourceValue v) {
        if (v.insns.size() != 1) return null;
        int hi = flow.index(v.insns.iterator().next());
        if (!(insns[hi] instanceof MethodInsnNode has) || !has.name.equals("hasNext") || flow.operands(hi) == null) return null;
        SourceValue it = flow.operands(hi)[0];
        if (it.insns.size() != 1 || !(it.insns.iterator().next() instanceof VarInsnNode ld) || l.assignsLocal(ld.var)) return null;
        int li = flow.index(ld);
        SourceValue defs = flow.operands(li)[0];
        if (defs.insns.size() != 1) return null;
        int di = flow.index(defs.insns.iterator().next());
        if (flow.operands(di) == null || flow.operands(di)[0].insns.size() != 1) return null;
        int ci = flow.index(flow.operands(di)[0].insns.iterator().next());
        if (!(insns[ci] instanceof MethodInsnNode call) || !call.name.equals("iterator") || !SIZED.contains(call.owner)) return null;
        return text.value(l, ci, flow.operands(ci)[0]).text();
    }

    /** A load of an int local that the loop only changes by a constant step (i++, i--, i += k). */
    private boolean induction(Loop l, SourceValue v) {
        if (v.insns.size() != 1) return false;
        AbstractInsnNode s = v.insns.iterator().next();
        if (!(s instanceof VarInsnNode ld) || ld.getOpcode() != Opcodes.ILOAD) return false;
        if (!l.assignsLocal(ld.var)) return false;
        BitSet body = l.bodyBits();
        for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
            if (insns[i] instanceof VarInsnNode st && st.getOpcode() == Opcodes.ISTORE && st.var == ld.var) {
                SourceValue[] ops = flow.operands(i);
                if (ops == null || ops[0].insns.size() != 1) return false;
                int ai = flow.index(ops[0].insns.iterator().next());
                int aop = insns[ai].getOpcode();
                if (aop != Opcodes.IADD && aop != Opcodes.ISUB) return false;
                SourceValue[] ab = flow.operands(ai);
                boolean selfPlusInv = (loadsVar(ab[0], ld.var) && invariance.invariant(l, ab[1])) || (loadsVar(ab[1], ld.var) && invariance.invariant(l, ab[0]));
                if (!selfPlusInv) return false;
            }
        }
        return true;
    }

    private static boolean loadsVar(SourceValue v, int var) {
        return v.insns.size() == 1 && v.insns.iterator().next() instanceof VarInsnNode x && x.getOpcode() == Opcodes.ILOAD && x.var == var;
    }

    /**
     * A count up from a start other than 0 ({@code for (i = start; i <= stop; i++)}) runs
     * {@code stop - start + 1} times, not {@code stop}: the bound says so when the start can be named.
     */
    private TripCount fromStart(Loop l, SourceValue induction, TripCount upTo, boolean inclusive) {
        int li = flow.index(induction.insns.iterator().next());
        int si = startValue(l, li);
        boolean entered = false;
        for (AbstractInsnNode def : flow.operands(li)[0].insns) entered |= !l.contains(flow.index(def));
        if (si < 0 && entered) return TripCount.UNKNOWN; // set before the loop in a way Hoist cannot read: the count is not the bound
        if (si < 0 || insns[si].getOpcode() == Opcodes.ICONST_0) {
            return inclusive ? new TripCount(true, upTo.kind(), upTo.bound() + " + 1") : upTo;
        }
        Value v = text.describe(l, si, true);
        if (!v.nameable()) return TripCount.UNKNOWN; // a start Hoist cannot name: the count is not the bound
        return new TripCount(true, TripCount.Kind.INT_BOUND, upTo.bound() + " - " + v.text() + (inclusive ? " + 1" : ""));
    }

    /**
     * The instruction that makes the value the induction variable loaded at {@code load} has on
     * entering the loop: the one store before the loop, of one value; -1 when there is not exactly one.
     */
    private int startValue(Loop l, int load) {
        List<Integer> entry = new ArrayList<>();
        for (AbstractInsnNode def : flow.operands(load)[0].insns) if (!l.contains(flow.index(def))) entry.add(flow.index(def));
        if (entry.size() != 1 || insns[entry.get(0)].getOpcode() != Opcodes.ISTORE || flow.operands(entry.get(0)) == null
                || flow.operands(entry.get(0))[0].insns.size() != 1) {
            return -1;
        }
        return flow.index(flow.operands(entry.get(0))[0].insns.iterator().next());
    }

    private static int negate(int op) {
        return switch (op) {
            case Opcodes.IF_ICMPLT -> Opcodes.IF_ICMPGE;
            case Opcodes.IF_ICMPGE -> Opcodes.IF_ICMPLT;
            case Opcodes.IF_ICMPGT -> Opcodes.IF_ICMPLE;
            case Opcodes.IF_ICMPLE -> Opcodes.IF_ICMPGT;
            default -> op;
        };
    }

    /** The same test with its operands swapped ({@code a < b} is {@code b > a}). */
    private static int swap(int op) {
        return switch (op) {
            case Opcodes.IF_ICMPLT -> Opcodes.IF_ICMPGT;
            case Opcodes.IF_ICMPGT -> Opcodes.IF_ICMPLT;
            case Opcodes.IF_ICMPLE -> Opcodes.IF_ICMPGE;
            case Opcodes.IF_ICMPGE -> Opcodes.IF_ICMPLE;
            default -> op;
        };
    }

    private TripCount bound(Loop l, int at, SourceValue v) {
        Value d = text.value(l, at, v);
        TripCount.Kind kind = TripCount.Kind.INT_BOUND;
        int si = v.insns.size() == 1 ? flow.index(v.insns.iterator().next()) : -1;
        // Look through a synthetic or plain local holding the bound (for-each over an array keeps len$).
        for (int guard = 0; si >= 0 && guard < 3 && insns[si].getOpcode() == Opcodes.ILOAD && flow.operands(si) != null
                && flow.operands(si)[0].insns.size() == 1; guard++) {
            int def = flow.index(flow.operands(si)[0].insns.iterator().next());
            if (flow.operands(def) == null || flow.operands(def)[0].insns.size() != 1) break;
            si = flow.index(flow.operands(def)[0].insns.iterator().next());
        }
        if (si >= 0) {
            if (insns[si].getOpcode() == Opcodes.ARRAYLENGTH) kind = TripCount.Kind.ARRAY_LENGTH;
            else if (insns[si] instanceof MethodInsnNode m && (m.name.equals("size") || m.name.equals("length"))) kind = TripCount.Kind.COLLECTION_SIZE;
        }
        return new TripCount(true, kind, d.text());
    }

    /**
     * The local holding the iterator whose {@code hasNext()} decides the loop's exit (the for-each
     * protocol), or -1.
     */
    int drivingIterator(Loop l) {
        BitSet body = l.bodyBits();
        for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
            if (!(insns[i] instanceof JumpInsnNode j) || flow.operands(i) == null) continue;
            int op = j.getOpcode();
            if (op != Opcodes.IFEQ && op != Opcodes.IFNE) continue;
            boolean exits = !l.contains(flow.index(j.label)) || (i + 1 < n && !l.contains(i + 1));
            if (!exits || flow.operands(i)[0].insns.size() != 1) continue;
            int hi = flow.index(flow.operands(i)[0].insns.iterator().next());
            if (!(insns[hi] instanceof MethodInsnNode has) || !has.name.equals("hasNext") || !has.desc.equals("()Z")
                    || flow.operands(hi) == null || flow.operands(hi)[0].insns.size() != 1) continue;
            if (flow.operands(hi)[0].insns.iterator().next() instanceof VarInsnNode ld && ld.getOpcode() == Opcodes.ALOAD
                    && !l.assignsLocal(ld.var)) {
                return ld.var;
            }
        }
        return -1;
    }
}

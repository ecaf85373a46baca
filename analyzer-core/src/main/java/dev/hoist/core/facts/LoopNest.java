package dev.hoist.core.facts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The natural loops of one method and their nest: all back edges to one header make one loop,
 * each loop knows its parent, children and depth, and each instruction its innermost loop. With
 * {@code perCallBody}, a method without loops gets one region for its whole body instead
 * ({@link Loop#isMethodBody()}).
 */
final class LoopNest {
    private final List<Loop.Builder> loops = new ArrayList<>();
    private final Loop.Builder[] innermost;

    LoopNest(String ownerName, MethodNode method, AbstractInsnNode[] insns, int[] bci, int[] line, ControlFlow cfg,
             boolean perCallBody) {
        int n = insns.length;
        // Back edges: normal edges whose target dominates their source. Exception edges are left
        // out because javac's "any" handler for synchronized and finally covers itself.
        TreeMap<Integer, BitSet> tails = new TreeMap<>();
        for (int e = 0; e < cfg.edgeCount(); e++) {
            if (cfg.exceptional(e)) continue;
            int t = cfg.from(e), h = cfg.to(e);
            if (cfg.hasDominator(t) && cfg.dominates(h, t)) tails.computeIfAbsent(h, x -> new BitSet()).set(t);
        }
        for (var entry : tails.entrySet()) {
            int h = entry.getKey();
            BitSet body = new BitSet(n);
            body.set(h);
            int[] work = new int[n];
            int sp = 0;
            BitSet latchSet = entry.getValue();
            for (int t = latchSet.nextSetBit(0); t >= 0; t = latchSet.nextSetBit(t + 1)) {
                if (!body.get(t)) {
                    body.set(t);
                    work[sp++] = t;
                }
            }
            while (sp > 0) {
                int x = work[--sp];
                for (int p : cfg.preds(x)) {
                    if (!body.get(p) && cfg.hasDominator(p)) {
                        body.set(p);
                        work[sp++] = p;
                    }
                }
            }
            loops.add(new Loop.Builder(loops.size(), h, body, latchSet.stream().toArray()));
        }
        if (loops.isEmpty() && perCallBody && n > 0) bodyRegion(ownerName, method, insns, cfg);
        for (Loop.Builder l : loops) {
            Loop.Builder best = null;
            for (Loop.Builder o : loops) {
                if (o != l && o.body().get(l.loop().headerInsn())
                        && (best == null || o.body().cardinality() < best.body().cardinality())) {
                    best = o;
                }
            }
            if (best != null) l.parent(best);
        }
        innermost = new Loop.Builder[n];
        for (Loop.Builder l : loops) {
            int d = 0;
            for (Loop p = l.loop(); p != null; p = p.parent()) d++;
            l.depth(d);
        }
        for (Loop.Builder lb : loops) {
            BitSet body = lb.body();
            int depth = lb.loop().depth();
            int[] b = new int[body.cardinality()];
            int c = 0;
            int fl = Integer.MAX_VALUE, ll = -1;
            for (int i = body.nextSetBit(0); i >= 0; i = body.nextSetBit(i + 1)) {
                if (innermost[i] == null || innermost[i].loop().depth() < depth) innermost[i] = lb;
                if (bci[i] >= 0) b[c++] = bci[i];
                if (insns[i].getOpcode() >= 0 && line[i] > 0) {
                    fl = Math.min(fl, line[i]);
                    ll = Math.max(ll, line[i]);
                }
            }
            int[] bcis = Arrays.copyOf(b, c);
            Arrays.sort(bcis);
            lb.range(bcis, ll < 0 ? -1 : fl, ll);
        }
    }

    /** The whole body as one region, its returns as latches, its parameters (and this) varying per call. */
    private void bodyRegion(String ownerName, MethodNode method, AbstractInsnNode[] insns, ControlFlow cfg) {
        int n = insns.length;
        BitSet body = new BitSet(n);
        List<Integer> returns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i != 0 && !cfg.hasDominator(i)) continue;
            body.set(i);
            int op = insns[i].getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) returns.add(i);
        }
        if (returns.isEmpty()) return; // a method that always throws runs no normal iteration
        Loop.Builder l = new Loop.Builder(loops.size(), 0, body, returns.stream().mapToInt(Integer::intValue).toArray());
        l.methodBodyOf(SourceText.simple(ownerName) + "." + method.name);
        int slot = (method.access & Opcodes.ACC_STATIC) == 0 ? 1 : 0;
        if (slot == 1) l.assignsLocal(0);
        for (Type t : Type.getArgumentTypes(method.desc)) {
            l.assignsLocal(slot);
            slot += t.getSize();
        }
        loops.add(l);
    }

    /** The loops in the order of their header instructions (the body region last). */
    List<Loop.Builder> loops() { return loops; }
    /** The innermost loop containing {@code insn}, or null. */
    Loop.Builder innermost(int insn) { return innermost[insn]; }
}

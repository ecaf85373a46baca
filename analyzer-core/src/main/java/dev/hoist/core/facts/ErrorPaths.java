package dev.hoist.core.facts;

import java.util.ArrayDeque;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which instructions of a method lie on an error path: code that can only end in a throw. An
 * instruction is on one when, following normal control flow (not exception edges), it cannot reach
 * a return nor a loop's back edge, or when only an exception edge reaches it (a catch block). A
 * call to a method that never returns normally (its every body has no return instruction: it
 * always throws, as Jackson's {@code reportBadTypeDefinition} does) ends its path like a throw.
 * Work there runs when something fails, once, not on every iteration: a varargs array or a box
 * built for an error message is not a loop's cost.
 */
final class ErrorPaths {
    private final boolean[] onError;

    ErrorPaths(AbstractInsnNode[] insns, ControlFlow cfg, CalleeResolver resolver) {
        int n = insns.length;
        boolean[] cut = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (insns[i] instanceof MethodInsnNode mi && resolver != null && neverReturns(resolver, mi)) cut[i] = true;
        }
        // forward over normal edges from the entry
        boolean[] entered = new boolean[n];
        int[][] succ = successors(n, cfg, cut, false);
        ArrayDeque<Integer> work = new ArrayDeque<>();
        if (n > 0) {
            entered[0] = true;
            work.add(0);
        }
        while (!work.isEmpty()) {
            int i = work.poll();
            for (int s : succ[i]) {
                if (!entered[s]) {
                    entered[s] = true;
                    work.add(s);
                }
            }
        }
        // backward over normal edges from the returns and the back edges' sources
        boolean[] ends = new boolean[n];
        for (int i = 0; i < n; i++) {
            int op = insns[i].getOpcode();
            if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) mark(i, ends, work);
            for (int s : succ[i]) {
                if (s <= i && cfg.dominates(s, i)) mark(i, ends, work);
            }
        }
        // a throw (or a call that always throws) caught by a handler in this method that goes on is no error
        // path: backwards, exception edges count too
        int[][] pred = predecessors(n, successors(n, cfg, cut, true));
        while (!work.isEmpty()) {
            int i = work.poll();
            for (int p : pred[i]) {
                if (!ends[p]) mark(p, ends, work);
            }
        }
        onError = new boolean[n];
        for (int i = 0; i < n; i++) onError[i] = !(entered[i] && ends[i]);
    }

    boolean onErrorPath(int insn) {
        return insn >= 0 && insn < onError.length && onError[insn];
    }

    private static void mark(int i, boolean[] ends, ArrayDeque<Integer> work) {
        if (!ends[i]) {
            ends[i] = true;
            work.add(i);
        }
    }

    /** Normal edges (a call that always throws has none), and with {@code exceptional} the exception edges too. */
    private static int[][] successors(int n, ControlFlow cfg, boolean[] cut, boolean exceptional) {
        int[] count = new int[n];
        for (int e = 0; e < cfg.edgeCount(); e++) {
            if (keep(cfg, cut, exceptional, e)) count[cfg.from(e)]++;
        }
        int[][] succ = new int[n][];
        for (int i = 0; i < n; i++) succ[i] = new int[count[i]];
        java.util.Arrays.fill(count, 0);
        for (int e = 0; e < cfg.edgeCount(); e++) {
            int f = cfg.from(e);
            if (keep(cfg, cut, exceptional, e)) succ[f][count[f]++] = cfg.to(e);
        }
        return succ;
    }

    private static boolean keep(ControlFlow cfg, boolean[] cut, boolean exceptional, int e) {
        return cfg.exceptional(e) ? exceptional : !cut[cfg.from(e)];
    }

    private static int[][] predecessors(int n, int[][] succ) {
        int[] count = new int[n];
        for (int[] s : succ) for (int t : s) count[t]++;
        int[][] pred = new int[n][];
        for (int i = 0; i < n; i++) pred[i] = new int[count[i]];
        java.util.Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) for (int t : succ[i]) pred[t][count[t]++] = i;
        return pred;
    }

    /**
     * Whether every body the call can reach always throws: it has a throw, no return instruction and
     * no loop (a method that loops for ever does not return either, but what precedes its call is
     * no error path). Unknown bodies (not on the class path, abstract with unknown implementations,
     * native) count as returning.
     */
    static boolean neverReturns(CalleeResolver resolver, MethodInsnNode mi) {
        if (mi.owner.startsWith("[") || mi.name.equals("<init>")) return false;
        java.util.List<String> owners;
        if (mi.getOpcode() == Opcodes.INVOKEVIRTUAL || mi.getOpcode() == Opcodes.INVOKEINTERFACE) {
            owners = resolver.implementingClasses(mi.owner, mi.name, mi.desc);
            if (owners.isEmpty()) return false;
        } else {
            owners = java.util.List.of(mi.owner);
        }
        for (String owner : owners) {
            String[] decl = new String[1];
            MethodNode m = resolver.method(owner, mi.name, mi.desc, decl);
            if (m == null || m.instructions.size() == 0) return false;
            String key = decl[0] + '.' + mi.name + mi.desc;
            boolean never = resolver.neverReturns.computeIfAbsent(key, k -> {
                boolean throwsSomething = false;
                for (AbstractInsnNode in = m.instructions.getFirst(); in != null; in = in.getNext()) {
                    int op = in.getOpcode();
                    if (op >= Opcodes.IRETURN && op <= Opcodes.RETURN) return false;
                    throwsSomething |= op == Opcodes.ATHROW;
                }
                return throwsSomething && !MethodFacts.mayHaveLoop(m);
            });
            if (!never) return false;
        }
        return true;
    }
}

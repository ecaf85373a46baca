package dev.hoist.core.facts;

import dev.hoist.core.classes.ClassLookup;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Whether a method keeps an object handed to it as an argument: stores it in a field or an array,
 * returns it, throws it, or hands it to a call that keeps it, followed through the calls it can
 * resolve (static, private, final or with one implementation on the class path) up to
 * {@link #DEPTH} levels down. A substring passed to a private {@code parseLine} that makes it a
 * field of a node outlives the iteration as surely as one stored by the loop itself. The JDK's
 * methods are judged by {@link UsesAnalysis}'s list of keeping calls, and an unreadable or
 * overridable callee keeps nothing as far as this says: the question is "known to keep".
 */
final class ParameterEscapes {
    /** How many calls down an argument is followed. */
    static final int DEPTH = 3;

    private final CalleeResolver resolver;
    private final ClassLookup lookup;
    /** Answers computed to the full depth, per "owner.name desc#argument". */
    private final Map<String, Boolean> known = new HashMap<>();

    ParameterEscapes(CalleeResolver resolver, ClassLookup lookup) {
        this.resolver = resolver;
        this.lookup = lookup;
    }

    /** Whether the call {@code m} (made with {@code opcode}) keeps its argument number {@code argument} (0 = first declared). */
    boolean keeps(int opcode, MethodInsnNode m, int argument) {
        return keeps(opcode, m, argument, 0, new HashSet<>());
    }

    private boolean keeps(int opcode, MethodInsnNode m, int argument, int depth, Set<String> visiting) {
        if (depth >= DEPTH || CalleeResolver.jdk(m.owner)) return false;
        String[] decl = new String[1];
        MethodNode target = resolver.method(m.owner, m.name, m.desc, decl);
        if (target == null || target.instructions == null || target.instructions.size() == 0) return false;
        if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
            boolean exact = (target.access & (Opcodes.ACC_FINAL | Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) != 0
                    || resolver.classNode(decl[0]).map(c -> (c.access & Opcodes.ACC_FINAL) != 0).orElse(false);
            if (!exact && lookup.implementationCount(m.owner, m.name, m.desc) != 1) return false;
        }
        String key = decl[0] + "." + m.name + m.desc + "#" + argument;
        Boolean done = known.get(key);
        if (done != null) return done;
        if (!visiting.add(key)) return false; // a recursive chain: what the first visit finds is the answer
        boolean kept = body(decl[0], target, argument, depth, visiting);
        visiting.remove(key);
        if (depth == 0) known.put(key, kept); // only a walk from the top saw the whole depth
        return kept;
    }

    /** Whether any load of the argument's local in {@code method} reaches a keeping use. */
    private boolean body(String owner, MethodNode method, int argument, int depth, Set<String> visiting) {
        Type[] args = Type.getArgumentTypes(method.desc);
        if (argument >= args.length || args[argument].getSort() < Type.ARRAY) return false;
        int slot = (method.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        for (int i = 0; i < argument; i++) slot += args[i].getSize();
        AbstractInsnNode[] insns = method.instructions.toArray();
        for (AbstractInsnNode in : insns) {
            // a local the method reassigns is no longer only the argument: too little to say
            if (in instanceof VarInsnNode v && v.var == slot && v.getOpcode() == Opcodes.ASTORE) return false;
        }
        OperandFlow flow;
        try {
            flow = OperandFlow.analyze(owner, method, insns);
        } catch (AnalyzerException | RuntimeException e) {
            return false;
        }
        UsesAnalysis uses = new UsesAnalysis(insns, flow, (op, call, arg) -> keeps(op, call, arg, depth + 1, visiting));
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] instanceof VarInsnNode v && v.var == slot && v.getOpcode() == Opcodes.ALOAD && uses.uses(i).kept()) {
                return true;
            }
        }
        return false;
    }
}

package dev.hoist.core.facts;

import dev.hoist.core.classes.ClassLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The fields a call may write through everything it calls, walked over the readable bodies and
 * remembered per call target; a closure already known is reused when another walk reaches it.
 */
final class WriteClosure {
    private final CalleeResolver resolver;
    private final ClassLookup lookup;

    WriteClosure(CalleeResolver resolver, ClassLookup lookup) {
        this.resolver = resolver;
        this.lookup = lookup;
    }

    /** How deep {@link #writes} follows calls, and how many bodies it reads for one call at most. */
    private static final int WRITES_DEPTH = 6;
    private static final int WRITES_BUDGET = 400;

    private final Map<String, FieldWrites> writes = new HashMap<>();

    void forget() {
        writes.clear();
    }

    /**
     * The fields a call may write through everything it calls (see {@link FieldWrites}). JDK code
     * cannot name the fields of the analyzed classes, so a JDK callee writes none of them unless
     * it is handed one of the analyzed classes' objects or a callback to run; any other body that
     * cannot be read may write anything.
     */
    FieldWrites writes(int opcode, String owner, String name, String desc) {
        String key = opcode + owner + '.' + name + desc;
        FieldWrites w = writes.get(key);
        if (w == null) {
            java.util.Set<String> fields = new HashSet<>();
            String[] unknown = new String[1];
            int[] budget = {WRITES_BUDGET};
            collectWrites(opcode, owner, name, desc, 0, new HashSet<>(), fields, unknown, budget);
            w = new FieldWrites(fields, unknown[0]);
            writes.put(key, w);
        }
        return w;
    }

    private void collectWrites(int opcode, String owner, String name, String desc, int depth, Set<String> visiting,
                               Set<String> fields, String[] unknown, int[] budget) {
        if (unknown[0] != null) return;
        // a callee whose closure is known already (a popular helper) is not walked again
        FieldWrites known = depth > 0 ? writes.get(opcode + owner + '.' + name + desc) : null;
        if (known != null) {
            fields.addAll(known.fields());
            if (known.mayWriteAny()) unknown[0] = known.unknownVia();
            return;
        }
        String call = SourceText.simple(owner) + "." + name + "()";
        if (CalleeResolver.jdk(owner)) {
            if (ReadOnlyMethods.contains(owner, name) || !callsBack(desc)) return;
            unknown[0] = call + " (a JDK method handed an object or callback that may run the analyzed code)";
            return;
        }
        if (depth > WRITES_DEPTH || budget[0]-- <= 0) {
            unknown[0] = call + " (calls deeper than Hoist follows)";
            return;
        }
        List<String> bodies = new ArrayList<>();
        if (opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) {
            CalleeFacts c = resolver.callee(opcode, owner, name, desc);
            if (c.readable() && c.isFinal() && !c.isAbstract()) {
                bodies.add(owner);
            } else {
                List<String> impls = lookup.implementingClasses(owner, name, desc);
                if (impls.isEmpty()) {
                    unknown[0] = call + " (its implementations are not all known)";
                    return;
                }
                bodies.addAll(impls);
            }
        } else {
            bodies.add(owner);
        }
        for (String cls : bodies) {
            String[] decl = new String[1];
            MethodNode m = cls.startsWith("[") ? null : resolver.method(cls, name, desc, decl);
            if (m == null || (m.access & Opcodes.ACC_NATIVE) != 0 || (m.instructions.size() == 0
                    && (m.access & Opcodes.ACC_ABSTRACT) == 0)) {
                unknown[0] = call + " (not on the analyzed class path)";
                return;
            }
            if ((m.access & Opcodes.ACC_ABSTRACT) != 0) continue;
            if (!visiting.add(decl[0] + '.' + name + desc)) continue;
            for (AbstractInsnNode in = m.instructions.getFirst(); in != null; in = in.getNext()) {
                int op = in.getOpcode();
                if (in instanceof FieldInsnNode fi && (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC)) {
                    fields.add(fi.name);
                } else if (in instanceof MethodInsnNode mi) {
                    collectWrites(op, mi.owner, mi.name, mi.desc, depth + 1, visiting, fields, unknown, budget);
                    if (unknown[0] != null) return;
                }
            }
        }
    }

    /** Whether a JDK method with this descriptor may call back into the analyzed code: it takes a non-JDK object or a functional interface. */
    private static boolean callsBack(String desc) {
        for (org.objectweb.asm.Type t : org.objectweb.asm.Type.getArgumentTypes(desc)) {
            if (t.getSort() != org.objectweb.asm.Type.OBJECT) continue;
            String n = t.getInternalName();
            if (!CalleeResolver.jdk(n) || n.startsWith("java/util/function/") || n.equals("java/lang/Runnable")
                    || n.equals("java/util/concurrent/Callable") || n.equals("java/util/Comparator")) {
                return true;
            }
        }
        return false;
    }
}

package dev.hoist.core.facts;

import dev.hoist.core.classes.ClassLookup;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Whether a callee is pure: its body, and everything it calls down to a few levels, only reads.
 * Calling a pure callee again with the same receiver and arguments gives the same value as long as
 * nobody writes the non-final fields it reads.
 */
final class Purity {
    private final CalleeResolver resolver;
    private final ClassLookup lookup;

    Purity(CalleeResolver resolver, ClassLookup lookup) {
        this.resolver = resolver;
        this.lookup = lookup;
    }

    /** Whether {@code m} of {@code owner} is pure; the non-final fields it reads go to {@code read}. */
    boolean pure(String owner, MethodNode m, Set<String> read) {
        return pureBody(owner, m, 0, new HashSet<>(), read, new int[] {PURE_BUDGET});
    }

    private static final int PURE_DEPTH = 4;
    private static final int PURE_BUDGET = 64;

    /**
     * Whether a body only reads: no field or array stores, no locks, no lambdas, no allocation but
     * strings and boxes, and every call pure too (a read-only JDK query, string building, or a
     * readable method of ours that is pure itself, down to a few calls). Fields it reads go to {@code read}.
     */
    boolean pureBody(String owner, MethodNode m, int depth, Set<String> visiting, Set<String> read, int[] budget) {
        if (depth > PURE_DEPTH || budget[0]-- <= 0 || !visiting.add(owner + '.' + m.name + m.desc)) return false;
        if ((m.access & (Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_SYNCHRONIZED)) != 0) return false;
        for (AbstractInsnNode in = m.instructions.getFirst(); in != null; in = in.getNext()) {
            int op = in.getOpcode();
            if (op < 0) continue;
            if (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC || (op >= Opcodes.IASTORE && op <= Opcodes.SASTORE)
                    || op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                return false;
            }
            if (in instanceof FieldInsnNode f) {
                // a final field never changes after construction: only the others can make the result change
                FieldNode fn = resolver.field(f.owner, f.name);
                if (fn == null || (fn.access & Opcodes.ACC_FINAL) == 0) read.add(f.name);
            } else if (in instanceof TypeInsnNode t && op == Opcodes.NEW) {
                if (!t.desc.equals("java/lang/StringBuilder") && !t.desc.equals("java/lang/String")) return false;
            } else if (op == Opcodes.NEWARRAY || op == Opcodes.ANEWARRAY || op == Opcodes.MULTIANEWARRAY) {
                return false;
            } else if (in instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode d) {
                if (!d.bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")) return false;
            } else if (in instanceof MethodInsnNode mi) {
                if (!pureCall(op, mi, depth, visiting, read, budget)) return false;
            }
        }
        return true;
    }

    private boolean pureCall(int op, MethodInsnNode mi, int depth, Set<String> visiting, Set<String> read, int[] budget) {
        if (ReadOnlyMethods.contains(mi.owner, mi.name) || PURE_JDK.contains(mi.owner + "." + mi.name)) return true;
        if (mi.owner.equals("java/lang/StringBuilder") || (mi.owner.equals("java/lang/String") && !mi.name.equals("intern"))) {
            return true; // a builder made in the body, or an immutable string's methods
        }
        if (CalleeResolver.jdk(mi.owner)) return false;
        String[] decl = new String[1];
        MethodNode target = resolver.method(mi.owner, mi.name, mi.desc, decl);
        if (target == null) return false;
        if (op == Opcodes.INVOKEVIRTUAL || op == Opcodes.INVOKEINTERFACE) {
            // not through callee(): its facts are being computed up the stack, and asking again would recurse
            boolean isFinal = (target.access & (Opcodes.ACC_FINAL | Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) != 0
                    || resolver.classNode(decl[0]).map(c -> (c.access & Opcodes.ACC_FINAL) != 0).orElse(false);
            if (!isFinal && lookup.implementationCount(mi.owner, mi.name, mi.desc) != 1) return false;
        }
        return pureBody(decl[0], target, depth + 1, visiting, read, budget);
    }

    /** JDK methods that are pure given their arguments, beyond {@link ReadOnlyMethods}: parsing and boxing. */
    private static final Set<String> PURE_JDK = Set.of("java/lang/Integer.parseInt", "java/lang/Long.parseLong",
            "java/lang/Double.parseDouble", "java/lang/Boolean.parseBoolean", "java/lang/Integer.valueOf",
            "java/lang/Long.valueOf", "java/lang/Double.valueOf", "java/lang/Boolean.valueOf", "java/lang/Integer.intValue",
            "java/lang/Boolean.booleanValue", "java/util/Properties.getProperty", "java/util/Objects.requireNonNull",
            "java/util/Objects.equals", "java/util/Objects.hash", "java/lang/Math.round", "java/lang/Math.floor",
            "java/lang/Math.ceil");
}

package dev.hoist.core.facts;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The methods of a class that run once per class: its static initialiser, and the private methods
 * (lambdas javac made included) that only it calls, directly or through one another. Only private
 * methods can be judged from the class alone: any other may be called from anywhere. A loop there
 * costs start-up time, not throughput.
 */
final class RunsOnce {
    private static final Map<ClassNode, Set<String>> CACHE = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private RunsOnce() {
    }

    /** Whether {@code m} of {@code owner} runs once per class. */
    static boolean runsOnce(ClassNode owner, MethodNode m) {
        return CACHE.computeIfAbsent(owner, RunsOnce::of).contains(m.name + m.desc);
    }

    private static Set<String> of(ClassNode cn) {
        // callers of each private method, by name + descriptor, from calls and lambda handles in the class
        Map<String, Set<String>> callers = new HashMap<>();
        Set<String> privates = new HashSet<>();
        for (MethodNode m : cn.methods) {
            if ((m.access & Opcodes.ACC_PRIVATE) != 0 && !m.name.equals("<init>")) privates.add(m.name + m.desc);
        }
        for (MethodNode m : cn.methods) {
            for (AbstractInsnNode in = m.instructions.getFirst(); in != null; in = in.getNext()) {
                if (in instanceof MethodInsnNode mi && mi.owner.equals(cn.name)) {
                    callers.computeIfAbsent(mi.name + mi.desc, k -> new HashSet<>()).add(m.name + m.desc);
                } else if (in instanceof InvokeDynamicInsnNode indy) {
                    for (Object arg : indy.bsmArgs) {
                        if (arg instanceof Handle h && h.getOwner().equals(cn.name)) {
                            callers.computeIfAbsent(h.getName() + h.getDesc(), k -> new HashSet<>()).add(m.name + m.desc);
                        }
                    }
                }
            }
        }
        Set<String> once = new HashSet<>();
        for (MethodNode m : cn.methods) {
            if (m.name.equals("<clinit>")) once.add(m.name + m.desc);
        }
        boolean grew = !once.isEmpty();
        while (grew) {
            grew = false;
            for (String p : privates) {
                Set<String> by = callers.get(p);
                if (!once.contains(p) && by != null && !by.isEmpty() && once.containsAll(by)) {
                    once.add(p);
                    grew = true;
                }
            }
        }
        return once;
    }
}

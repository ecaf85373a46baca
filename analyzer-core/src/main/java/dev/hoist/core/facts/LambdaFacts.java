package dev.hoist.core.facts;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;

/** The lambda facts: each lambda or method reference made in a loop, with what it captures and the method it calls. */
final class LambdaFacts {
    private final MethodFacts f;

    LambdaFacts(MethodFacts f) {
        this.f = f;
    }

    /** An {@code invokedynamic} bootstrapped by LambdaMetafactory, in loop {@code l}. */
    void extract(int i, InvokeDynamicInsnNode d, Loop.Builder l) {
        String impl = d.bsmArgs.length > 1 && d.bsmArgs[1] instanceof Handle h ? h.getOwner() + "." + h.getName() : null;
        l.add(new LambdaCapture(i, f.line(i), Type.getReturnType(d.desc).getInternalName(), Type.getArgumentTypes(d.desc).length,
                impl, l.loop()));
    }
}

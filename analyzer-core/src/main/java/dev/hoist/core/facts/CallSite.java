package dev.hoist.core.facts;

import java.util.List;

/**
 * One method call (any invoke opcode except invokedynamic) in a method: target, opcode, receiver
 * and arguments with their invariance with respect to the innermost enclosing loop, what is known
 * about the callee, and what becomes of the call's result. Callees of calls outside any loop are
 * not resolved ({@link CalleeFacts#unresolved}): no rule asks about them, and resolving them
 * would read classes for nothing.
 */
public record CallSite(int insn, int line, int opcode, String owner, String name, String descriptor,
                       Value receiver, List<Value> arguments, CalleeFacts callee, boolean everyIteration,
                       Uses resultUses, Loop loop) {

    public boolean isStatic() {
        return opcode == org.objectweb.asm.Opcodes.INVOKESTATIC;
    }

    /** Receiver (if any) and every argument are the same on every iteration. */
    public boolean receiverAndArgumentsInvariant() {
        return (receiver == null || receiver.invariant()) && arguments.stream().allMatch(Value::invariant);
    }

    public boolean is(String owner, String name) {
        return this.owner.equals(owner) && this.name.equals(name);
    }

    public boolean inLoop() {
        return loop != null;
    }
}

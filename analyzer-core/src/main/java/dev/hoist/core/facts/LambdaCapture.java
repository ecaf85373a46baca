package dev.hoist.core.facts;

/** An invokedynamic that makes a lambda or method reference, with how many values it captures. */
public record LambdaCapture(int insn, int line, String interfaceType, int captured, Loop loop) {
}

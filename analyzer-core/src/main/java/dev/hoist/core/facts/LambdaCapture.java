package dev.hoist.core.facts;

/**
 * An invokedynamic that makes a lambda or method reference, with how many values it captures and
 * the method it calls ({@code java/lang/Long.sum} for {@code Long::sum}, the synthetic
 * {@code lambda$...} method for a lambda body).
 */
public record LambdaCapture(int insn, int line, String interfaceType, int captured, String implementation, Loop loop) {
}

package dev.hoist.core.facts;

/** A {@code monitorenter} or {@code monitorexit} instruction. */
public record Monitor(int insn, int line, boolean enter, Loop loop) {
}

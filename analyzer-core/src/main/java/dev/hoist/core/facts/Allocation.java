package dev.hoist.core.facts;

/**
 * One {@code new}, {@code newarray}, {@code anewarray} or {@code multianewarray}: the type (an
 * internal name, or an array descriptor such as {@code [I}), the constant length of an array when
 * it has one ({@code -1} otherwise), the constructor descriptor for objects, and where the object
 * goes.
 */
public record Allocation(int insn, int line, String type, boolean array, int constantLength,
                         String constructorDescriptor, Uses uses, boolean everyIteration, Loop loop) {
}

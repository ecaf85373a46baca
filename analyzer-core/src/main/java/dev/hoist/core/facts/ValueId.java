package dev.hoist.core.facts;

/**
 * The variable a {@link Value} denotes, for equality: two values with equal ids read the same
 * local, static field or field chain. Values without an id (a literal, a call result, arithmetic,
 * an array element) denote no variable, so they equal nothing; a literal is not given an id on
 * purpose, since two equal literals are not one variable a loop could assign.
 */
public sealed interface ValueId {

    /** {@code this} in an instance method that never assigns slot 0. */
    // THIS is the only place a This is made, so This is never initialized before ValueId by another thread
    @SuppressWarnings("ClassInitializationDeadlock")
    ValueId THIS = new This();

    /** A local variable or parameter, by slot. */
    record Local(int slot) implements ValueId {
        /** The ids of the first slots, made once: every value read from a local has one. */
        private static final Local[] CACHED = new Local[64];

        static {
            for (int i = 0; i < CACHED.length; i++) CACHED[i] = new Local(i);
        }

        static Local of(int slot) {
            return slot >= 0 && slot < CACHED.length ? CACHED[slot] : new Local(slot);
        }
    }

    /** A static field. */
    record StaticField(String owner, String name) implements ValueId {
    }

    /**
     * An instance field of the variable {@code receiver}, by name: the same field reached through a
     * subclass's reference has another owner in the bytecode, so the owner is not part of the identity.
     */
    record InstanceField(ValueId receiver, String name) implements ValueId {
    }

    /** {@code this}; see {@link #THIS}. */
    record This() implements ValueId {
    }

    /** The id of local {@code slot}. */
    static ValueId local(int slot) {
        return Local.of(slot);
    }

    /** Whether this is a field, static or of any receiver, called {@code name}. */
    default boolean isField(String name) {
        return (this instanceof StaticField s && s.name().equals(name)) || (this instanceof InstanceField f && f.name().equals(name));
    }
}

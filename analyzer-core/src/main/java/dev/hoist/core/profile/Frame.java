package dev.hoist.core.profile;

/**
 * One stack frame: the method, its source line and bytecode index (-1 when unknown) and how the
 * JVM was running it. The bytecode index is what maps a sample to a loop's bci range.
 * Interned by {@link Profile}, which also keeps the method's index for fast lookups.
 */
public record Frame(MethodRef method, int methodIndex, int line, int bci, FrameType type) {

    @Override
    public String toString() {
        return method.displayName() + (line > 0 ? ":" + line : "") + (bci >= 0 ? " @" + bci : "") + " [" + type.shortName() + "]";
    }
}

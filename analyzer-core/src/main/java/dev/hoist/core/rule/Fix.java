package dev.hoist.core.rule;

/** A suggested change as before/after code, written with the method's real local and field names. */
public record Fix(String before, String after) {
}

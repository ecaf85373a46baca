package dev.hoist.core.facts;

import java.util.Set;

/**
 * The fields a call may write, through everything it calls: the names of the fields written by
 * its body and its readable callees, and, when some path leads to code Hoist cannot read (a
 * non-JDK class missing from the class path, a native method, a virtual call whose
 * implementations are not all known), the call that leads there: such a call may write any field.
 *
 * @param fields     names of the fields written on the paths that could be read
 * @param unknownVia the call through which an unreadable body is reached ("Parser._loadMore()"), or null
 */
public record FieldWrites(Set<String> fields, String unknownVia) {

    public static final FieldWrites NONE = new FieldWrites(Set.of(), null);

    public FieldWrites {
        fields = Set.copyOf(fields);
    }

    /** Whether some path leads to code that could not be read, which may write any field. */
    public boolean mayWriteAny() {
        return unknownVia != null;
    }
}

package dev.hoist.core.profile;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages start a child JVM with the same async-profiler agent as {@link Recordings}. */
public final class RecordingsAccess {
    private RecordingsAccess() {
    }

    public static Path agentLibrary() throws IOException {
        return Recordings.agentLibrary();
    }
}

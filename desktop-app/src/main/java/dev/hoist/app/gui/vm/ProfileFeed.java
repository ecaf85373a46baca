package dev.hoist.app.gui.vm;

import dev.hoist.core.HoistException;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The samples of a recording that a sampler is still writing, as snapshots: each call returns a new
 * profile when the file has grown since the last one. The recording is on disk, so the window's
 * view is never ahead of what a crash would keep.
 */
interface ProfileFeed {

    /** A new snapshot when there is something new, empty otherwise. */
    Optional<Profile> poll();

    /** Reads the whole file again whenever it has grown (the readers keep its complete chunks). */
    static ProfileFeed rereading(Path file) {
        return new ProfileFeed() {
            private long seen = -1;

            @Override
            public Optional<Profile> poll() {
                long size;
                try {
                    size = Files.exists(file) ? Files.size(file) : -1;
                } catch (IOException e) {
                    return Optional.empty();
                }
                if (size <= 0 || size == seen) {
                    return Optional.empty();
                }
                try {
                    Profile p = ProfileReader.read(file);
                    seen = size;
                    return Optional.of(p);
                } catch (HoistException e) {
                    // the first chunk is still being written: try again next time
                    return Optional.empty();
                }
            }
        };
    }
}

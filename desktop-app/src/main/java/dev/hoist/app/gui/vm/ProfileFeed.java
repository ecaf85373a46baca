package dev.hoist.app.gui.vm;

import dev.hoist.core.profile.LiveRecording;
import dev.hoist.core.profile.Profile;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The samples of a recording that a sampler is still writing, as snapshots: each poll returns a new
 * profile when chunks were completed since the last one. It reads from the file, so the window's
 * view is never ahead of what a crash would keep; each poll reads only the new chunks.
 */
interface ProfileFeed {

    /** A new snapshot when there is something new, empty otherwise. */
    Optional<Profile> poll();

    /** The whole recording once the sampler has stopped: what a poll still finds, added to what was read. */
    Profile finish();

    static ProfileFeed live(Path file) {
        LiveRecording recording = new LiveRecording(file);
        return new ProfileFeed() {
            @Override
            public Optional<Profile> poll() {
                return recording.poll();
            }

            @Override
            public Profile finish() {
                recording.poll();
                return recording.current();
            }
        };
    }
}

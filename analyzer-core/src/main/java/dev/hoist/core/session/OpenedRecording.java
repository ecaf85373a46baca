package dev.hoist.core.session;

import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A recording opened from disk: a JFR recording or collapsed stacks read as they are, or a saved
 * session ({@link SessionArchive}) whose recording is extracted into a scratch folder that goes
 * when the JVM exits, with the advice it was saved with.
 *
 * @param profile   the whole recording
 * @param recording the recording's file (for a saved session, the extracted copy)
 * @param saved     the saved session's description, null for a plain recording
 * @param advice    the advice saved with the session, null when none (then advise anew)
 * @param known     what Hoist knew when it made the recording (class path, sources, target): the
 *                  saved session's description, or the recording's {@link RecordingSidecar}; null when neither
 */
public record OpenedRecording(Profile profile, Path recording, SessionArchive.Meta saved, AdviceReport advice,
                              SessionArchive.Meta known) {

    /** Reads {@code file}; a saved session's recording is extracted first. */
    public static OpenedRecording open(Path file) throws IOException {
        if (Files.isRegularFile(file) && SessionArchive.looksLikeSession(file)) {
            Path scratch = Files.createTempDirectory("hoist-session-");
            scratch.toFile().deleteOnExit();
            SessionArchive.Opened opened = SessionArchive.open(file, scratch);
            opened.recording().toFile().deleteOnExit();
            return new OpenedRecording(ProfileReader.read(opened.recording()), opened.recording(), opened.meta(),
                    opened.advice(), opened.meta());
        }
        Profile p = ProfileReader.read(file);
        return new OpenedRecording(p, file, null, null, RecordingSidecar.read(file).orElse(null));
    }
}

package dev.hoist.core.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordingSidecarTest {

    @Test
    void whatTheRunKnewIsReadBackFromBesideTheRecording(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("app.jfr");
        Files.write(jfr, new byte[] {1});
        RecordingSidecar.write(jfr, new SessionArchive.Meta("ignored", "App  ·  PID 7", "7 App", "async-profiler", List.of("cpu"),
                "/opt/app/lib/app.jar", List.of("/src/app"), "other.jfr", 42));
        assertThat(RecordingSidecar.of(jfr)).hasFileName("app.jfr.hoist.json");
        SessionArchive.Meta m = RecordingSidecar.read(jfr).orElseThrow();
        assertThat(m.schema()).isEqualTo(RecordingSidecar.SCHEMA);
        assertThat(m.classPath()).isEqualTo("/opt/app/lib/app.jar");
        assertThat(m.sources()).containsExactly("/src/app");
        assertThat(m.recordingName()).isEqualTo("app.jfr");
        assertThat(Files.getPosixFilePermissions(RecordingSidecar.of(jfr))).isEqualTo(dev.hoist.core.PrivateFiles.OWNER_ONLY);
    }

    @Test
    void aMissingOrBrokenSidecarIsNone(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("app.jfr");
        assertThat(RecordingSidecar.read(jfr)).isEmpty();
        Files.writeString(RecordingSidecar.of(jfr), "{ not json");
        assertThat(RecordingSidecar.read(jfr)).isEmpty();
        Files.writeString(RecordingSidecar.of(jfr), "{\"schema\": \"hoist.session/1\", \"classPath\": \"x.jar\"}");
        assertThat(RecordingSidecar.read(jfr)).as("another format's file").isEmpty();
    }
}

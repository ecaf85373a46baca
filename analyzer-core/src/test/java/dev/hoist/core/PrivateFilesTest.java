package dev.hoist.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A planted symbolic link (issue 18.2): a user who can write where Hoist writes a recording or a
 * report plants a link to a file of the user running Hoist; Hoist neither writes through it nor
 * changes the mode of what it points to. A file Hoist creates is owner-only from its first byte.
 */
class PrivateFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aPlantedLinkIsNeitherWrittenThroughNorRestricted() throws IOException {
        Path victim = Files.writeString(tmp.resolve("victim.conf"), "precious");
        Files.setPosixFilePermissions(victim, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Path link = Files.createSymbolicLink(tmp.resolve("recording.jfr"), victim);
        assertThatThrownBy(() -> PrivateFiles.create(link)).isInstanceOf(IOException.class).hasMessageContaining("symbolic link");
        PrivateFiles.restrict(link);
        assertThat(victim).hasContent("precious");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(victim))).isEqualTo("rw-r--r--");
    }

    @Test
    void aNewFileIsOwnerOnlyAndAnOldOneIsTruncatedAndRestricted() throws IOException {
        Path fresh = tmp.resolve("new.jfr");
        PrivateFiles.create(fresh);
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PrivateFiles.OWNER_ONLY);
        Path old = Files.writeString(tmp.resolve("old.jfr"), "old bytes");
        Files.setPosixFilePermissions(old, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        PrivateFiles.create(old);
        assertThat(old).isEmptyFile();
        assertThat(Files.getPosixFilePermissions(old)).isEqualTo(PrivateFiles.OWNER_ONLY);
    }
}

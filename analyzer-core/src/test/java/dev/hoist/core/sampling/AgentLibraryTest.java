package dev.hoist.core.sampling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.assertj.core.api.Assertions.assertThat;

class AgentLibraryTest {

    @TempDir
    Path cache;

    @Test
    void extractsIntoADirectoryKeyedByVersionAndChecksum() throws Exception {
        AgentLibrary.Extracted lib = AgentLibrary.extract(cache);
        assertThat(lib.version()).isEqualTo("4.2");
        assertThat(lib.path().getParent().getFileName().toString()).isEqualTo("4.2-" + lib.sha256().substring(0, 16));
        assertThat(AgentLibrary.sha256(Files.readAllBytes(lib.path()))).isEqualTo(lib.sha256());
        // an ELF shared object, as the target's dlopen needs
        assertThat(Files.readAllBytes(lib.path())).startsWith(0x7f, 'E', 'L', 'F');
        try (var left = Files.list(lib.path().getParent())) {
            assertThat(left).containsExactly(lib.path()); // no temp file left behind
        }
    }

    @Test
    void reusesAnIntactCopyAndReplacesACorruptOne() throws Exception {
        AgentLibrary.Extracted first = AgentLibrary.extract(cache);
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(first.path(), old);
        assertThat(AgentLibrary.extract(cache).path()).isEqualTo(first.path());
        assertThat(Files.getLastModifiedTime(first.path())).isEqualTo(old);

        Files.write(first.path(), new byte[] {1, 2, 3});
        AgentLibrary.Extracted again = AgentLibrary.extract(cache);
        assertThat(AgentLibrary.sha256(Files.readAllBytes(again.path()))).isEqualTo(first.sha256());
    }

    @Test
    void knowsWhichPlatformsHaveABuild() {
        assertThat(AgentLibrary.platformEntry("Linux", "amd64")).contains("linux-x64/libasyncProfiler.so");
        assertThat(AgentLibrary.platformEntry("Linux", "aarch64")).contains("linux-arm64/libasyncProfiler.so");
        assertThat(AgentLibrary.platformEntry("Mac OS X", "aarch64")).contains("macos/libasyncProfiler.so");
        assertThat(AgentLibrary.platformEntry("Windows 11", "amd64")).isEmpty();
        assertThat(AgentLibrary.platformEntry("Linux", "ppc64le")).isEmpty();
    }
}

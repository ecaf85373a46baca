package dev.hoist.core.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.tools.attach.VirtualMachine;
import dev.hoist.testkit.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attach socket left in /tmp by an earlier process with the same pid (killed before it removed
 * it) made every attach fail with "Connection refused": the JDK's attacher connects to any file of
 * that name. It failed the full build once, for a JVM of user nobody that cannot replace root's file
 * in the sticky /tmp. Hoist removes a socket file older than the process and attaches again.
 */
class StaleAttachSocketTest {
    @TempDir
    Path tmp;

    @Test
    void aSocketFileOlderThanTheTargetIsRemovedAndTheAttachWorks() throws Exception {
        Path launcher = Probe.launcherJar(tmp, "probe-" + UUID.randomUUID().toString().substring(0, 8));
        try (ChildJvm child = Probe.child(launcher).start()) {
            Path stale = Path.of("/tmp", ".java_pid" + child.pid());
            Files.deleteIfExists(stale);
            Files.writeString(stale, "");
            Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
            VirtualMachine vm = Attach.attach(child.pid());
            try {
                assertThat(vm.getSystemProperties().getProperty("java.version")).isNotBlank();
            } finally {
                Attach.detachQuietly(vm);
            }
        }
    }

    @Test
    void aSocketFileTheTargetMadeIsLeftAlone() throws Exception {
        Path launcher = Probe.launcherJar(tmp, "probe-" + UUID.randomUUID().toString().substring(0, 8));
        try (ChildJvm child = Probe.child(launcher).start()) {
            Attach.detachQuietly(Attach.attach(child.pid())); // the target's own listener and socket
            Path socket = Path.of("/tmp", ".java_pid" + child.pid());
            assertThat(socket).exists();
            assertThat(Attach.removeStaleSocket(child.pid())).isFalse();
            assertThat(socket).exists();
        }
    }
}

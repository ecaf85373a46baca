package dev.hoist.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hoist.core.SharedFiles;
import dev.hoist.core.jvm.Probe;
import dev.hoist.core.jvm.Targets;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.session.LiveProfiling;
import dev.hoist.testkit.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Root profiling a JVM of another user (issue 18.7) with async-profiler, not only the JFR fallback:
 * root's cache is under /root, which the target cannot enter, so the library (and the repair's
 * agent) are handed over as read-only copies of root's in the temporary folder, the target writes
 * into a folder handed to its user, and the recording Hoist keeps is root's and owner-only. A
 * second session finds the copy the target already loaded. A folder of that name planted by
 * another user is refused.
 */
class OtherUserAsyncProfilerTest {
    @TempDir
    Path tmp;

    @Test
    void rootSamplesAnotherUsersJvmWithAsyncProfilerTwice() throws Exception {
        ChildJvm.Builder nobody = Probe.asNobody();
        Set<Path> exchangesBefore = exchanges();
        try (ChildJvm child = nobody.start()) {
            for (int round = 1; round <= 2; round++) {
                List<String> said = new CopyOnWriteArrayList<>();
                Path out = tmp.resolve("other-" + round + ".jfr");
                SamplingResult r;
                try (LiveProfiling live = LiveProfiling.start(Targets.resolvePid(child.pid()),
                        SamplingRequest.of(out, Duration.ofSeconds(2), EnumSet.of(SamplingEvent.CPU)),
                        LiveProfiling.Options.defaults().withReadClassPath(false), said::add)) {
                    r = live.awaitResult();
                }
                assertThat(r.sampler()).as("round %d: %s", round, said).startsWith("async-profiler");
                assertThat(said).as("the repair ran in the other user's JVM").anyMatch(l -> l.startsWith("repaired debug info"));
                assertThat(r.file()).isEqualTo(out);
                assertThat(ProfileReader.read(out).sampleCounts()).containsKey(EventKind.CPU);
                assertThat(Files.getOwner(out).getName()).isEqualTo("root");
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
            }
            Set<Path> loaded = AsyncProfilerSampler.loadedCopies(child.pid());
            assertThat(loaded).hasSize(1);
            Path lib = loaded.iterator().next();
            assertThat(lib.getParent().getFileName().toString()).startsWith("hoist-async-profiler-");
            assertThat(Files.getOwner(lib.getParent()).getName()).isEqualTo("root");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lib.getParent()))).isEqualTo("rwxr-xr-x");
        }
        assertThat(exchanges()).as("the folders handed to the target are gone").isEqualTo(exchangesBefore);
    }

    @Test
    void aFolderPlantedByAnotherUserIsRefused() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to plant a folder of user nobody");
        String folder = "hoist-planted-" + System.nanoTime();
        Path planted = Path.of(System.getProperty("java.io.tmpdir"), folder);
        Files.createDirectory(planted);
        try {
            Files.setOwner(planted, planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            Path source = Files.writeString(tmp.resolve("lib.so"), "library");
            assertThatThrownBy(() -> SharedFiles.copy(source, dev.hoist.core.Checksums.sha256("library".getBytes()), folder, "lib.so"))
                    .isInstanceOf(IOException.class).hasMessageContaining("not root's");
            assertThat(planted.resolve("lib.so")).doesNotExist();
        } finally {
            Files.deleteIfExists(planted);
        }
    }

    private static Set<Path> exchanges() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("hoist-ap-")).collect(Collectors.toSet());
        }
    }
}

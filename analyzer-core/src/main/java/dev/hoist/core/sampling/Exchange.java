package dev.hoist.core.sampling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder where a target JVM writes files for Hoist (Flight Recorder dumps) and reads what Hoist
 * gives it (the .jfc settings): a fresh temporary folder with a random name, readable by its owner
 * only. When the target runs as another user (root profiling a service) the folder and what Hoist
 * put in it are handed to the target's user, so the target can write there while other users still
 * cannot read the recording, which holds the target's arguments and class names. The folder is
 * deleted with everything in it when the session ends.
 */
final class Exchange {
    private final Path dir;
    private final UserPrincipal targetUser;

    private Exchange(Path dir, UserPrincipal targetUser) {
        this.dir = dir;
        this.targetUser = targetUser;
    }

    static Exchange create(long pid) throws IOException {
        return create(pid, "hoist-jfr-");
    }

    static Exchange create(long pid, String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix); // rwx------ where POSIX
        UserPrincipal target = ownerOf(pid);
        try {
            if (target != null && !target.equals(Files.getOwner(dir))) {
                Files.setOwner(dir, target);
            }
        } catch (IOException | SecurityException e) {
            delete(dir);
            throw new IOException("cannot hand " + dir + " to the target's user " + target.getName()
                    + " (only root can profile another user's JVM): " + e.getMessage(), e);
        }
        return new Exchange(dir, target);
    }

    /** Whether the process runs as another user than Hoist (root profiling a service); false when unknown. */
    static boolean otherUser(long pid) {
        UserPrincipal owner = ownerOf(pid);
        try {
            return owner != null && !owner.getName().equals(System.getProperty("user.name"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** An empty file the target may write (async-profiler's messages, its status), owned by the target's user. */
    Path newFile(String prefix, String suffix) throws IOException {
        Path f = Files.createTempFile(dir, prefix, suffix);
        if (targetUser != null && !targetUser.equals(Files.getOwner(f, LinkOption.NOFOLLOW_LINKS))) {
            Files.setOwner(f, targetUser);
        }
        return f;
    }

    /** The owner of a process (its /proc entry), or null where there is no /proc. */
    static UserPrincipal ownerOf(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            return Files.isDirectory(proc) ? Files.getOwner(proc) : null;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return null;
        }
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** Writes a file the target reads, owned by the target's user. */
    void write(String name, String text) throws IOException {
        Path f = file(name);
        Files.writeString(f, text);
        if (targetUser != null && !targetUser.equals(Files.getOwner(f, LinkOption.NOFOLLOW_LINKS))) {
            Files.setOwner(f, targetUser);
        }
    }

    void deleteFile(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            // the folder goes at the end of the session
        }
    }

    /** Deletes the folder and everything in it. */
    void delete() {
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // a leftover temporary file is harmless and private
                }
            });
        } catch (IOException e) {
            // already gone
        }
    }
}

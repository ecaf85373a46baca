package dev.hoist.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files Hoist hands to a JVM of another user (root profiling a service): that JVM must be able to
 * read what it loads (async-profiler's library, Hoist's agent jar), and Hoist's own cache is under a
 * home folder only its user may enter. A copy goes to the temporary folder at a path fixed by what
 * it holds (a version and checksum in the folder's name), so a second session finds the copy the
 * target already loaded; the folder is ours, and others may read but not write it. A folder or file
 * of that name that is not ours, is a link, or that others may write (planted to hand the target
 * something else) is refused.
 */
public final class SharedFiles {
    private SharedFiles() {
    }

    /**
     * {@code <tmp>/<folder>/<name>} holding the bytes of {@code source}, readable by every user.
     *
     * @param sha256 the checksum of {@code source}'s bytes, checked against a copy already there
     */
    public static Path copy(Path source, String sha256, String folder, String name) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), folder);
        Path target = dir.resolve(name);
        try {
            Files.createDirectory(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (FileAlreadyExistsException e) {
            // checked below, as any folder found there is
        }
        ours(dir);
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            ours(target);
            if (sha256.equals(Checksums.sha256(Files.readAllBytes(target)))) {
                return target;
            }
        }
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        try {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r-xr-xr-x"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** Refuses a path that is a link, is not ours, or that group or others may write. */
    private static void ours(Path p) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String me = System.getProperty("user.name");
        if (a.isSymbolicLink() || !a.owner().getName().equals(me) || a.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || a.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(p + " is not " + me + "'s or others may write it (owner " + a.owner().getName() + ", "
                    + PosixFilePermissions.toString(a.permissions()) + "); not handing it to the target");
        }
    }
}

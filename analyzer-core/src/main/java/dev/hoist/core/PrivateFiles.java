package dev.hoist.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files Hoist writes are readable by their owner only: a recording holds the target's JVM
 * arguments (passwords passed as {@code -D} properties among them), and a report holds its class
 * and method names. On a file system without POSIX permissions nothing is changed.
 */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    /** rw------- */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * Makes sure {@code file} exists, empty, readable by its owner only, before someone writes it:
     * a new file is created that way (so it is never readable by others, not even while being
     * written); an existing one is truncated and restricted. A symbolic link is not followed.
     */
    public static void create(Path file) throws IOException {
        try {
            if (posix(file)) Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            else Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            if (Files.isSymbolicLink(file)) throw new IOException(file + " is a symbolic link; not writing through it");
            Files.write(file, new byte[0], LinkOption.NOFOLLOW_LINKS, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            restrict(file);
        }
    }

    /** Makes an existing file readable by its owner only, when Hoist may change its mode; quietly does nothing otherwise. */
    public static void restrict(Path file) {
        try {
            if (posix(file) && Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(file)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not ours to change (another user's file): it keeps its mode
        }
    }

    private static boolean posix(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        return dir != null && Files.getFileStore(dir).supportsFileAttributeView("posix");
    }
}

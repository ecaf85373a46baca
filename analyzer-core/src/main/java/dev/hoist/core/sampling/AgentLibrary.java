package dev.hoist.core.sampling;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The async-profiler native library for this platform, taken from the
 * {@code tools.profiler:async-profiler} jar on our class path and placed in a per-user cache
 * ({@code $XDG_CACHE_HOME/hoist/async-profiler/<version>-<sha256 prefix>/}), because a target JVM
 * can only load a library from a file. Writing is atomic (temp file, then move) and a cached copy
 * is used only if its checksum still matches, so concurrent or crashed Hoists never hand a target
 * a half-written library.
 */
public final class AgentLibrary {

    /** The extracted library. */
    public record Extracted(Path path, String version, String sha256) {}

    private AgentLibrary() {}

    /** The jar entry of the library for this OS and architecture, empty when there is no build. */
    public static Optional<String> platformEntry(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            if (arch.equals("amd64") || arch.equals("x86_64")) {
                return Optional.of("linux-x64/libasyncProfiler.so");
            }
            if (arch.equals("aarch64") || arch.equals("arm64")) {
                return Optional.of("linux-arm64/libasyncProfiler.so");
            }
        } else if (os.contains("mac")) {
            return Optional.of("macos/libasyncProfiler.so");
        }
        return Optional.empty();
    }

    /** Extracts (or reuses) the library for the platform Hoist runs on. */
    public static Extracted extract() {
        return extract(cacheRoot());
    }

    static Extracted extract(Path cacheRoot) {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        String entry = platformEntry(os, arch).orElseThrow(() -> new AgentUnavailableException(
                "async-profiler has no build for " + os + "/" + arch));
        byte[] lib;
        try (InputStream in = AgentLibrary.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new AgentUnavailableException("the async-profiler jar with " + entry + " is not on Hoist's class path");
            }
            lib = in.readAllBytes();
        } catch (IOException e) {
            throw new AgentUnavailableException("cannot read " + entry + " from the async-profiler jar: " + e.getMessage());
        }
        String sha = sha256(lib);
        String version = version();
        Path dir = cacheRoot.resolve(version + "-" + sha.substring(0, 16));
        Path target = dir.resolve("libasyncProfiler.so");
        try {
            if (Files.isRegularFile(target) && sha.equals(sha256(Files.readAllBytes(target)))) {
                return new Extracted(target, version, sha);
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "libasyncProfiler", ".tmp");
            try {
                Files.write(tmp, lib);
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: default permissions will do
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return new Extracted(target, version, sha);
        } catch (IOException e) {
            throw new HoistException(Failure.SAMPLER_FAILED, "cannot write the async-profiler library to " + dir
                    + ": " + e.getMessage() + "; set XDG_CACHE_HOME to a writable directory", e);
        }
    }

    /**
     * A copy of the library that a JVM of another user can load (root profiling a service: root's
     * cache is under a home folder only root may enter): {@code <tmp>/hoist-async-profiler-<version>-<sha>/},
     * see {@link dev.hoist.core.SharedFiles}.
     */
    public static Path sharedCopy(Extracted lib) {
        String folder = "hoist-async-profiler-" + lib.version() + "-" + lib.sha256().substring(0, 16);
        try {
            return dev.hoist.core.SharedFiles.copy(lib.path(), lib.sha256(), folder, "libasyncProfiler.so");
        } catch (IOException | UnsupportedOperationException e) {
            throw new AgentUnavailableException("cannot place async-profiler where the target's user can load it: "
                    + e.getMessage());
        }
    }

    /** {@code $XDG_CACHE_HOME/hoist/async-profiler}, default {@code ~/.cache/hoist/async-profiler}. */
    public static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("hoist").resolve("async-profiler");
    }

    /** The async-profiler version from its jar's Maven metadata. */
    static String version() {
        try (InputStream in = AgentLibrary.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/tools.profiler/async-profiler/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through: the checksum in the cache key still tells builds apart
        }
        return "unknown";
    }

    static String sha256(byte[] bytes) {
        return dev.hoist.core.Checksums.sha256(bytes);
    }
}

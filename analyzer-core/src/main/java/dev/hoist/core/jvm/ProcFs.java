package dev.hoist.core.jvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the operating system tells about a process without attaching to it: its command line,
 * whether it has libjvm mapped, its Java home's {@code release} file, whether it has hsperfdata.
 * Used for JVMs that refuse attach or belong to another user, and to tell a JVM from any other
 * process. Linux reads /proc; elsewhere most answers are empty and callers fall back to attach.
 */
final class ProcFs {
    private ProcFs() {}

    static boolean available() {
        return Files.isDirectory(Path.of("/proc/self"));
    }

    /** The command line split at NUL bytes, empty when unreadable. */
    static List<String> cmdline(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    args.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start < raw.length) {
                args.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
            }
            return args;
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    /**
     * Whether the process is a HotSpot-style JVM: libjvm mapped (needs ptrace access to read maps),
     * else an hsperfdata file under its pid (visible across users), else a launcher named java.
     */
    static Optional<Boolean> isJvm(long pid) {
        if (!available()) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps"))) {
                if (line.endsWith("/libjvm.so")) {
                    return Optional.of(true);
                }
            }
            return Optional.of(hasPerfData(pid));
        } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
            if (hasPerfData(pid)) {
                return Optional.of(true);
            }
            List<String> cmd = cmdline(pid);
            return Optional.of(!cmd.isEmpty() && (cmd.get(0).endsWith("/java") || cmd.get(0).equals("java")));
        }
    }

    static boolean hasPerfData(long pid) {
        try (var dirs = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir", "/tmp")), "hsperfdata_*")) {
            for (Path dir : dirs) {
                if (Files.exists(dir.resolve(Long.toString(pid)))) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            // no temp dir listing: fall through
        }
        return false;
    }

    /** Whether the JVM was started with the given -XX flag on its command line. */
    static boolean hasFlag(long pid, String flag) {
        return cmdline(pid).stream().anyMatch(flag::equals);
    }

    /** Main class or jar from a java command line, skipping launcher options. */
    static Optional<String> mainFromCmdline(List<String> cmd) {
        for (int i = 1; i < cmd.size(); i++) {
            String a = cmd.get(i);
            if (a.equals("-jar") && i + 1 < cmd.size()) {
                return Optional.of(cmd.get(i + 1));
            }
            if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path") || a.equals("-p")
                    || a.equals("--module-path") || a.equals("--add-opens") || a.equals("--add-exports")
                    || a.equals("--add-modules")) {
                i++;
                continue;
            }
            if (a.equals("-m") || a.equals("--module")) {
                return i + 1 < cmd.size() ? Optional.of(cmd.get(i + 1)) : Optional.empty();
            }
            if (!a.startsWith("-")) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** JAVA_VERSION and IMPLEMENTOR from the release file of the JVM's home, via /proc/pid/exe. */
    static Optional<Properties> release(long pid) {
        try {
            Path exe = Path.of("/proc", Long.toString(pid), "exe").toRealPath();
            Path home = exe.getParent().getParent();
            Path release = home.resolve("release");
            if (!Files.isRegularFile(release)) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(release)) {
                p.load(in);
            }
            p.replaceAll((k, v) -> v.toString().replace("\"", ""));
            return Optional.of(p);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** PIDs of all processes that look like JVMs, for JVMs the Attach API does not list. */
    static List<Long> jvmPids() {
        List<Long> pids = new ArrayList<>();
        if (!available()) {
            return pids;
        }
        try (var entries = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                if (isJvm(pid).orElse(false)) {
                    pids.add(pid);
                }
            }
        } catch (IOException e) {
            return pids;
        }
        pids.sort(null);
        return pids;
    }

    static String describe(List<String> cmd) {
        return String.join(" ", cmd.subList(0, Math.min(cmd.size(), 3))) + (cmd.size() > 3 ? " ..." : "");
    }
}

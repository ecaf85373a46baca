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
        return Optional.of(isJvm(pid, ProcFs::perfDataPids));
    }

    /**
     * As {@link #isJvm(long)}; the pids with hsperfdata are asked for only when maps does not tell,
     * so a scan of every process can list them once and a single check need not list them at all.
     */
    private static boolean isJvm(long pid, java.util.function.Supplier<java.util.Set<Long>> perfDataPids) {
        try (var maps = Files.newBufferedReader(Path.of("/proc", Long.toString(pid), "maps"),
                StandardCharsets.ISO_8859_1)) {
            // libjvm is mapped near the top, right after the launcher: stop reading there
            for (String line = maps.readLine(); line != null; line = maps.readLine()) {
                if (line.endsWith("/libjvm.so")) {
                    return true;
                }
            }
            return perfDataPids.get().contains(pid);
        } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
            if (perfDataPids.get().contains(pid)) {
                return true;
            }
            List<String> cmd = cmdline(pid);
            return !cmd.isEmpty() && (cmd.get(0).endsWith("/java") || cmd.get(0).equals("java"));
        }
    }

    /**
     * The pids that have an hsperfdata file, of any user: one listing of the temp dir and of each
     * {@code hsperfdata_*} in it, so that a scan of every process does not list them again per pid.
     */
    static java.util.Set<Long> perfDataPids() {
        java.util.Set<Long> pids = new java.util.HashSet<>();
        try (var entries = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir", "/tmp")))) {
            for (Path dir : entries) {
                if (!dir.getFileName().toString().startsWith("hsperfdata_")) {
                    continue;
                }
                try (var files = Files.newDirectoryStream(dir)) {
                    for (Path f : files) {
                        String name = f.getFileName().toString();
                        if (!name.isEmpty() && name.chars().allMatch(Character::isDigit) && name.length() < 19) {
                            pids.add(Long.parseLong(name));
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // another user's directory we may not list: its JVMs are found through maps or cmdline
                }
            }
        } catch (IOException | SecurityException e) {
            // no temp dir listing: no hsperfdata evidence
        }
        return pids;
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
        java.util.Set<Long> perfData = perfDataPids();
        try (var entries = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                if (isJvm(pid, () -> perfData)) {
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

package dev.hoist.core.jvm;

import com.sun.tools.attach.VirtualMachine;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what the user typed ({@code 1234} or a part of a main class) into one attachable JVM, or
 * a one-line {@link HoistException} that says which of the distinct failures it is: no such
 * process, not a JVM, another user's JVM, attach refused, or an ambiguous name.
 */
public final class Targets {
    /**
     * How the messages below end: what to do next, said for the command line. A face that shows
     * the JVMs itself (the window's list) puts its own words in place of this one.
     */
    public static final String LIST_HINT = "run `hoist jvms` to see the JVMs you can attach to";

    private Targets() {}

    /** Resolves a PID or a unique substring of a main class / jar to an attachable JVM. */
    public static JvmInfo resolve(String pidOrName) {
        String s = pidOrName == null ? "" : pidOrName.trim();
        if (s.isEmpty()) {
            throw new HoistException(Failure.USAGE, "no target given; name a JVM by PID or by part of its main class "
                    + "(see `hoist jvms`)");
        }
        if (s.chars().allMatch(Character::isDigit)) {
            long pid;
            try {
                pid = Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw noSuchProcess(s);
            }
            return resolvePid(pid);
        }
        return resolveName(s);
    }

    /** Checks, in the order a user would, that the PID is a live JVM of ours that accepts attach. */
    public static JvmInfo resolvePid(long pid) {
        if (!JvmCatalog.alive(pid)) {
            throw noSuchProcess(Long.toString(pid));
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new HoistException(Failure.BAD_INPUT, "PID " + pid + " is Hoist itself; name the JVM to profile");
        }
        boolean jvm = ProcFs.isJvm(pid).orElse(true);
        if (!sameUserOrRoot(pid)) {
            if (!jvm) {
                throw notAJvm(pid);
            }
            throw new HoistException(Failure.OTHER_USER, "JVM " + pid + " belongs to user " + JvmCatalog.user(pid)
                    + " and you are " + System.getProperty("user.name")
                    + "; attach needs the same user: run hoist as " + JvmCatalog.user(pid));
        }
        if (!jvm) {
            throw notAJvm(pid);
        }
        boolean listed = VirtualMachine.list().stream().anyMatch(d -> d.id().equals(Long.toString(pid)));
        if (!listed && ProcFs.hasFlag(pid, "-XX:+DisableAttachMechanism")) {
            throw new HoistException(Failure.ATTACH_REFUSED, Attach.disabledMessage(pid));
        }
        JvmInfo info = JvmCatalog.probe(pid, ProcFs.mainFromCmdline(ProcFs.cmdline(pid)).orElse("?"));
        if (!info.attachable()) {
            // probe swallowed the reason; attach again so the caller gets the precise failure kind
            Attach.detachQuietly(Attach.attach(pid));
        }
        return info;
    }

    private static JvmInfo resolveName(String name) {
        String needle = name.toLowerCase(Locale.ROOT);
        List<JvmInfo> matches = JvmCatalog.listedWithoutAttach().stream()
                .filter(j -> j.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .toList();
        if (matches.isEmpty()) {
            Optional<Long> hidden = ProcFs.jvmPids().stream()
                    .filter(p -> p != ProcessHandle.current().pid())
                    .filter(p -> ProcFs.mainFromCmdline(ProcFs.cmdline(p)).orElse("").toLowerCase(Locale.ROOT).contains(needle))
                    .findFirst();
            if (hidden.isPresent()) {
                // a JVM with that name exists but is not attachable: say why rather than "not found"
                return resolvePid(hidden.get());
            }
            throw new HoistException(Failure.NO_SUCH_PROCESS, "no JVM whose main class or jar contains '" + name
                    + "'; " + LIST_HINT);
        }
        if (matches.size() > 1) {
            String list = matches.stream().map(j -> j.pid() + "  " + j.displayName())
                    .collect(Collectors.joining("; "));
            throw new HoistException(Failure.AMBIGUOUS_TARGET, "'" + name + "' matches " + matches.size()
                    + " JVMs: " + list + "; name one by PID");
        }
        return resolvePid(matches.get(0).pid());
    }

    static boolean sameUserOrRoot(long pid) {
        String me = System.getProperty("user.name");
        if ("root".equals(me)) {
            // root may attach to any user's JVM (the JVM accepts peers with uid 0)
            return true;
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().user()).map(me::equals).orElse(true);
    }

    private static HoistException noSuchProcess(String pid) {
        return new HoistException(Failure.NO_SUCH_PROCESS, "no process with PID " + pid
                + "; " + LIST_HINT);
    }

    private static HoistException notAJvm(long pid) {
        List<String> cmd = ProcFs.cmdline(pid);
        String what = cmd.isEmpty() ? "" : " (" + ProcFs.describe(cmd) + ")";
        return new HoistException(Failure.NOT_A_JVM, "process " + pid + what + " is not a JVM; "
                + LIST_HINT);
    }
}

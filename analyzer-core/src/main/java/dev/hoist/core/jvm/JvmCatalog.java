package dev.hoist.core.jvm;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Lists the local JVMs for {@code hoist jvms} and for name lookup: every JVM the Attach API
 * lists, probed by attaching and reading its system properties, plus JVMs that the Attach API
 * hides (attach disabled, perf data off) found through /proc, each with the reason it cannot be
 * attached. Hoist's own JVM is left out.
 */
public final class JvmCatalog {
    private JvmCatalog() {}

    /** All local JVMs except this one, by PID. Attaches briefly to each to read its properties. */
    public static List<JvmInfo> list() {
        return refresh(List.of());
    }

    /**
     * As {@link #list()}, attaching only to JVMs that {@code known} (an earlier answer) does not
     * hold as attachable: a list that refreshes every few seconds would otherwise knock on every JVM
     * each time. Known JVMs keep what was learnt, with their uptime brought up to date.
     */
    public static List<JvmInfo> refresh(List<JvmInfo> known) {
        java.util.Map<Long, JvmInfo> before = new java.util.HashMap<>();
        for (JvmInfo j : known) {
            before.put(j.pid(), j);
        }
        long self = ProcessHandle.current().pid();
        List<JvmInfo> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            long pid;
            try {
                pid = Long.parseLong(d.id());
            } catch (NumberFormatException e) {
                continue;
            }
            if (pid == self || !seen.add(pid) || !alive(pid)) {
                continue;
            }
            JvmInfo old = before.get(pid);
            out.add(old != null && old.attachable() ? withUptime(old) : probe(pid, d.displayName()));
        }
        for (long pid : ProcFs.jvmPids()) {
            if (pid != self && seen.add(pid) && alive(pid)) {
                // no attach here, only /proc: cheap enough to redo, and the reason may have changed
                out.add(hidden(pid));
            }
        }
        out.sort(Comparator.comparingLong(JvmInfo::pid));
        return out;
    }

    private static JvmInfo withUptime(JvmInfo j) {
        return new JvmInfo(j.pid(), j.displayName(), j.javaVersion(), j.vendor(), uptime(j.pid()), j.user(),
                j.attachable(), j.reason());
    }

    /** JVMs listed by the Attach API, without attaching: what name lookup matches against. */
    static List<JvmInfo> listedWithoutAttach() {
        long self = ProcessHandle.current().pid();
        List<JvmInfo> out = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            try {
                long pid = Long.parseLong(d.id());
                if (pid != self && alive(pid)) {
                    out.add(fromOs(pid, mainOf(d.displayName()), true, null));
                }
            } catch (NumberFormatException e) {
                // not a local pid
            }
        }
        return out;
    }

    /** Attaches to the listed JVM to read its version and vendor; on failure says why. */
    static JvmInfo probe(long pid, String displayName) {
        String main = mainOf(displayName);
        VirtualMachine vm = null;
        try {
            vm = Attach.attach(pid);
            Properties p = vm.getSystemProperties();
            String command = p.getProperty("sun.java.command", displayName);
            return new JvmInfo(pid, mainOf(command).equals("?") ? main : mainOf(command),
                    p.getProperty("java.version", "?"), p.getProperty("java.vendor", "?"),
                    uptime(pid), user(pid), true, null);
        } catch (dev.hoist.core.HoistException e) {
            return fromOs(pid, main, false, e.getMessage());
        } catch (java.io.IOException e) {
            return fromOs(pid, main, false, "attach failed while reading properties: " + e.getMessage());
        } finally {
            Attach.detachQuietly(vm);
        }
    }

    /** A JVM found in /proc but not listed by the Attach API. */
    static JvmInfo hidden(long pid) {
        String main = ProcFs.mainFromCmdline(ProcFs.cmdline(pid)).orElse("?");
        String reason;
        Duration up = uptime(pid);
        if (ProcFs.hasFlag(pid, "-XX:+DisableAttachMechanism")) {
            reason = "refuses attach: started with -XX:+DisableAttachMechanism";
        } else if (!Targets.sameUserOrRoot(pid)) {
            reason = "belongs to user " + user(pid) + "; run hoist as that user";
        } else if (ProcFs.hasFlag(pid, "-XX:-UsePerfData")) {
            reason = "not listed by the Attach API (started with -XX:-UsePerfData); name it by PID";
        } else if (up != null && up.compareTo(Duration.ofSeconds(10)) < 0) {
            reason = "just started: not listed by the Attach API yet";
        } else {
            reason = "not listed by the Attach API (another container or temp dir?)";
        }
        return fromOs(pid, main, false, reason);
    }

    private static JvmInfo fromOs(long pid, String main, boolean attachable, String reason) {
        Optional<Properties> release = ProcFs.release(pid);
        String version = release.map(r -> r.getProperty("JAVA_VERSION")).orElse("?");
        String vendor = release.map(r -> r.getProperty("IMPLEMENTOR")).orElse("?");
        return new JvmInfo(pid, main, version == null ? "?" : version, vendor == null ? "?" : vendor,
                uptime(pid), user(pid), attachable, reason);
    }

    /** The main class or jar: the first word of the launch command (arguments dropped). */
    static String mainOf(String command) {
        if (command == null || command.isBlank()) {
            return "?";
        }
        return command.trim().split("\\s+", -1)[0];
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static Duration uptime(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant())
                .map(s -> Duration.between(s, Instant.now())).orElse(null);
    }

    static String user(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().user()).orElse("?");
    }
}

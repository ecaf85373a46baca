package dev.hoist.core.jvm;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

import java.io.IOException;

/**
 * Attaches to a JVM and turns every way that can fail into a {@link HoistException} with the
 * failure kind a user can act on: gone, not a JVM, another user's, attach disabled or refused.
 * Samplers attach through here so they all report the same words.
 */
public final class Attach {
    private Attach() {}

    /** Attaches to the JVM, or throws the reason it cannot be attached. The caller detaches. */
    public static VirtualMachine attach(long pid) {
        try {
            return VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            if (e instanceof IOException && removeStaleSocket(pid)) {
                try {
                    return VirtualMachine.attach(Long.toString(pid));
                } catch (AttachNotSupportedException | IOException again) {
                    throw explain(pid, again);
                }
            }
            throw explain(pid, e);
        }
    }

    /**
     * Removes {@code /tmp/.java_pid<pid>} when it is older than the process: the attach socket of an
     * earlier process with the same pid, killed before it could remove it. The JDK's attacher connects
     * to any socket file it finds ("Connection refused"), and a target of another user cannot replace
     * a file of root's in the sticky /tmp, so the handshake never starts. True when one was removed.
     */
    static boolean removeStaleSocket(long pid) {
        java.nio.file.Path socket = java.nio.file.Path.of("/proc", Long.toString(pid), "root", "tmp", ".java_pid" + pid);
        try {
            java.util.Optional<java.time.Instant> started = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant());
            if (started.isEmpty() || !java.nio.file.Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            java.time.Instant made = java.nio.file.Files.getLastModifiedTime(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant();
            // the process start is known to the clock tick: a socket made by this process is not older than it
            if (!made.isBefore(started.get().minusMillis(20))) {
                return false;
            }
            java.nio.file.Files.delete(socket);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The user-facing failure for an attach that did not work. */
    static HoistException explain(long pid, Exception e) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false) {
            return new HoistException(Failure.TARGET_EXITED,
                    "JVM " + pid + " exited before Hoist could attach to it", e);
        }
        if (ProcFs.hasFlag(pid, "-XX:+DisableAttachMechanism")) {
            return new HoistException(Failure.ATTACH_REFUSED, disabledMessage(pid), e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new HoistException(Failure.ATTACH_REFUSED, "cannot attach to JVM " + pid + ": " + detail
                + "; check that it runs as your user and in your container, or start it without "
                + "-XX:+DisableAttachMechanism", e);
    }

    static String disabledMessage(long pid) {
        return "JVM " + pid + " refuses attach: it was started with -XX:+DisableAttachMechanism; "
                + "restart it without that flag to profile it";
    }

    /** Detaches, ignoring a target that already went away. */
    public static void detachQuietly(VirtualMachine vm) {
        if (vm == null) {
            return;
        }
        try {
            vm.detach();
        } catch (IOException | RuntimeException e) {
            // the target may have exited: nothing left to release on our side
        }
    }
}

package dev.hoist.core.profile;

import java.util.BitSet;
import java.util.Set;

/**
 * The stacks of a recording on which a thread was waiting, not running: its innermost Java frame is
 * a park, a monitor wait, a sleep or a blocking socket or selector call, or it has no Java frame
 * and sits in a wait system call (futex, epoll, poll, nanosleep). Wall-clock samples land on every
 * thread, so in a server most are of this kind; ranking code by wall time means leaving them out.
 */
public final class IdleStacks {
    private static final Set<String> WAITING_JAVA = Set.of(
            "jdk.internal.misc.Unsafe.park", "sun.misc.Unsafe.park", "java.lang.Object.wait", "java.lang.Object.wait0",
            "java.lang.Thread.sleep", "java.lang.Thread.sleep0", "java.lang.Thread.sleepNanos0", "java.lang.Thread.yield0",
            "java.lang.Thread.yield", "java.lang.Thread.onSpinWait", "java.lang.ref.Reference.waitForReferencePendingList",
            "java.lang.ProcessImpl.waitForProcessExit", "java.lang.ProcessHandleImpl.waitForProcessExit0",
            "sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.poll", "sun.nio.ch.Net.accept", "sun.nio.ch.Net.connect0",
            "sun.nio.ch.SocketDispatcher.read0", "sun.nio.ch.FileDispatcherImpl.read0", "sun.nio.ch.KQueue.poll",
            "java.net.PlainSocketImpl.socketAccept", "java.net.SocketInputStream.socketRead0",
            "java.io.FileInputStream.readBytes", "java.io.FileInputStream.read0");
    private static final String[] WAITING_NATIVE = {"futex", "epoll_wait", "epoll_pwait", "poll", "ppoll", "select", "pselect",
            "nanosleep", "clock_nanosleep", "pthread_cond_wait", "pthread_cond_timedwait", "__pthread_cond_wait", "accept",
            "sigtimedwait", "do_syscall_64", "syscall", "sched_yield", "read", "recv"};

    private IdleStacks() {
    }

    /** The waiting stacks, by stack index. */
    public static BitSet of(Profile p) {
        BitSet idle = new BitSet(p.stackCount());
        for (int s = 0, n = p.stackCount(); s < n; s++) {
            if (waiting(p, p.stackFrames(s))) idle.set(s);
        }
        return idle;
    }

    private static boolean waiting(Profile p, int[] frames) {
        for (int f : frames) {
            Frame fr = p.frame(f);
            if (fr.type().isJava()) {
                return WAITING_JAVA.contains(fr.method().displayName());
            }
        }
        if (frames.length == 0) return false;
        // glibc's internal names: __GI_accept, __GI___poll, __libc_read, __futex_abstimed_wait_common
        String leaf = p.frame(frames[0]).method().name().replaceFirst("^(__GI_+|__libc_|_+)", "");
        if (leaf.contains("futex")) return true;
        for (String w : WAITING_NATIVE) {
            if (leaf.equals(w) || leaf.startsWith(w + "_")) return true;
        }
        return false;
    }
}

package dev.hoist.core.jvm;

import com.sun.tools.attach.VirtualMachine;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.MonitorInfo;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running JVM's vital signs, read once a second by {@code hoist attach}: uptime, the process's
 * cpu use, heap used and committed, the share of time in GC pauses, and each Java thread's cpu
 * use and state; and a thread dump on request. Read over JMX from the target's local management
 * agent, which the Attach API starts (as jconsole does); the agent stays open in the target until
 * it exits. Each read costs the target one round of MXBean calls (thread states are taken without
 * stack traces, so no safepoint); cpu and GC shares are the change since the previous read.
 */
public final class TargetVitals implements AutoCloseable {

    /** One Java thread: its cpu use since the previous read, in cores (1.0 = one core busy), and state. */
    public record ThreadVitals(long id, String name, Thread.State state, double cpuCores) {
    }

    /**
     * One read. Shares are NaN on the first read (nothing to compare with yet).
     *
     * @param cpuCores      the process's cpu use since the previous read, in cores
     * @param processors    the processors the target sees
     * @param gcShare       0..1 of the wall time since the previous read spent in collections
     * @param threads       Java threads, busiest first
     */
    public record Vitals(String vmName, String vmVersion, Duration uptime, double cpuCores, int processors,
                         long heapUsed, long heapCommitted, long heapMax, double gcShare, List<ThreadVitals> threads) {
        public Vitals {
            threads = List.copyOf(threads);
        }
    }

    private final long pid;
    private final JMXConnector connector;
    private final RuntimeMXBean runtime;
    private final com.sun.management.OperatingSystemMXBean os;
    private final MemoryMXBean memory;
    private final List<GarbageCollectorMXBean> collectors;
    private final com.sun.management.ThreadMXBean threads;
    private long lastNanos = -1;
    private long lastCpu;
    private long lastGc;
    private final Map<Long, Long> lastThreadCpu = new HashMap<>();

    private TargetVitals(long pid, JMXConnector connector) throws IOException {
        this.pid = pid;
        this.connector = connector;
        MBeanServerConnection c = connector.getMBeanServerConnection();
        this.runtime = ManagementFactory.newPlatformMXBeanProxy(c, ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
        this.os = ManagementFactory.newPlatformMXBeanProxy(c, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
                com.sun.management.OperatingSystemMXBean.class);
        this.memory = ManagementFactory.newPlatformMXBeanProxy(c, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        this.collectors = ManagementFactory.getPlatformMXBeans(c, GarbageCollectorMXBean.class);
        this.threads = ManagementFactory.newPlatformMXBeanProxy(c, ManagementFactory.THREAD_MXBEAN_NAME,
                com.sun.management.ThreadMXBean.class);
    }

    /**
     * Attaches, starts the target's local management agent and connects to it.
     *
     * @throws HoistException with the attach failure's kind, or TARGET_EXITED / ATTACH_REFUSED
     */
    // BanJNDI: the JMX address is the one the target's own local agent gave over a local attach
    @SuppressWarnings("BanJNDI")
    public static TargetVitals open(long pid) {
        VirtualMachine vm = Attach.attach(pid);
        try {
            String address = vm.startLocalManagementAgent();
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            try {
                return new TargetVitals(pid, connector);
            } catch (IOException | RuntimeException e) {
                connector.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HoistException h) {
                throw h;
            }
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new HoistException(Failure.TARGET_EXITED, "JVM " + pid + " exited while Hoist connected to it", e);
            }
            throw new HoistException(Failure.ATTACH_REFUSED, "cannot read the vital signs of JVM " + pid
                    + " over its local management agent: " + e.getMessage(), e);
        } finally {
            Attach.detachQuietly(vm);
        }
    }

    /** Reads the vital signs now; throws IOException when the target went away. */
    public synchronized Vitals read() throws IOException {
        try {
            long now = System.nanoTime();
            double dt = lastNanos < 0 ? Double.NaN : (now - lastNanos) / 1e9;
            long cpu = os.getProcessCpuTime();
            long gc = 0;
            for (GarbageCollectorMXBean b : collectors) {
                gc += Math.max(0, b.getCollectionTime());
            }
            MemoryUsage heap = memory.getHeapMemoryUsage();
            long[] ids = threads.getAllThreadIds();
            ThreadInfo[] infos = threads.getThreadInfo(ids, 0);
            long[] cpus = threads.isThreadCpuTimeEnabled() ? threads.getThreadCpuTime(ids) : new long[ids.length];
            List<ThreadVitals> list = new ArrayList<>();
            Map<Long, Long> seen = new HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                if (infos[i] == null) {
                    continue; // ended between the two calls
                }
                Long before = lastThreadCpu.get(ids[i]);
                double cores = before == null || cpus[i] < 0 || Double.isNaN(dt) ? Double.NaN : (cpus[i] - before) / 1e9 / dt;
                seen.put(ids[i], cpus[i]);
                list.add(new ThreadVitals(ids[i], infos[i].getThreadName(), infos[i].getThreadState(), cores));
            }
            list.sort(Comparator.comparingDouble((ThreadVitals t) -> Double.isNaN(t.cpuCores()) ? -1 : t.cpuCores()).reversed());
            Vitals v = new Vitals(runtime.getVmName(), runtime.getVmVersion(), Duration.ofMillis(runtime.getUptime()),
                    Double.isNaN(dt) ? Double.NaN : (cpu - lastCpu) / 1e9 / dt, os.getAvailableProcessors(),
                    heap.getUsed(), heap.getCommitted(), heap.getMax(),
                    Double.isNaN(dt) ? Double.NaN : Math.min(1.0, (gc - lastGc) / 1e3 / dt), list);
            lastNanos = now;
            lastCpu = cpu;
            lastGc = gc;
            lastThreadCpu.clear();
            lastThreadCpu.putAll(seen);
            return v;
        } catch (java.lang.reflect.UndeclaredThrowableException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /**
     * A thread dump of the target in jstack's layout: each thread's name, id, state, the lock it
     * waits for, its stack and the monitors it holds. Names and frames are the target's: the caller
     * cleans them before a terminal shows them.
     */
    public synchronized String threadDump() throws IOException {
        try {
            StringBuilder sb = new StringBuilder();
            sb.append("Thread dump of JVM ").append(pid).append(" (").append(runtime.getVmName()).append(' ')
                    .append(runtime.getVmVersion()).append(")\n\n");
            for (ThreadInfo t : threads.dumpAllThreads(threads.isObjectMonitorUsageSupported(),
                    threads.isSynchronizerUsageSupported())) {
                sb.append('"').append(t.getThreadName()).append("\" #").append(t.getThreadId())
                        .append(t.isDaemon() ? " daemon" : "").append(" prio=").append(t.getPriority()).append('\n');
                sb.append("   java.lang.Thread.State: ").append(t.getThreadState()).append('\n');
                StackTraceElement[] stack = t.getStackTrace();
                for (int i = 0; i < stack.length; i++) {
                    sb.append("\tat ").append(stack[i]).append('\n');
                    if (i == 0 && t.getLockInfo() != null) {
                        sb.append("\t- ").append(t.getThreadState() == Thread.State.BLOCKED ? "waiting to lock " : "waiting on ")
                                .append(t.getLockInfo()).append(t.getLockOwnerName() == null ? ""
                                        : " owned by \"" + t.getLockOwnerName() + "\" #" + t.getLockOwnerId()).append('\n');
                    }
                    for (MonitorInfo m : t.getLockedMonitors()) {
                        if (m.getLockedStackDepth() == i) {
                            sb.append("\t- locked ").append(m).append('\n');
                        }
                    }
                }
                LockInfo[] syncs = t.getLockedSynchronizers();
                if (syncs.length > 0) {
                    sb.append("\n   Locked ownable synchronizers:\n");
                    for (LockInfo l : syncs) {
                        sb.append("\t- ").append(l).append('\n');
                    }
                }
                sb.append('\n');
            }
            return sb.toString();
        } catch (java.lang.reflect.UndeclaredThrowableException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException | RuntimeException e) {
            // the target may be gone already
        }
    }
}

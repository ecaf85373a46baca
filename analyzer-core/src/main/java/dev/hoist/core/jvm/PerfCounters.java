package dev.hoist.core.jvm;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running JVM's performance counters (what {@code jstat} and {@code jcmd PID PerfCounter.print}
 * read): the memory the JVM itself keeps them in, mapped read-only from its {@code hsperfdata} file
 * by the JDK's own reader (jvmstat). Reading costs the target nothing: no attach, no thread of its
 * own, nothing left behind. jvmstat is in the JDK but not exported; Hoist's jar manifest and
 * launchers export it ({@value #EXPORT}), and it is called by reflection since
 * Hoist compiles against Java 17's public API only. A target started with
 * {@code -XX:-UsePerfData} has no counters.
 */
final class PerfCounters implements AutoCloseable {
    static final String EXPORT = "--add-exports jdk.internal.jvmstat/sun.jvmstat.monitor=ALL-UNNAMED";

    private final Object vm;
    private final Method find;
    private final Method detach;
    private final Method name;
    private final Method value;

    private PerfCounters(Object vm) throws ReflectiveOperationException {
        this.vm = vm;
        Class<?> monitored = Class.forName("sun.jvmstat.monitor.MonitoredVm");
        Class<?> monitor = Class.forName("sun.jvmstat.monitor.Monitor");
        this.find = monitored.getMethod("findByPattern", String.class);
        this.detach = monitored.getMethod("detach");
        this.name = monitor.getMethod("getName");
        this.value = monitor.getMethod("getValue");
    }

    /**
     * Maps the counters of JVM {@code pid}.
     *
     * @throws IOException when the JVM has no counters (gone, {@code -XX:-UsePerfData}, another user's)
     * @throws IllegalStateException when this JVM does not export jvmstat to Hoist
     */
    static PerfCounters open(long pid) throws IOException {
        try {
            Class<?> hosts = Class.forName("sun.jvmstat.monitor.MonitoredHost");
            Class<?> id = Class.forName("sun.jvmstat.monitor.VmIdentifier");
            Object host = hosts.getMethod("getMonitoredHost", String.class).invoke(null, "localhost");
            Object vmId = id.getConstructor(String.class).newInstance(Long.toString(pid));
            return new PerfCounters(hosts.getMethod("getMonitoredVm", id).invoke(host, vmId));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Hoist cannot read performance counters: start it with " + EXPORT, e);
        } catch (InvocationTargetException e) {
            throw new IOException("JVM " + pid + " has no performance counters Hoist can read ("
                    + e.getCause() + ")", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM has no jvmstat to read performance counters with (" + e + ")", e);
        }
    }

    /** The counters whose names match {@code regex}: Long for numbers, String for text. */
    Map<String, Object> read(String regex) throws IOException {
        try {
            Map<String, Object> out = new HashMap<>();
            for (Object m : (List<?>) find.invoke(vm, regex)) {
                out.put((String) name.invoke(m), value.invoke(m));
            }
            return out;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IOException("cannot read the performance counters: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public void close() {
        try {
            detach.invoke(vm);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // unmapping a file of a JVM that may be gone
        }
    }
}

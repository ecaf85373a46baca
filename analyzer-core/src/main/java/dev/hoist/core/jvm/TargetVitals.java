package dev.hoist.core.jvm;

import com.sun.tools.attach.VirtualMachine;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running JVM's vital signs, read once a second by {@code hoist attach}: uptime, the process's
 * cpu use, heap used and committed, the share of time in GC, and each thread's cpu use and state;
 * and a thread dump on request. Read without leaving anything in the target: the JVM's own
 * performance counters as {@code jstat} reads them ({@link PerfCounters}: its hsperfdata memory,
 * mapped read-only), the cpu use of the process and of each thread from {@code /proc}, and the Java
 * names of the threads and the thread dump from the diagnostic command {@code Thread.print} over the
 * Attach API ({@link DiagnosticCommand}, as {@code jcmd} does), taken for the names only when
 * threads Hoist has not named yet appear, at most once every {@value #NAMES_EVERY_SECONDS} s. No
 * management agent, no listening socket, no connector thread is started in the target. A thread's state is the operating
 * system's (running, sleeping, waiting on I/O): the Java state would need a thread dump, a
 * safepoint, every second. Shares are the change since the previous read.
 */
public final class TargetVitals implements AutoCloseable {

    static final int NAMES_EVERY_SECONDS = 10;
    /** Clock ticks per second of /proc's cpu times (USER_HZ, 100 on every Linux Hoist runs on). */
    private static final double TICKS = 100.0;

    /** One thread: its cpu use since the previous read, in cores (1.0 = one core busy), and its state. */
    public record ThreadVitals(long id, String name, String state, double cpuCores) {
    }

    /**
     * One read. Shares are NaN on the first read (nothing to compare with yet); sizes are -1 when
     * the target's collector keeps no such counter.
     *
     * @param cpuCores   the process's cpu use since the previous read, in cores
     * @param processors the processors the target may run on
     * @param gcShare    0..1 of the wall time since the previous read spent in collections
     * @param threads    threads, busiest first
     */
    public record Vitals(String vmName, String vmVersion, Duration uptime, double cpuCores, int processors,
                         long heapUsed, long heapCommitted, long heapMax, double gcShare, List<ThreadVitals> threads) {
        public Vitals {
            threads = List.copyOf(threads);
        }
    }

    private static final String WANTED = "sun\\.gc\\.collector\\.\\d+\\.time|sun\\.gc\\.generation\\.\\d+\\.(capacity|space\\.\\d+\\.used)"
            + "|sun\\.os\\.hrt\\.frequency|sun\\.rt\\.createVmBeginTime|java\\.property\\.java\\.vm\\.(name|version)";

    private final long pid;
    private final VirtualMachine vm;
    private final PerfCounters counters;
    private final long heapMax;
    private final Map<Long, String> javaNames = new HashMap<>();
    private final Map<Long, Long> lastThreadCpu = new HashMap<>();
    private long namesRead = Long.MIN_VALUE;
    private long lastNanos = -1;
    private long lastCpu;
    private long lastGc;
    private boolean closed;

    private TargetVitals(long pid, VirtualMachine vm, PerfCounters counters, long heapMax) {
        this.pid = pid;
        this.vm = vm;
        this.counters = counters;
        this.heapMax = heapMax;
    }

    /**
     * Attaches and reads the counters once, to know they can be read.
     *
     * @throws HoistException with the attach failure's kind, or TARGET_EXITED / ATTACH_REFUSED
     */
    public static TargetVitals open(long pid) {
        VirtualMachine vm = Attach.attach(pid);
        PerfCounters perf = null;
        try {
            perf = PerfCounters.open(pid);
            long max = -1;
            for (String line : DiagnosticCommand.run(vm, "VM.flags").split("\\s+", -1)) {
                if (line.startsWith("-XX:MaxHeapSize=")) {
                    max = Long.parseLong(line.substring("-XX:MaxHeapSize=".length()));
                }
            }
            TargetVitals t = new TargetVitals(pid, vm, perf, max);
            t.read();
            return t;
        } catch (IOException | RuntimeException e) {
            Attach.detachQuietly(vm);
            if (perf != null) {
                perf.close();
            }
            if (e instanceof HoistException h) {
                throw h;
            }
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new HoistException(Failure.TARGET_EXITED, "JVM " + pid + " exited while Hoist connected to it", e);
            }
            throw new HoistException(Failure.ATTACH_REFUSED, "cannot read the vital signs of JVM " + pid
                    + ": " + e.getMessage(), e);
        }
    }

    /** Reads the vital signs now; throws IOException when the target went away. */
    public synchronized Vitals read() throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        Map<String, Object> c = counters.read(WANTED);
        long now = System.nanoTime();
        double dt = lastNanos < 0 ? Double.NaN : (now - lastNanos) / 1e9;
        double frequency = number(c, "sun.os.hrt.frequency", 1_000_000_000L);
        long gc = 0;
        long used = 0;
        long committed = 0;
        boolean sizes = false;
        for (String k : c.keySet()) {
            if (k.endsWith(".time")) {
                gc += Math.max(0, number(c, k, 0));
            } else if (k.endsWith(".used")) {
                used += Math.max(0, number(c, k, 0));
                sizes = true;
            } else if (k.endsWith(".capacity")) {
                committed += Math.max(0, number(c, k, 0));
            }
        }
        long begin = number(c, "sun.rt.createVmBeginTime", -1);
        Duration uptime = begin > 0 ? Duration.ofMillis(Math.max(0, System.currentTimeMillis() - begin)) : Duration.ZERO;
        long cpu = ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
        List<ThreadVitals> threads = threads(dt);
        Vitals v = new Vitals(text(c, "java.property.java.vm.name"), text(c, "java.property.java.vm.version"), uptime,
                Double.isNaN(dt) || cpu < 0 ? Double.NaN : (cpu - lastCpu) / 1e9 / dt, processors(),
                sizes ? used : -1, sizes ? committed : -1, heapMax,
                Double.isNaN(dt) ? Double.NaN : Math.min(1.0, (gc - lastGc) / frequency / dt), threads);
        lastNanos = now;
        lastCpu = cpu;
        lastGc = gc;
        return v;
    }

    /** Each thread's cpu since the last read and state, from /proc; empty where there is no /proc. */
    private List<ThreadVitals> threads(double dt) throws IOException {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        List<ThreadVitals> list = new ArrayList<>();
        Map<Long, Long> seen = new HashMap<>();
        Map<Long, String[]> stats = new HashMap<>();
        if (!Files.isDirectory(tasks)) {
            return list;
        }
        try (var dirs = Files.list(tasks)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String[] stat = stat(d);
                if (stat != null) {
                    stats.put(Long.parseLong(d.getFileName().toString()), stat);
                }
            }
        }
        boolean unnamed = stats.keySet().stream().anyMatch(id -> !javaNames.containsKey(id));
        if (unnamed && (namesRead == Long.MIN_VALUE || System.nanoTime() - namesRead >= NAMES_EVERY_SECONDS * 1_000_000_000L)) {
            namesRead = System.nanoTime();
            javaNames.putAll(ThreadNames.of(DiagnosticCommand.run(vm, "Thread.print")));
            for (Long id : stats.keySet()) {
                javaNames.putIfAbsent(id, null); // a native thread with no Java name: not asked again
            }
            javaNames.keySet().retainAll(stats.keySet());
        }
        for (Map.Entry<Long, String[]> e : stats.entrySet()) {
            String[] s = e.getValue();
            long ticks = Long.parseLong(s[0]) + Long.parseLong(s[1]);
            Long before = lastThreadCpu.get(e.getKey());
            double cores = before == null || Double.isNaN(dt) ? Double.NaN : (ticks - before) / TICKS / dt;
            seen.put(e.getKey(), ticks);
            String name = javaNames.get(e.getKey());
            list.add(new ThreadVitals(e.getKey(), name != null ? name : s[3], state(s[2]), cores));
        }
        lastThreadCpu.clear();
        lastThreadCpu.putAll(seen);
        list.sort(Comparator.comparingDouble((ThreadVitals t) -> Double.isNaN(t.cpuCores()) ? -1 : t.cpuCores()).reversed());
        return list;
    }

    /** utime, stime, state letter and name of one thread's stat; null when it ended meanwhile. */
    private static String[] stat(Path task) {
        try {
            String s = Files.readString(task.resolve("stat"));
            int open = s.indexOf('(');
            int close = s.lastIndexOf(')');
            String[] f = s.substring(close + 2).split(" ", -1);
            // after the name: state is field 3, utime and stime fields 14 and 15 of stat(5)
            return new String[] {f[11], f[12], f[0], s.substring(open + 1, close)};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String state(String letter) {
        return switch (letter) {
            case "R" -> "running";
            case "S" -> "sleeping";
            case "D" -> "io wait";
            case "T", "t" -> "stopped";
            default -> letter;
        };
    }

    private int processors() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    int n = 0;
                    for (String range : line.substring(line.indexOf(':') + 1).strip().split(",", -1)) {
                        String[] ab = range.split("-", -1);
                        n += ab.length == 1 ? 1 : Integer.parseInt(ab[1]) - Integer.parseInt(ab[0]) + 1;
                    }
                    return n;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: the processors this machine has
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static long number(Map<String, Object> c, String key, long otherwise) {
        return c.get(key) instanceof Number n ? n.longValue() : otherwise;
    }

    private static String text(Map<String, Object> c, String key) {
        return c.get(key) instanceof String v ? v : "?";
    }

    /**
     * A thread dump of the target in jstack's layout ({@code Thread.print -l}): each thread's name,
     * state, the lock it waits for, its stack and the locks it holds. Names and frames are the
     * target's: the caller cleans them before a terminal shows them.
     */
    public synchronized String threadDump() throws IOException {
        if (closed) {
            throw new IOException("closed");
        }
        return DiagnosticCommand.run(vm, "Thread.print -l");
    }

    /** Detaches; nothing of Hoist's stays in the target for the vital signs. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Attach.detachQuietly(vm);
            counters.close();
        }
    }
}

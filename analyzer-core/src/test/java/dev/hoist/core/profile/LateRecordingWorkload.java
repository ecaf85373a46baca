package dev.hoist.core.profile;

import com.sun.management.ThreadMXBean;
import jdk.jfr.Recording;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Child-JVM workload for the JDK allocation-weight test: it allocates a lot before a Flight
 * Recorder recording starts (as a target Hoist attaches to has), then starts one with
 * {@code jdk.ObjectAllocationSample}, allocates far less for the given milliseconds and writes the recording
 * to the first argument and, to the second, the bytes its main thread allocated while recording,
 * as the JVM counts them ({@code ThreadMXBean.getThreadAllocatedBytes}).
 */
public final class LateRecordingWorkload {
    static volatile Object sink;

    static void allocate(long bytes) {
        for (long done = 0; done < bytes; done += 1040) {
            sink = new byte[1024];
        }
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        allocate(3L << 30); // 3 GiB before the recording: what a long-running target has behind it
        try (Recording r = new Recording()) {
            r.enable("jdk.ObjectAllocationSample").withStackTrace().with("throttle", "300/s");
            r.setToDisk(true);
            r.start();
            long before = threads.getThreadAllocatedBytes(tid);
            long end = System.nanoTime() + Duration.ofMillis(Long.parseLong(args[2])).toNanos();
            while (System.nanoTime() < end) {
                allocate(1L << 20); // about 100 MB/s: a fraction of what went before
                Thread.sleep(10);
            }
            long during = threads.getThreadAllocatedBytes(tid) - before;
            r.stop();
            r.dump(Path.of(args[0]));
            Files.writeString(Path.of(args[1]), Long.toString(during));
        }
    }
}

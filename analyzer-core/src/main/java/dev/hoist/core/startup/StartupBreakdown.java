package dev.hoist.core.startup;

import java.util.List;

/**
 * Where one start's time went, from one run with the JVM's own logging and counters (class
 * loading, boot, GC, JIT) and one sampled run (static initialisers, interpreted against compiled
 * code). Times are milliseconds; -1 means the JVM did not say.
 *
 * @param wallMillis       launch to end point in the logged run
 * @param jvmBootMillis    creating the VM (HotSpot's "Create VM": before any class of the program runs)
 * @param classes          classes loaded, {@code sharedClasses} of them mapped from a CDS archive
 * @param classLoadMillis  loading, linking and initialising classes, all together ({@code sun.cls.time})
 * @param classInitMillis  initialising them, static initialisers included, less the loads they caused
 * @param linkMillis       linking, less verification
 * @param verifyMillis     bytecode verification
 * @param bySource         classes per jar, folder, JDK module or archive
 * @param byPackage        classes per package, outside the JDK and the archive
 * @param classesPer10ms   classes loaded in each 10 ms after the JVM started
 * @param clinits          the costliest static initialisers, costliest first
 * @param cpu              the sampled run's CPU samples by what ran
 * @param gcCount          collections during the start, and {@code gcMillis} their pauses
 * @param jitMillis        the JIT compilers' time (on their own threads)
 * @param hotMethods       the sampled run's Java methods by their own cpu samples, hottest first
 */
public record StartupBreakdown(double wallMillis, double jvmBootMillis, int classes, int sharedClasses, double classLoadMillis,
                               double classInitMillis, double linkMillis, double verifyMillis, List<ClassLoading.Group> bySource,
                               List<ClassLoading.Group> byPackage, List<Integer> classesPer10ms, List<Clinit> clinits, CpuSplit cpu,
                               long gcCount, double gcMillis, double jitMillis, List<HotMethod> hotMethods) {

    /** A Java method the start ran: its name and its own cpu samples (one per sampling interval). */
    public record HotMethod(String method, long samples) {}

    /** A static initialiser: its class, its time (the sampled wall time with it innermost on the stack) and its samples. */
    public record Clinit(String className, double millis, long samples, String hottestCallee) {}

    /**
     * CPU samples of the start by what was running: Java code interpreted, Java code compiled,
     * the JIT compiler threads, GC threads, and the rest of the VM and native code (class loading,
     * linking, the launcher). {@code intervalMillis} is the sampling interval.
     */
    public record CpuSplit(long interpreted, long compiled, long jit, long gc, long vm, double intervalMillis) {
        public long total() {
            return interpreted + compiled + jit + gc + vm;
        }

        /** A share of all samples, in percent. */
        public double percent(long part) {
            return total() == 0 ? 0 : 100.0 * part / total();
        }

        static CpuSplit none() {
            return new CpuSplit(0, 0, 0, 0, 0, 0);
        }
    }
}

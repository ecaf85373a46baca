package dev.hoist.core.jvm;

import dev.hoist.testkit.ChildJvm;
import dev.hoist.workloads.probe.HotAndAlloc;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The probe workload ({@link HotAndAlloc}) as attach and sampling tests start it: from a launcher
 * jar with a name of the test's choosing, so that name lookup cannot match a JVM of another test
 * run on the same machine, with a 256 MB heap, started once it printed {@code ready}.
 */
public final class Probe {
    private Probe() {
    }

    /** The classes directory or jar holding the probe workload. */
    public static Path workloadClasspath() {
        return ChildJvm.codeSourceOf(HotAndAlloc.class);
    }

    /** A jar named {@code <name>.jar} whose manifest runs HotAndAlloc from the workload class path. */
    public static Path launcherJar(Path dir, String name) throws IOException {
        return ChildJvm.launcherJar(dir, name, HotAndAlloc.class.getName(), workloadClasspath());
    }

    /** The probe started from {@code launcher} by the current JDK; add a java home, JVM options or arguments. */
    public static ChildJvm.Builder child(Path launcher) {
        return ChildJvm.java().jvmArgs("-Xmx256m").jar(launcher).readyLine("ready");
    }

    /**
     * The probe run as user nobody (root profiling another user's JVM); the test is skipped unless it
     * runs as root with setpriv. Nobody cannot read root's home (~/.m2, a checkout under it), so the
     * workload's classes are copied where every user can read them; setpriv execs java itself, so the
     * child's pid is the target's.
     */
    public static ChildJvm.Builder asNobody() throws java.io.IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name"))
                && java.nio.file.Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs root and setpriv to run the target as user nobody");
        Path readable = ChildJvm.readableCopy(workloadClasspath().toString());
        return ChildJvm.java().prefix("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
                .jvmArgs("-Xmx256m").classpath(readable.toString()).mainClass(HotAndAlloc.class).readyLine("ready");
    }
}

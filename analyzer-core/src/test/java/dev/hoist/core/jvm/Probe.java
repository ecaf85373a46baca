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
}

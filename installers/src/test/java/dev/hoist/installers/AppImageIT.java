package dev.hoist.installers;

import dev.hoist.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The installers' CI check: the app-image that the build made runs Hoist's real commands through
 * its own launcher and runtime, uses its start-up archive, and the .deb (when its tools were
 * there) holds what installing needs.
 */
class AppImageIT {
    private static final Path IMAGE = Path.of(System.getProperty("hoist.image"));
    private static final Path LAUNCHER = IMAGE.resolve("bin/hoist");
    private static final Path APP = IMAGE.resolve("lib/app");
    private static final Path RUNTIME = IMAGE.resolve("lib/runtime");
    private static final String SAMPLE_JAR = System.getProperty("hoist.sampleJar");

    record Result(int exit, String out, String err) {
        String all() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    @Test
    void versionIsTheBuildsAndTheLauncherSaysNothingElse() throws Exception {
        Result r = run(List.of(LAUNCHER.toString(), "--version"), Map.of());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).as(r.all()).startsWith("hoist " + System.getProperty("hoist.version") + "\n");
        assertThat(r.err()).as("no JVM or JavaFX warnings on stderr").isEmpty();
    }

    @Test
    void analyzeFindsTheSampleWorkloadsAntiPatterns() throws Exception {
        Result r = run(List.of(LAUNCHER.toString(), "analyze", SAMPLE_JAR), Map.of());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).as(r.all())
                .contains("dev.hoist.workloads.pairs.boxing.TrafficStats")
                .contains("[boxing-in-loop]")
                .contains("[string-concat-in-loop]");
    }

    @Test
    void theLauncherStartsFromTheArchive(@TempDir Path tmp) throws Exception {
        assertStartsFromTheArchive(LAUNCHER, tmp);
    }

    @Test
    void theLauncherFindsItsImageThroughASymlinkOnThePath(@TempDir Path tmp) throws Exception {
        // as after `ln -s <image>/bin/hoist ~/.local/bin/hoist`
        Path link = Files.createSymbolicLink(tmp.resolve("hoist"), LAUNCHER);
        assertStartsFromTheArchive(link, tmp);
    }

    @Test
    void runtimeHoldsJavaFxAsModulesAndTheJarDoesNot() throws Exception {
        Result r = run(ChildJvm.java().javaHome(RUNTIME).args("--list-modules").commandLine(), Map.of());
        assertThat(r.exit()).as(r.all()).isZero();
        // reached by reflection or a service, so jdeps does not name them
        assertThat(r.out()).contains("java.management.rmi@", "jdk.attach@", "jdk.jfr@", "javafx.controls@");
        assertThat(RUNTIME.resolve("lib/libglassgtk3.so")).exists();
        try (ZipFile jar = new ZipFile(APP.resolve("hoist.jar").toFile())) {
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("javafx/") || n.endsWith("libglass.so")))
                    .as("JavaFX comes from the runtime only").isEmpty();
            assertThat(jar.getEntry("linux-x64/libasyncProfiler.so")).as("async-profiler's agent stays in the jar").isNotNull();
        }
    }

    @Test
    void profilesALiveJvmWithBothSamplersAndReportsTheRecording(@TempDir Path tmp) throws Exception {
        try (ChildJvm target = ChildJvm.java().javaHome(RUNTIME).classpath(APP.resolve("hoist.jar"))
                .mainClass("dev.hoist.workloads.probe.HotAndAlloc").args("--seconds", "120")
                // attach leaves .attach_pid<pid> in the target's working directory when the target is killed
                .directory(tmp)
                .mergeStderr().readyContaining("ready").start()) {
            String pid = Long.toString(target.pid());
            Path asprof = tmp.resolve("async.jfr");
            Result a = run(List.of(LAUNCHER.toString(), "profile", pid, "--duration", "2s", "--out", asprof.toString()), Map.of());
            assertThat(a.exit()).as(a.all()).isZero();
            assertThat(a.err()).as(a.all()).doesNotContain("async-profiler could not run");
            assertThat(a.out()).as(a.all()).contains("HotAndAlloc.crunch");

            // the JDK's Flight Recorder through jcmd-style commands over attach: needs the launcher's --add-exports
            Path jfr = tmp.resolve("jfr.jfr");
            Result j = run(List.of(LAUNCHER.toString(), "profile", pid, "--duration", "2s", "--sampler", "jfr",
                    "--out", jfr.toString()), Map.of());
            assertThat(j.exit()).as(j.all()).isZero();
            assertThat(j.out()).as(j.all()).contains("Sampler: jdk-jfr").contains("HotAndAlloc.crunch");

            Result rep = run(List.of(LAUNCHER.toString(), "report", asprof.toString(), "--classpath",
                    APP.resolve("hoist.jar").toString()), Map.of());
            assertThat(rep.exit()).as(rep.all()).isZero();
            assertThat(rep.out()).as(rep.all()).contains("HotAndAlloc.crunch");
        }
    }

    @Test
    void debInstallsHoistOnThePathWithADesktopEntryAndWritesTheArchiveOnInstall(@TempDir Path tmp) throws Exception {
        Path dist = Path.of(System.getProperty("hoist.dist"));
        List<Path> debs = Files.isDirectory(dist) ? list(dist, ".deb") : List.of();
        assumeTrue(!debs.isEmpty(), "no .deb was built (dpkg-deb or fakeroot missing, or -DskipDeb)");
        Path deb = debs.get(0);

        Result contents = run(List.of("dpkg-deb", "--contents", deb.toString()), Map.of());
        assertThat(contents.exit()).as(contents.all()).isZero();
        assertThat(contents.out()).contains("./usr/bin/hoist\n", "./usr/lib/hoist/app/hoist.jar\n",
                "./usr/lib/hoist/app/hoist-cds.sh\n", "./usr/lib/hoist/app/hoist.classlist\n",
                "./usr/lib/hoist/runtime/lib/libglassgtk3.so\n", "./usr/lib/hoist/hoist.png\n");
        assertThat(contents.out()).as("the archive is written at install time, for the installed path")
                .doesNotContain("hoist.jsa");

        Path control = tmp.resolve("control");
        Path root = tmp.resolve("root");
        assertThat(run(List.of("dpkg-deb", "--control", deb.toString(), control.toString()), Map.of()).exit()).isZero();
        assertThat(run(List.of("dpkg-deb", "--extract", deb.toString(), root.toString()), Map.of()).exit()).isZero();
        // whole lines, so that a comment naming a command does not count
        assertThat(Files.readAllLines(control.resolve("postinst")))
                .contains("xdg-desktop-menu install /usr/lib/hoist/hoist-hoist.desktop")
                .contains("        /usr/lib/hoist/app/hoist-cds.sh \\");
        assertThat(Files.readAllLines(control.resolve("prerm")))
                .contains("xdg-desktop-menu uninstall /usr/lib/hoist/hoist-hoist.desktop")
                .contains("        rm -f /usr/share/applications/hoist-hoist.desktop /usr/lib/hoist/app/hoist.jsa");
        assertThat(Files.readString(control.resolve("control"))).contains("Package: hoist", "libgtk-3-0")
                .as("every build property was filled in").doesNotContain("${");
        assertThat(Files.readString(root.resolve("usr/lib/hoist/hoist-hoist.desktop")))
                .contains("Name=Hoist\n", "Exec=/usr/bin/hoist gui\n", "Icon=/usr/lib/hoist/hoist.png\n")
                .as("every build property was filled in").doesNotContain("${");

        // the package's own tree, unpacked elsewhere: postinst's archive step, then /usr/bin/hoist
        // finds /usr/lib/hoist beside it and starts from that archive
        Result cds = run(List.of(root.resolve("usr/lib/hoist/app/hoist-cds.sh").toString()), Map.of());
        assertThat(cds.exit()).as(cds.all()).isZero();
        assertStartsFromTheArchive(root.resolve("usr/bin/hoist"), tmp);
    }

    /**
     * _JAVA_OPTIONS comes after the launcher's own options, so its -Xshare:on wins over the
     * launcher's -Xshare:auto and turns an unusable archive into a failed start.
     */
    private static void assertStartsFromTheArchive(Path launcher, Path tmp) throws Exception {
        Path log = Files.createTempFile(tmp, "classes", ".log");
        Result r = run(List.of(launcher.toString(), "--version"),
                Map.of("_JAVA_OPTIONS", "-Xshare:on -Xlog:class+load=info:file=" + log));
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).as(r.all()).startsWith("hoist " + System.getProperty("hoist.version") + "\n");
        assertThat(Files.readString(log)).contains("dev.hoist.app.Hoist source: shared objects file")
                .contains("picocli.CommandLine source: shared objects file");
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    private static Result run(List<String> command, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile("hoist-it", ".out");
        Path err = Files.createTempFile("hoist-it", ".err");
        try {
            ChildJvm.Builder b = ChildJvm.command(command.toArray(String[]::new))
                    .stdoutTo(ProcessBuilder.Redirect.to(out.toFile())).stderrTo(ProcessBuilder.Redirect.to(err.toFile()))
                    .unsetEnv("JAVA_TOOL_OPTIONS").unsetEnv("_JAVA_OPTIONS");
            env.forEach(b::env);
            try (ChildJvm p = b.start()) {
                if (!p.waitFor(Duration.ofSeconds(180))) {
                    throw new AssertionError(command + " did not finish in 180 s");
                }
                String stderr = Files.readString(err);
                stderr = stderr.replaceFirst("^Picked up _?JAVA(_TOOL)?_OPTIONS: .*\n", "");
                return new Result(p.exitValue(), Files.readString(out), stderr);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

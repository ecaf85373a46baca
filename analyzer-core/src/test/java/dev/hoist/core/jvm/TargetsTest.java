package dev.hoist.core.jvm;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.testkit.ChildJvm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetsTest {

    @TempDir
    Path tmp;

    private Path uniqueLauncher() throws IOException {
        return Probe.launcherJar(tmp, "probe-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String nameOf(Path launcher) {
        return launcher.getFileName().toString().replace(".jar", "");
    }

    @Test
    void resolvesAChildByPidWithItsVersionAndVendor() throws Exception {
        Path launcher = uniqueLauncher();
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo info = Targets.resolve(Long.toString(child.pid()));
            assertThat(info.pid()).isEqualTo(child.pid());
            assertThat(info.attachable()).isTrue();
            assertThat(info.displayName()).isEqualTo(launcher.toString());
            assertThat(info.javaVersion()).isEqualTo(System.getProperty("java.version"));
            assertThat(info.vendor()).isEqualTo(System.getProperty("java.vendor"));
            assertThat(info.uptime()).isPositive();
        }
    }

    @Test
    void resolvesAChildByAUniquePartOfItsJarName() throws Exception {
        Path launcher = uniqueLauncher();
        try (ChildJvm child = Probe.child(launcher).start()) {
            JvmInfo info = Targets.resolve(nameOf(launcher).substring(2));
            assertThat(info.pid()).isEqualTo(child.pid());
        }
    }

    @Test
    void anAmbiguousNameListsEveryCandidate() throws Exception {
        Path launcher = uniqueLauncher();
        try (ChildJvm a = Probe.child(launcher).start(); ChildJvm b = Probe.child(launcher).start()) {
            assertThatThrownBy(() -> Targets.resolve(nameOf(launcher)))
                    .isInstanceOfSatisfying(HoistException.class, e -> {
                        assertThat(e.failure()).isEqualTo(Failure.AMBIGUOUS_TARGET);
                        assertThat(e.failure().exitCode()).isEqualTo(9);
                        assertThat(e.getMessage()).contains(a.pid() + "  " + launcher, b.pid() + "  " + launcher)
                                .doesNotContain("\n");
                    });
        }
    }

    @Test
    void aNameThatMatchesNothingIsNoSuchProcess() {
        assertThatThrownBy(() -> Targets.resolve("no-such-main-" + UUID.randomUUID()))
                .isInstanceOfSatisfying(HoistException.class, e -> {
                    assertThat(e.failure().exitCode()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("no JVM whose main class or jar contains");
                });
    }

    @Test
    void aProcessThatExitedIsNoSuchProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertThatThrownBy(() -> Targets.resolve(Long.toString(pid)))
                .isInstanceOfSatisfying(HoistException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.NO_SUCH_PROCESS);
                    assertThat(e.failure().exitCode()).isEqualTo(3);
                    assertThat(e.getMessage()).isEqualTo("no process with PID " + pid
                            + "; run `hoist jvms` to see the JVMs you can attach to");
                });
        assertThatThrownBy(() -> Targets.resolve("99999999999"))
                .isInstanceOfSatisfying(HoistException.class, e -> assertThat(e.failure()).isEqualTo(Failure.NO_SUCH_PROCESS));
    }

    @Test
    void aProcessThatIsNotAJvmIsSaidSo() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "60").start();
        try {
            assertThatThrownBy(() -> Targets.resolve(Long.toString(sleep.pid())))
                    .isInstanceOfSatisfying(HoistException.class, e -> {
                        assertThat(e.failure()).isEqualTo(Failure.NOT_A_JVM);
                        assertThat(e.failure().exitCode()).isEqualTo(4);
                        assertThat(e.getMessage()).startsWith("process " + sleep.pid() + " (sleep 60) is not a JVM;");
                    });
        } finally {
            sleep.destroyForcibly();
            sleep.waitFor();
        }
    }

    @Test
    void aJvmStartedWithAttachDisabledIsRefusedWithTheFlagNamed() throws Exception {
        Path launcher = uniqueLauncher();
        try (ChildJvm child = Probe.child(launcher)
                .jvmArgs("-XX:+DisableAttachMechanism").start()) {
            String expected = "JVM " + child.pid() + " refuses attach: it was started with -XX:+DisableAttachMechanism; "
                    + "restart it without that flag to profile it";
            for (String name : List.of(Long.toString(child.pid()), nameOf(launcher))) {
                assertThatThrownBy(() -> Targets.resolve(name))
                        .isInstanceOfSatisfying(HoistException.class, e -> {
                            assertThat(e.failure()).isEqualTo(Failure.ATTACH_REFUSED);
                            assertThat(e.failure().exitCode()).isEqualTo(6);
                            assertThat(e.getMessage()).isEqualTo(expected);
                        });
            }
            assertThat(JvmCatalog.list()).filteredOn(j -> j.pid() == child.pid()).singleElement()
                    .satisfies(j -> {
                        assertThat(j.attachable()).isFalse();
                        assertThat(j.reason()).contains("-XX:+DisableAttachMechanism");
                        assertThat(j.displayName()).isEqualTo(launcher.toString());
                        assertThat(j.javaVersion()).isNotEqualTo("?");
                    });
        }
    }

    @Test
    void anotherUsersJvmIsRefusedWithTheOwnerNamed() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "needs root to run the resolving side as user nobody");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")),
                "needs runuser to switch to user nobody");
        // root may attach to any JVM, so the roles are swapped: nobody resolves a JVM that root owns.
        // nobody cannot read ~/.m2 or a @TempDir, so our classes are copied to a world-readable dir.
        Path shared = Files.createTempDirectory(Path.of("/tmp"), "hoist-other-user-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Class<?> c : List.of(Targets.class, ResolveMain.class)) {
            copyTree(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()), shared);
        }
        String classpath = shared.toString();
        try (ChildJvm child = Probe.child(uniqueLauncher()).start()) {
            try (ChildJvm resolver = ChildJvm.java().prefix("runuser", "-u", "nobody", "--").classpath(classpath)
                    .mainClass(ResolveMain.class).args(Long.toString(child.pid())).mergeStderr().pipeStdout().start()) {
                Process p = resolver.process();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(out).isEqualTo("5|JVM " + child.pid() + " belongs to user root and you are nobody; "
                        + "attach needs the same user: run hoist as root");
            }
        } finally {
            try (var files = Files.walk(shared)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(dest);
                    Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(f, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
    }

    @Test
    void attachesFromThisJdkToAJdk25Target() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ChildJvm.JDK25.resolve("bin/java")), "needs JDK 25 at " + ChildJvm.JDK25);
        try (ChildJvm child = Probe.child(uniqueLauncher()).javaHome(ChildJvm.JDK25).start()) {
            JvmInfo info = Targets.resolve(Long.toString(child.pid()));
            assertThat(info.attachable()).isTrue();
            assertThat(info.featureVersion()).contains(25);
            assertThat(JvmCatalog.list()).filteredOn(j -> j.pid() == child.pid()).singleElement()
                    .satisfies(j -> assertThat(j.javaVersion()).startsWith("25"));
        }
    }

    @Test
    void theCatalogListsAChildAsAttachableButNotItself() throws Exception {
        Path launcher = uniqueLauncher();
        try (ChildJvm child = Probe.child(launcher).start()) {
            List<JvmInfo> all = JvmCatalog.list();
            assertThat(all).filteredOn(j -> j.pid() == child.pid()).singleElement().satisfies(j -> {
                assertThat(j.attachable()).isTrue();
                assertThat(j.reason()).isNull();
                assertThat(j.displayName()).isEqualTo(launcher.toString());
                assertThat(j.javaVersion()).isEqualTo(System.getProperty("java.version"));
            });
            assertThat(all).noneMatch(j -> j.pid() == ProcessHandle.current().pid());
        }
    }
}

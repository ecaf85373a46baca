package dev.hoist.core.startup;

import dev.hoist.core.Failure;
import dev.hoist.core.sampling.AgentLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hoist startup}'s use case on the planted slow-start program, in real child JVMs: the
 * slow static initialiser is found with its time, an AppCDS archive is built in the cache and its
 * gain measured in timed runs, an unused jar is found and the start measured without it, and a
 * program that fails or never reaches its end point keeps what was measured.
 */
class StartupStudyTest {
    private static final EndPoint READY = new EndPoint.LogLine(Pattern.compile("^ready$"));

    private static StartupStudy.Settings settings(JavaCommand cmd, EndPoint end, Duration timeout, int runs, boolean variants, Path cache) {
        return new StartupStudy.Settings(cmd, end, timeout, runs, variants, null, cache, AgentLibrary.extract().path(), null, s -> { });
    }

    @Test
    void findsThePlantedSlowStaticInitialiserWithItsTime(@TempDir Path cache) throws IOException {
        StartupReport r = StartupStudy.run(settings(StartupWorkload.fromClasses(), READY, Duration.ofMinutes(2), 1, false, cache));
        assertThat(r.failed()).isFalse();
        StartupBreakdown b = r.breakdown();
        StartupBreakdown.Clinit top = b.clinits().get(0);
        assertThat(top.className()).isEqualTo(StartupWorkload.MAIN + "$RateTable");
        assertThat(top.samples()).isPositive();
        assertThat(top.millis()).isEqualTo(top.samples() * StartupProbe.INTERVAL_MILLIS);
        assertThat(top.hottestCallee()).contains("RateTable.build");
        // the lazy-holder advice names it, with its time and the code
        StartupAdvice lazy = r.advice().stream().filter(a -> a.id().equals(Advices.LAZY)).findFirst().orElseThrow();
        assertThat(lazy.title()).contains("SlowStart$RateTable");
        assertThat(lazy.estimatedMillis()).isEqualTo(top.millis());
        assertThat(lazy.code()).contains("Holder");
        // the JVM's own accounts: boot, classes by source, class loading time
        assertThat(b.jvmBootMillis()).isPositive();
        assertThat(b.classes()).isGreaterThan(100);
        assertThat(b.bySource()).extracting(ClassLoading.Group::name).contains(ClassLoading.SHARED);
        assertThat(b.byPackage()).extracting(ClassLoading.Group::name).contains("dev.hoist.workloads.startup");
        assertThat(b.classInitMillis()).isPositive();
        assertThat(b.cpu().total()).isPositive();
        assertThat(b.hotMethods()).extracting(StartupBreakdown.HotMethod::method).contains(StartupWorkload.MAIN + "$RateTable.build");
    }

    @Test
    void buildsAnAppCdsArchiveMeasuresItsGainAndFindsTheUnusedJar(@TempDir Path dir) throws IOException {
        Path jar = StartupWorkload.jar(dir);
        Path unused = StartupWorkload.unusedJar(dir);
        JavaCommand cmd = JavaCommand.of(List.of(StartupWorkload.java(), "-cp", jar + java.io.File.pathSeparator + unused, StartupWorkload.MAIN));
        Path cache = dir.resolve("cache");
        StartupReport r = StartupStudy.run(settings(cmd, READY, Duration.ofMinutes(2), 2, true, cache));
        assertThat(r.failed()).as(r.notes().toString()).isFalse();

        StartupAdvice cds = r.advice().stream().filter(a -> a.id().equals(Advices.APPCDS)).findFirst().orElseThrow(
                () -> new AssertionError("no AppCDS advice: " + r.notes()));
        assertThat(cds.measured().baseline()).hasSize(2);
        assertThat(cds.measured().variant()).as("every run with the archive reached the end point").hasSize(2);
        assertThat(cds.options()).singleElement().asString().startsWith("-XX:SharedArchiveFile=" + cache);
        Path archive = Path.of(cds.options().get(0).substring("-XX:SharedArchiveFile=".length()));
        assertThat(archive).isNotEmptyFile();
        assertThat(r.archives()).anyMatch(a -> a.contains(archive.toString()) && a.contains("built now"));
        // nothing was written beside the program
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("slowstart.jar", "unused-dependency.jar", "cache");
        }

        StartupAdvice jars = r.advice().stream().filter(a -> a.id().equals(Advices.UNUSED_JARS)).findFirst().orElseThrow();
        assertThat(jars.summary()).contains("unused-dependency.jar").doesNotContain("slowstart.jar");
        assertThat(jars.measured().variant()).as("the program still reaches ready without it").hasSize(2);

        // a second study reuses the archive from the cache, and copies it where --write-archive says
        Path shipped = dir.resolve("dist").resolve("app.jsa");
        StartupReport again = StartupStudy.run(new StartupStudy.Settings(cmd, READY, Duration.ofMinutes(2), 1, true, shipped, cache,
                AgentLibrary.extract().path(), null, s -> { }));
        assertThat(again.archives()).anyMatch(a -> a.contains(archive.toString()) && a.contains("reused"));
        assertThat(again.advice()).anyMatch(a -> a.id().equals(Advices.APPCDS) && a.worked());
        assertThat(shipped).hasSameBinaryContentAs(archive);
        assertThat(again.archives()).anyMatch(a -> a.startsWith("written as asked: " + shipped));
    }

    @Test
    void aStaticArchiveFromAClassListIsTheFallbackWhereTheDynamicOneCrashes(@TempDir Path dir) throws IOException {
        // JDK 17.0.15 crashes writing PMD's dynamic archive (lambda proxies); the static way must work on its own
        JavaCommand cmd = JavaCommand.of(List.of(StartupWorkload.java(), "-cp", StartupWorkload.jar(dir).toString(), StartupWorkload.MAIN));
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path archive = cache.resolve("app-static.jsa");
        List<String> archives = new java.util.ArrayList<>();
        List<String> notes = new java.util.ArrayList<>();
        assertThat(StaticArchive.build(settings(cmd, READY, Duration.ofMinutes(2), 1, true, cache), cache, archive, archives, notes))
                .as(notes.toString()).isTrue();
        assertThat(archive).isNotEmptyFile();
        assertThat(archives).singleElement().asString().contains("static");
        Launcher.Launch with = Launcher.run(cmd.withOptions(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive)), READY,
                Duration.ofMinutes(2), null);
        assertThat(with.outcome()).as("-Xshare:on fails unless the archive maps: " + with.lastLines()).isEqualTo(Launcher.Outcome.REACHED);
    }

    @Test
    void onJdk25TheAotCacheIsBuiltAndMeasuredToo(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(dev.hoist.testkit.ChildJvm.JDK25.resolve("bin/java")), "no JDK 25 here");
        Path jar = StartupWorkload.jar(dir);
        JavaCommand cmd = JavaCommand.of(List.of(dev.hoist.testkit.ChildJvm.JDK25.resolve("bin/java").toString(), "-cp", jar.toString(),
                StartupWorkload.MAIN));
        assertThat(cmd.feature()).isEqualTo(25);
        StartupReport r = StartupStudy.run(settings(cmd, READY, Duration.ofMinutes(2), 1, true, dir.resolve("cache")));
        assertThat(r.advice()).as(r.notes().toString()).extracting(StartupAdvice::id).contains(Advices.APPCDS, Advices.AOT, Advices.C1);
        StartupAdvice aot = r.advice().stream().filter(a -> a.id().equals(Advices.AOT)).findFirst().orElseThrow();
        assertThat(aot.measured().variant()).as(r.notes().toString()).hasSize(1);
        assertThat(aot.options()).singleElement().asString().startsWith("-XX:AOTCache=");
        // the sampled run works on 25 too: the planted initialiser is found
        assertThat(r.breakdown().clinits()).extracting(StartupBreakdown.Clinit::className).contains(StartupWorkload.MAIN + "$RateTable");
    }

    @Test
    void aProgramThatExitsNonZeroFailsAndKeepsWhatWasMeasured(@TempDir Path cache) throws IOException {
        StartupReport r = StartupStudy.run(settings(StartupWorkload.fromClasses("--exit", "3"), READY, Duration.ofMinutes(2), 1, true, cache));
        assertThat(r.failure()).isEqualTo(Failure.PROGRAM_FAILED);
        assertThat(r.failureMessage()).contains("exited with code 3").contains("before a line matching '^ready$'");
        assertThat(r.breakdown().classes()).as("the classes it loaded before failing").isGreaterThan(100);
        assertThat(r.breakdown().wallMillis()).isPositive();
        assertThat(r.notes()).anyMatch(n -> n.contains("starting, then failing"));
    }

    @Test
    void aProgramThatNeverReachesItsEndPointTimesOutAndKeepsWhatWasMeasured(@TempDir Path cache) throws IOException {
        StartupReport r = StartupStudy.run(settings(StartupWorkload.fromClasses("--hang"), READY, Duration.ofSeconds(3), 1, true, cache));
        assertThat(r.failure()).isEqualTo(Failure.END_NOT_REACHED);
        assertThat(r.failureMessage()).contains("did not reach a line matching '^ready$' within 3 s");
        assertThat(r.breakdown().classes()).isGreaterThan(100);
        assertThat(r.breakdown().jvmBootMillis()).as("the counters the JVM saved when it was stopped").isPositive();
    }
}

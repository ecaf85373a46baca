package dev.hoist.core.session;

import dev.hoist.core.jvm.Probe;
import dev.hoist.core.jvm.Targets;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.sampling.Redaction;
import dev.hoist.core.sampling.SamplingEvent;
import dev.hoist.core.sampling.SamplingRequest;
import dev.hoist.core.sampling.SamplingResult;
import dev.hoist.core.sampling.Samplers;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.workloads.probe.IntStrings;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recording repeats the target's JVM arguments, command and system properties (issue 18.3): the
 * values of secret-looking ones are taken out of every recording, all of them with
 * {@code --redact-args}, and the JDK's own reader and Hoist's still read the file. Real child JVMs,
 * both samplers (async-profiler writes strings as UTF-8; the JDK writes Latin-1 or, for other
 * characters, arrays of varints).
 */
class RedactionTest {
    private static final String PASSWORD = "hunter2-Secret";
    private static final String TOKEN = "abc-123-xyz";
    private static final String CYRILLIC = "тайна-пароль";

    @TempDir
    Path tmp;

    /** Every string of the recording's JVM information and initial system property events. */
    private static List<String> argumentStrings(Path recording) throws Exception {
        List<String> out = new ArrayList<>();
        try (RecordingFile f = new RecordingFile(recording)) {
            while (f.hasMoreEvents()) {
                RecordedEvent e = f.readEvent();
                String type = e.getEventType().getName();
                if (type.equals("jdk.JVMInformation")) {
                    out.add(e.getString("jvmArguments"));
                    out.add(e.getString("javaArguments"));
                } else if (type.equals("jdk.InitialSystemProperty")) {
                    out.add(e.getString("key") + "=" + e.getString("value"));
                }
            }
        }
        return out;
    }

    private Path profile(Samplers.Choice sampler, boolean all, List<String> said) throws Exception {
        // IntStrings ignores its arguments, so the program can be given a secret-looking option
        Path launcher = ChildJvm.launcherJar(tmp, "ints-" + UUID.randomUUID().toString().substring(0, 8),
                IntStrings.class.getName(), Probe.workloadClasspath());
        ChildJvm child = ChildJvm.java().jvmArgs("-Xmx256m").jar(launcher).readyLine("ready")
                .jvmArgs("-Ddb.password=" + PASSWORD, "-Dapp.mode=visible-value", "-Dapi.token=" + CYRILLIC)
                .args("--token=" + TOKEN, "plain-arg").start();
        Path out = tmp.resolve(sampler + "-" + all + ".jfr");
        try (LiveProfiling live = LiveProfiling.start(Targets.resolvePid(child.pid()),
                SamplingRequest.of(out, Duration.ofSeconds(3), EnumSet.of(SamplingEvent.CPU)),
                LiveProfiling.Options.defaults().withSampler(sampler).withRepair(false).withReadClassPath(false)
                        .withRedactArgs(all), said::add)) {
            SamplingResult result = live.awaitResult();
            assertThat(result.file()).isEqualTo(out);
        } finally {
            child.close();
        }
        return out;
    }

    private static void assertNoSecretIn(Path recording) throws Exception {
        String raw = new String(Files.readAllBytes(recording), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(PASSWORD).doesNotContain(TOKEN);
        String joined = String.join("\n", argumentStrings(recording));
        assertThat(joined).doesNotContain(PASSWORD).doesNotContain(TOKEN).doesNotContain(CYRILLIC)
                .contains("db.password=" + "*".repeat(PASSWORD.length()));
        assertThat(ProfileReader.read(recording).size()).as("samples still read").isPositive();
    }

    @Test
    void secretLookingValuesLeaveAnAsyncProfilerRecordingAndTheRestStays() throws Exception {
        List<String> said = new CopyOnWriteArrayList<>();
        Path rec = profile(Samplers.Choice.ASYNC_PROFILER, false, said);
        assertNoSecretIn(rec);
        String joined = String.join("\n", argumentStrings(rec));
        assertThat(joined).contains("app.mode=visible-value").contains("plain-arg").contains("-Xmx256m");
        assertThat(said).anyMatch(l -> l.startsWith("took the target's secret-looking property values out of the recording"));
    }

    @Test
    void theJfrSamplersRecordingCarriesNoSecret() throws Exception {
        Path rec = profile(Samplers.Choice.JFR, false, new CopyOnWriteArrayList<>());
        String raw = new String(Files.readAllBytes(rec), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain(PASSWORD).doesNotContain(TOKEN);
        assertThat(String.join("\n", argumentStrings(rec))).doesNotContain(PASSWORD).doesNotContain(CYRILLIC);
        assertThat(ProfileReader.read(rec).size()).isPositive();
    }

    /**
     * A recording of the JDK's default settings holds the arguments in Latin-1 strings and, for the
     * Cyrillic value, an array of varint characters: each form is overwritten and the JDK still reads it.
     */
    @Test
    void aJdkRecordingWithItsDefaultSettingsIsRedactedInEveryStringEncoding() throws Exception {
        Path launcher = ChildJvm.launcherJar(tmp, "ints-jdk", IntStrings.class.getName(), Probe.workloadClasspath());
        Path rec = tmp.resolve("jdk-default.jfr");
        ChildJvm child = ChildJvm.java().jvmArgs("-Xmx256m", "-XX:StartFlightRecording:name=r,settings=default")
                .jvmArgs("-Ddb.password=" + PASSWORD, "-Dapp.mode=visible-value", "-Dapi.token=" + CYRILLIC)
                .jar(launcher).args("--token=" + TOKEN, "plain-arg").readyLine("ready").start();
        dev.hoist.core.jvm.TargetArguments args;
        try {
            args = dev.hoist.core.jvm.TargetArguments.of(child.pid());
            Process dump = new ProcessBuilder(ChildJvm.currentJavaHome().resolve("bin/jcmd").toString(),
                    Long.toString(child.pid()), "JFR.dump", "name=r", "filename=" + rec).redirectErrorStream(true).start();
            assertThat(dump.waitFor()).isZero();
        } finally {
            child.close();
        }
        assertThat(String.join("\n", argumentStrings(rec))).as("before").contains(PASSWORD).contains(CYRILLIC);
        int changed = Redaction.secrets(args).apply(rec);
        assertThat(changed).isPositive();
        assertNoSecretIn(rec);
        assertThat(String.join("\n", argumentStrings(rec))).contains("app.mode=visible-value").contains("plain-arg")
                .contains("api.token=" + "*".repeat(CYRILLIC.length()));
    }

    @Test
    void redactArgsTakesEveryArgumentOut() throws Exception {
        Path rec = profile(Samplers.Choice.ASYNC_PROFILER, true, new CopyOnWriteArrayList<>());
        assertNoSecretIn(rec);
        String joined = String.join("\n", argumentStrings(rec));
        assertThat(joined).doesNotContain("visible-value").doesNotContain("plain-arg").doesNotContain("-Xmx256m")
                .contains("app.mode=");
    }

    @Test
    void namesThatLookSecret() {
        assertThat(List.of("db.password", "javax.net.ssl.keyStorePassword", "--api-key", "aws.secretAccessKey",
                "API_TOKEN", "oauth.client-credentials", "my.private_key")).allMatch(Redaction::looksSecret);
        assertThat(List.of("java.home", "user.dir", "app.mode", "--threads", "file.encoding")).noneMatch(Redaction::looksSecret);
    }
}

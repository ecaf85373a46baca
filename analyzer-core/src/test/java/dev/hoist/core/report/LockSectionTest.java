package dev.hoist.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.testkit.Recorder;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A recording with cpu and lock events (async-profiler, a real contended monitor) prints a lock
 * section beside the cpu hot methods: the lock class, the frame that waited, the time waited.
 */
class LockSectionTest {
    private static Profile profile;

    @BeforeAll
    static void record() throws Exception {
        Path file = Recorder.scratchDir("hoist-locks").resolve("locks.jfr");
        Recorder.record(ChildJvm.java().classpath(ChildJvm.codeSourceOf(LockContention.class))
                .mainClass(LockContention.class.getName()).args("3000"),
                Recorder.asyncProfiler("event=cpu,lock=0,interval=1ms", file), file, Duration.ofSeconds(60));
        profile = ProfileReader.read(file);
    }

    @Test
    void theTextReportRankedByCpuStillShowsWhereThreadsWaitedForWhichLock() {
        StringWriter out = new StringWriter();
        ProfileReport.write(profile, ProfileReport.Format.TEXT, out, ProfileReport.Options.defaults());
        String text = out.toString();
        assertThat(text).contains("Hot methods (cpu");
        assertThat(text).contains("Lock contention (");
        String section = text.substring(text.indexOf("Lock contention ("));
        assertThat(section).contains("java.lang.Object").contains("LockContention.post");
    }

    @Test
    void theJsonReportHasTheLockSites() throws Exception {
        StringWriter out = new StringWriter();
        ProfileReport.write(profile, ProfileReport.Format.JSON, out, ProfileReport.Options.defaults());
        JsonNode locks = new ObjectMapper().readTree(out.toString()).path("locks");
        assertThat(locks.path("waits").asLong()).isPositive();
        assertThat(locks.path("sites").get(0).path("lockClass").asText()).isEqualTo("java.lang.Object");
        assertThat(locks.path("sites").get(0).path("percent").asDouble()).isBetween(0.0, 100.0);
    }
}

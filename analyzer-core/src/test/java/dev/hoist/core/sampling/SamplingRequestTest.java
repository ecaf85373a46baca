package dev.hoist.core.sampling;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplingRequestTest {

    @Test
    void agentOptionsCombineEveryEventWithItsInterval() {
        SamplingRequest r = SamplingRequest.of(Path.of("/tmp/x.jfr"), Duration.ofSeconds(1),
                EnumSet.allOf(SamplingEvent.class));
        assertThat(AsyncProfilerSampler.options(r))
                .isEqualTo("event=cpu,interval=10000000,wall=20000000,alloc=524288,lock=10000");
        assertThat(AsyncProfilerSampler.options(SamplingRequest.of(Path.of("/tmp/x.jfr"), Duration.ofSeconds(1),
                EnumSet.of(SamplingEvent.WALL)).withWallInterval(Duration.ofMillis(5))))
                .isEqualTo("event=wall,interval=5000000");
    }

    @Test
    void flightRecorderSettingsFollowTheRequestAndTheTargetVersion() {
        SamplingRequest r = SamplingRequest.of(Path.of("/tmp/x.jfr"), Duration.ofSeconds(1),
                EnumSet.of(SamplingEvent.CPU, SamplingEvent.ALLOC, SamplingEvent.LOCK)).withCpuInterval(Duration.ofMillis(20));
        var on17 = JfrSampler.settings(r, 17);
        assertThat(on17).containsEntry("jdk.ExecutionSample#period", "20 ms")
                .containsEntry("jdk.ObjectAllocationSample#enabled", "true")
                .containsEntry("jdk.JavaMonitorEnter#threshold", "10 us")
                .doesNotContainKey("jdk.ObjectAllocationInNewTLAB#enabled");
        assertThat(JfrSampler.settings(r, 11)).containsEntry("jdk.ObjectAllocationInNewTLAB#enabled", "true");
    }

    @Test
    void badRequestsAreUsageErrors() {
        assertThatThrownBy(() -> SamplingRequest.of(Path.of("/tmp/x.jfr"), Duration.ofSeconds(1), Set.of()))
                .isInstanceOfSatisfying(HoistException.class, e -> assertThat(e.failure()).isEqualTo(Failure.USAGE));
        assertThatThrownBy(() -> SamplingRequest.of(Path.of("/tmp/x.jfr"), Duration.ZERO, EnumSet.of(SamplingEvent.CPU)))
                .hasMessage("the duration must be positive");
        assertThatThrownBy(() -> SamplingRequest.of(Path.of("/tmp/a,b.jfr"), Duration.ofSeconds(1), EnumSet.of(SamplingEvent.CPU)))
                .hasMessage("the recording path must not contain a comma: /tmp/a,b.jfr");
    }

    @Test
    void relativeOutputBecomesAbsoluteBecauseTheTargetHasItsOwnWorkingDirectory() {
        SamplingRequest r = SamplingRequest.of(Path.of("out.jfr"), Duration.ofSeconds(1), EnumSet.of(SamplingEvent.CPU));
        assertThat(r.output()).isEqualTo(Path.of("").toAbsolutePath().resolve("out.jfr"));
    }
}

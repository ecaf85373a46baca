package dev.hoist.app.gui.vm;

import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.profile.Timeline;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProfileSnapshotTest {
    private static final MethodRef M = new MethodRef("a.Feed", "parse", "()V");

    private static ProfileSnapshot snapshot(long[] all, long[] mine) {
        return new ProfileSnapshot(EventKind.CPU, EventKind.CPU, Map.of(EventKind.CPU, 1L), null,
                new Timeline(0, all, new long[all.length], Map.of(M, mine)), List.of(M), List.of());
    }

    @Test
    void aSparseSecondIsSharedWithTheSecondsAroundItSoTheLineDoesNotSwingFromZeroToAll() {
        // ten samples a second, the method on the stack in 3 of them, but all in one second or none
        long[] all = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
        long[] mine = {0, 10, 0, 10, 0, 0, 10, 0, 0, 10, 0, 0};
        double[] share = snapshot(all, mine).shareOverTime(M);
        for (double s : share) {
            assertThat(s).isBetween(0.15, 0.5);
        }
    }

    @Test
    void aDenseSecondStandsAlone() {
        double[] share = snapshot(new long[] {500, 500, 500}, new long[] {0, 500, 250}).shareOverTime(M);
        assertThat(share[0]).isZero();
        assertThat(share[1]).isEqualTo(1.0);
        assertThat(share[2]).isCloseTo(0.5, within(1e-9));
    }
}

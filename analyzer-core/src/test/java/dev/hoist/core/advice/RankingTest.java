package dev.hoist.core.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Fix;
import dev.hoist.core.rule.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
    private static Advice advice(long siteSamples, long allocBytes) {
        Finding f = new Finding("copy-in-loop", "com.acme.Feed", "parse", "()V", "Feed.java", 48, new int[] {40, 49},
                new int[] {1, 2}, 50, Severity.MEDIUM, Confidence.HIGH, "m", "mech", new Fix("a", "b"), List.of(), List.of());
        return new Advice(1, f, new LoopCost("cpu", 0, siteSamples, 1000, 1, allocBytes, 10_000, 0), Confidence.HIGH, List.of());
    }

    @Test
    void whenEveryPieceOfAdviceIsSmallTheReportSaysSoFirst() {
        String s = Ranking.allSmall(List.of(advice(7, 10), advice(2, 50)));
        assertThat(s).startsWith("no loop waste worth fixing on its own: the largest saving any advice below can bring is 0.7% "
                + "of the time and 0.5% of the allocated bytes");
        assertThat(Ranking.allSmall(List.of(advice(7, 10), advice(30, 0)))).as("3% of the time is worth it").isNull();
        assertThat(Ranking.allSmall(List.of(advice(1, 500)))).as("5% of the bytes is worth it").isNull();
        assertThat(Ranking.allSmall(List.of())).isNull();
    }

    /** A cost the profile says the JIT already removes (1.6% of commonmark's time at a box C2 eliminates) is no saving. */
    @Test
    void aCostTheJitRemovesDoesNotCountAsWorthFixing() {
        Advice small = advice(7, 10);
        Advice removed = new Advice(2, small.finding(), small.cost(), new SiteCost("cpu", 30, 1000, 0, 0, 10_000, 0, false),
                dev.hoist.core.rule.Judgement.Effect.JIT_REMOVES, Confidence.LOW, List.of(), null);
        assertThat(Ranking.allSmall(List.of(small, removed))).startsWith("no loop waste worth fixing on its own: the largest "
                + "saving any advice below can bring is 0.7% of the time");
    }
}

package dev.hoist.core.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallerLoopTest {
    @Test
    void recursionInTheChainIsWrittenOnceWithItsCount() {
        assertThat(CallerLoop.join(List.of("Iter.next:60", "Walk.next:1378", "Walk.next:1378", "Walk.next:1378", "Walk.next")))
                .isEqualTo("Iter.next:60 > Walk.next:1378 (x3) > Walk.next");
        assertThat(CallerLoop.join(List.of("Job.run:34", "Audit.label"))).isEqualTo("Job.run:34 > Audit.label");
    }

    @Test
    void theSamplesThroughTheLoopAreNeverMoreThanTheSitesOwn() {
        CallerLoop c = new CallerLoop("com.acme.Job", "run", "Job.java", 27, 35, "Job.run:34 > Audit.label", 32);
        assertThat(c.describe(40)).endsWith("(32 of the 40 samples at the site, callees included, come through it)");
        // a caller that passes a smaller measure (the call's own overhead) cannot make the count read impossible
        assertThat(c.describe(7)).endsWith("(32 of the 32 samples at the site, callees included, come through it)");
    }
}

package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.profile.FrameType;
import dev.hoist.core.profile.MethodRef;
import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Judgement;
import dev.hoist.core.rule.SiteProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Megamorphic advice needs the profile to show three receiver classes under the call (issue 23):
 * three confirm it, two seen in many samples contradict it, and two seen in a few samples leave it
 * out as unproven instead of advising it at low confidence.
 */
class MegamorphicJudgeTest {
    private static final MegamorphicCallInLoopRule RULE = new MegamorphicCallInLoopRule();
    private static Finding totalArea;

    @BeforeAll
    static void analyze() throws Exception {
        Map<String, byte[]> classes = InMemoryCompiler.compile(List.of(Path.of("src/test/resources/cases/megamorphic-call-in-loop/MegamorphicCalls.java")));
        totalArea = new Analysis(new TestClassLookup(classes), List.of(RULE)).analyze(classes.values()).findings().stream()
                .filter(f -> f.method().equals("totalArea")).findFirst().orElseThrow();
    }

    /** A site whose callees are these receiver classes' area(), {@code samples} samples each. */
    private static SiteProfile site(long samples, String... receivers) {
        List<SiteProfile.Callee> callees = java.util.Arrays.stream(receivers)
                .map(r -> new SiteProfile.Callee(new MethodRef("cases.megamorphic_call_in_loop.MegamorphicCalls$" + r, "area", "()D"),
                        FrameType.INLINED, samples)).toList();
        return new SiteProfile() {
            @Override public String kind() { return "cpu"; }
            @Override public long samples() { return samples * Math.max(1, receivers.length); }
            @Override public long loopSamples() { return samples * receivers.length; }
            @Override public long allocSamples() { return 0; }
            @Override public long allocBytes() { return 0; }
            @Override public boolean allocationsRecorded() { return false; }
            @Override public List<Callee> callees() { return callees; }
            @Override public Map<FrameType, Long> loopFrameTypes() { return Map.of(FrameType.JIT_COMPILED, samples); }
            @Override public List<Alloc> allocatedTypes() { return List.of(); }
            @Override public List<Alloc> allocatingMethods() { return List.of(); }
            @Override public MethodFacts facts() { return null; }
            @Override public List<CallSite> siteCalls() { return List.of(); }
        };
    }

    @Test
    void threeReceiversSeenConfirmIt() {
        Judgement j = RULE.judge(totalArea, site(40, "Circle", "Square", "Triangle"));
        assertThat(j.effect()).isEqualTo(Judgement.Effect.CONFIRMED);
    }

    /** The fix tests for the classes the profile saw, not the class path's first few. */
    @Test
    void theFixTestsForTheReceiversTheProfileSaw() {
        // the static fix can only guess: it tests the class path's first two and leaves Triangle to its last branch
        assertThat(totalArea.fix().after()).doesNotContain("instanceof MegamorphicCalls.Triangle");
        Judgement j = RULE.judge(totalArea, site(40, "Triangle", "Square", "Circle"));
        assertThat(j.fix()).as("a fix made from the profile").isNotNull();
        assertThat(j.fix().after()).contains("instanceof MegamorphicCalls.Triangle").contains("instanceof MegamorphicCalls.Square")
                .contains("instanceof MegamorphicCalls.Circle");
        assertThat(j.fix().before()).isEqualTo(totalArea.fix().before());
    }

    @Test
    void twoReceiversInManySamplesContradictIt() {
        Judgement j = RULE.judge(totalArea, site(200, "Circle", "Square"));
        assertThat(j.effect()).isEqualTo(Judgement.Effect.CONTRADICTED);
        assertThat(j.lines()).allMatch(l -> l.startsWith("contradicted: "));
    }

    @Test
    void twoReceiversInAFewSamplesLeaveItOutAsUnproven() {
        Judgement j = RULE.judge(totalArea, site(3, "Circle", "Square"));
        assertThat(j.effect()).as("left out of the default advice, shown with --all").isEqualTo(Judgement.Effect.CONTRADICTED);
        assertThat(j.lines()).singleElement().asString().startsWith("unproven: the profile saw only MegamorphicCalls$Circle and "
                + "MegamorphicCalls$Square under the call site in 6 samples");
    }

    /** The call ran (12 samples in its own dispatch) but no receiver was sampled under it (guava's CharMatcher.matches): left out. */
    @Test
    void noReceiverSeenUnderACallThatRanLeavesItOutAsUnproven() {
        Judgement j = RULE.judge(totalArea, site(12));
        assertThat(j.effect()).isEqualTo(Judgement.Effect.CONTRADICTED);
        assertThat(j.lines()).singleElement().asString().startsWith("unproven: the profile saw no receiver class under the call site");
    }
}

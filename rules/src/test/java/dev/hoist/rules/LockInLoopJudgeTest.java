package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.facts.CallSite;
import dev.hoist.core.facts.MethodFacts;
import dev.hoist.core.profile.FrameType;
import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Judgement;
import dev.hoist.core.rule.SiteProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How lock-in-loop judges its findings of the case file by the lock waits at the site: waits
 * confirm it, an unshared object's lock is what the JIT removes, no lock events in the recording
 * say how to get them, and lock events elsewhere only (an uncontended lock) lower the confidence.
 */
class LockInLoopJudgeTest {
    private static final LockInLoopRule RULE = new LockInLoopRule();
    private static List<Finding> findings;

    @BeforeAll
    static void analyze() throws Exception {
        Map<String, byte[]> classes = InMemoryCompiler.compile(List.of(Path.of("src/test/resources/cases/lock-in-loop/LockPerIteration.java")));
        findings = new Analysis(new TestClassLookup(classes), List.of(RULE)).analyze(classes.values()).findings();
    }

    private static Finding in(String method) {
        return findings.stream().filter(f -> f.method().equals(method)).findFirst().orElseThrow();
    }

    /** A site that drew samples, with these lock waits; nothing else about it matters to this rule. */
    private static SiteProfile site(SiteProfile.LockWaits waits) {
        return new SiteProfile() {
            @Override public String kind() { return "cpu"; }
            @Override public long samples() { return 100; }
            @Override public long loopSamples() { return 200; }
            @Override public long allocSamples() { return 0; }
            @Override public long allocBytes() { return 0; }
            @Override public boolean allocationsRecorded() { return false; }
            @Override public List<Callee> callees() { return List.of(); }
            @Override public Map<FrameType, Long> loopFrameTypes() { return Map.of(FrameType.JIT_COMPILED, 200L); }
            @Override public List<Alloc> allocatedTypes() { return List.of(); }
            @Override public List<Alloc> allocatingMethods() { return List.of(); }
            @Override public MethodFacts facts() { return null; }
            @Override public List<CallSite> siteCalls() { return List.of(); }
            @Override public LockWaits lockWaits() { return waits; }
        };
    }

    @Test
    void lockWaitsAtTheSiteConfirmIt() {
        Judgement j = RULE.judge(in("onField"), site(new SiteProfile.LockWaits(true, 5_772, 812_400_000L)));
        assertThat(j.effect()).isEqualTo(Judgement.Effect.CONFIRMED);
        assertThat(j.lines()).containsExactly("confirmed: 5,772 lock waits at the site, 812.4 ms waited in all: other threads held the lock "
                + "while the loop took it");
    }

    @Test
    void anUnsharedObjectsLockIsWhatTheJitRemovesEvenWithoutLockEvents() {
        Finding f = in("unsharedObject");
        assertThat(f.confidence()).isEqualTo(Confidence.LOW);
        Judgement j = RULE.judge(f, site(new SiteProfile.LockWaits(true, 0, 0)));
        assertThat(j.effect()).isEqualTo(Judgement.Effect.JIT_REMOVES);
        assertThat(j.lines()).anyMatch(l -> l.contains("C2 removes the lock"));
    }

    @Test
    void withoutLockEventsItSaysHowToRecordThem() {
        Judgement j = RULE.judge(in("lockInterface"), site(new SiteProfile.LockWaits(false, 0, 0)));
        assertThat(j.effect()).isEqualTo(Judgement.Effect.UNDECIDED);
        assertThat(j.confidence()).isEqualTo(in("lockInterface").confidence());
        assertThat(j.lines()).anyMatch(l -> l.contains("record with --event lock"));
    }

    @Test
    void anUncontendedLockKeepsItsAdviceWithLessConfidence() {
        Finding f = in("onField");
        Judgement j = RULE.judge(f, site(new SiteProfile.LockWaits(true, 0, 0)));
        assertThat(j.effect()).isEqualTo(Judgement.Effect.UNDECIDED);
        assertThat(j.confidence()).isEqualTo(Judgement.lower(f.confidence()));
        assertThat(j.lines()).anyMatch(l -> l.contains("not contended"));
    }

    /**
     * A synchronized method takes its lock inside the callee, beside the work the fix keeps: only the
     * call's own cost is claimed, and lock waits at the call confirm it as they do at a monitor.
     */
    @Test
    void aSynchronizedMethodsCallClaimsOnlyTheCallsOwnCostAndLockWaitsConfirmIt() {
        Finding call = in("synchronizedMethodOfAField");
        assertThat(RULE.costKind(call)).isEqualTo(dev.hoist.core.rule.CostKind.CALL_OVERHEAD);
        assertThat(RULE.costKind(in("onField"))).isEqualTo(dev.hoist.core.rule.CostKind.TIME);
        assertThat(RULE.costKind(in("lockInterface"))).isEqualTo(dev.hoist.core.rule.CostKind.TIME);
        assertThat(RULE.judge(call, site(new SiteProfile.LockWaits(true, 40, 3_000_000L))).effect())
                .isEqualTo(Judgement.Effect.CONFIRMED);
    }

    /**
     * A monitor taken on each call of a method a caller's loop runs (the advisor's per-call region):
     * the lock cannot move around a loop in another method, so the advice is a lock-free read.
     */
    @Test
    void aMonitorTakenPerCallAdvisesALockFreeReadNotALockAroundTheLoop() throws Exception {
        Map<String, byte[]> classes = InMemoryCompiler.compile(List.of(Path.of("src/test/resources/percall/MemberCache.java")));
        byte[] bytes = classes.get("percall/MemberCache");
        org.objectweb.asm.tree.ClassNode cn = new org.objectweb.asm.tree.ClassNode();
        new org.objectweb.asm.ClassReader(bytes).accept(cn, 0);
        dev.hoist.core.facts.CalleeResolver resolver = new dev.hoist.core.facts.CalleeResolver(new TestClassLookup(classes));
        resolver.register(cn, bytes);
        org.objectweb.asm.tree.MethodNode get = cn.methods.stream().filter(m -> m.name.equals("get")).findFirst().orElseThrow();
        MethodFacts facts = MethodFacts.of(cn, get, dev.hoist.core.facts.BytecodeOffsets.read(bytes), resolver, true);
        List<Finding> found = RULE.check(facts);
        assertThat(found).isNotEmpty();
        // the lookup's lock is taken on every call, the fill's on some
        assertThat(found).anyMatch(f -> f.message().contains("on every call of MemberCache.get()"));
        for (Finding f : found) {
            assertThat(f.message()).containsPattern("(every call|some calls) of MemberCache.get\\(\\)").contains("cannot be taken once around the caller's loop")
                    .doesNotContain("Take it once around the loop");
            assertThat(f.fix().after()).contains("ConcurrentHashMap").doesNotContain("for (");
        }
    }
}

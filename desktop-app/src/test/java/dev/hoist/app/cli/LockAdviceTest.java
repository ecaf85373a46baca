package dev.hoist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.app.testing.AdviceRecordings;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.RuleRegistry;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.testkit.Recorder;
import dev.hoist.workloads.Catalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * lock-in-loop on real recordings of its pair (four threads posting to one ledger): the lock
 * events async-profiler recorded at the monitor confirm the advice, a recording without lock
 * events says how to get them, and the fixed twin, which locks once per batch, gets none.
 */
class LockAdviceTest {
    private static final Catalog.Pair PAIR = Catalog.PAIRS.stream().filter(p -> p.ruleId().equals("lock-in-loop")).findFirst()
            .orElseThrow();

    private static AdviceReport advise(Path recording) throws Exception {
        List<Rule> rules = List.copyOf(RuleRegistry.load().all());
        return ReportCommand.advise(ProfileReader.read(recording), AdviceRecordings.workloadClasses().toString(), false, null, rules,
                new PrintWriter(new StringWriter()));
    }

    private static Path withLocks(String mainClass) throws Exception {
        Path file = Recorder.scratchDir("hoist-lock-advice").resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".jfr");
        return Recorder.record(ChildJvm.java().classpath(AdviceRecordings.workloadClasses()).mainClass(mainClass).args("--seconds", "5"),
                Recorder.asyncProfiler("event=cpu,lock=0,interval=1ms", file), file, Duration.ofSeconds(90));
    }

    private static Advice lockAdvice(AdviceReport r, String className) {
        return r.advice().stream().filter(a -> a.finding().rule().equals("lock-in-loop") && a.finding().className().equals(className))
                .findFirst().orElseThrow(() -> new AssertionError("no lock-in-loop advice for " + className + " in " + r.advice()));
    }

    @Test
    void lockWaitsAtTheMonitorConfirmTheAdvice() throws Exception {
        AdviceReport r = advise(withLocks(PAIR.antiPatternClass()));
        Advice a = lockAdvice(r, PAIR.antiPatternClass());
        assertThat(a.finding().method()).isEqualTo(PAIR.hotMethod());
        assertThat(a.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(a.evidence()).as(a.evidence().toString())
                .anyMatch(e -> e.matches("confirmed: [\\d,]+ lock waits at the site, [\\d.]+ ms waited in all: other threads held the lock.*"));
        // the fix in the workload's own source: the lock around its loop
        assertThat(a.finding().fix().after()).startsWith("synchronized (SharedTally.LEDGER) {\n    for (int i = 0; i < amounts.length; i++) {");
    }

    @Test
    void withoutLockEventsTheAdviceSaysHowToRecordThem() throws Exception {
        AdviceReport r = advise(AdviceRecordings.asyncProfiler(PAIR.antiPatternClass(), 4));
        Advice a = lockAdvice(r, PAIR.antiPatternClass());
        assertThat(a.evidence()).as(a.evidence().toString()).anyMatch(e -> e.contains("record with --event lock"));
    }

    @Test
    void theFixedTwinThatLocksOncePerBatchGetsNone() throws Exception {
        AdviceReport r = advise(withLocks(PAIR.fixedClass()));
        assertThat(r.advice()).noneMatch(a -> a.finding().rule().equals("lock-in-loop"));
    }
}

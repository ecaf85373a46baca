package dev.hoist.core.profile;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class JfrReadingTest {
    private static final String W = ProfileWorkload.class.getName();

    @Test
    void asyncProfilerRecordingRanksTheWorkloadsMethodsByTheirWork() throws Exception {
        Profile p = ProfileReader.read(Recordings.asyncProfiler());
        assertThat(p.info().sampler()).isEqualTo(SamplerKind.ASYNC_PROFILER);
        assertThat(p.info().engine()).isNotBlank();
        assertThat(p.info().durationNanos()).isBetween(2_000_000_000L, 30_000_000_000L);
        assertThat(p.sampleCounts()).containsKeys(EventKind.CPU, EventKind.ALLOC);
        assertRanking(p);
        assertLinesAndBcisFallInTheMethod(p, "heavy");
        // a JIT-compiled loop is what the advisor reasons about: the samples must say so
        assertThat(frameTypesOf(p, "heavy")).contains(FrameType.JIT_COMPILED);
    }

    @Test
    void jdkRecordingRanksTheWorkloadsMethodsByTheirWork() throws Exception {
        Profile p = ProfileReader.read(Recordings.jdk());
        assertThat(p.info().sampler()).isEqualTo(SamplerKind.JDK_JFR);
        assertThat(p.info().durationNanos()).isBetween(1_000_000_000L, 30_000_000_000L);
        assertRanking(p);
        assertLinesAndBcisFallInTheMethod(p, "heavy");
    }

    @Test
    void allocationSitesPointAtTheBoxingLoop() throws Exception {
        for (Path file : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            Profile p = ProfileReader.read(file);
            Allocations a = Allocations.of(p);
            assertThat(a.totalSamples()).as(file.toString()).isPositive();
            assertThat(a.byType()).extracting(Allocations.TypeStat::type).as(file.toString())
                    .contains("java.lang.Integer");
            assertThat(a.byType().get(0).bytes()).isGreaterThanOrEqualTo(a.byType().get(a.byType().size() - 1).bytes());
            // every Integer allocation sample of the workload has churn on its stack
            int churn = p.methodIndex(new MethodRef(W, "churn", "(I)I"));
            assertThat(churn).as(file.toString()).isNotNegative();
            long integerInChurn = 0;
            long integerSamples = 0;
            for (int i = 0; i < p.size(); i++) {
                if (p.kind(i) == EventKind.ALLOC && p.className(p.allocClass(i)).equals("java.lang.Integer")) {
                    integerSamples++;
                    if (Arrays.binarySearch(p.stacksContaining(churn), p.stack(i)) >= 0) {
                        integerInChurn++;
                    }
                }
            }
            assertThat(integerInChurn).as(file.toString()).isGreaterThan(integerSamples / 2);
            assertThat(a.bySite().get(0).site().type().isJava()).isTrue();
        }
    }

    @Test
    void timelineAndThreadsAddUpToTheCpuSamples() throws Exception {
        Profile p = ProfileReader.read(Recordings.asyncProfiler());
        long cpu = p.sampleCounts().get(EventKind.CPU);
        MethodRef heavy = new MethodRef(W, "heavy", "(I)J");
        Timeline t = Timeline.of(p, EventKind.CPU, List.of(heavy));
        assertThat(t.seconds()).isBetween(2, 30);
        assertThat(Arrays.stream(t.samples()).sum()).isEqualTo(cpu);
        assertThat(Arrays.stream(t.allocBytes()).sum()).isEqualTo(Allocations.of(p).totalBytes());
        assertThat(Arrays.stream(t.methods().get(heavy)).sum())
                .isEqualTo(MethodStats.of(p, EventKind.CPU).method(p.methodIndex(heavy)).total());
        List<ThreadStats.ThreadStat> threads = ThreadStats.of(p, EventKind.CPU);
        assertThat(threads.stream().mapToLong(ThreadStats.ThreadStat::samples).sum()).isEqualTo(cpu);
    }

    @Test
    void wallClockSamplesAreKeptApartFromCpuSamples() throws Exception {
        Profile p = ProfileReader.read(Recordings.wall());
        assertThat(p.info().engine()).isEqualTo("wall");
        assertThat(p.sampleCounts()).containsOnlyKeys(EventKind.WALL);
        // wall clock samples every thread, running or not: the workload's hot method is still found
        List<String> order = MethodStats.of(p, EventKind.WALL).bySelf().stream().map(s -> s.method().displayName())
                .filter(n -> n.equals(W + ".heavy") || n.equals(W + ".light")).toList();
        assertThat(order).containsExactly(W + ".heavy", W + ".light");
    }

    @Test
    void nativeFramesAreNamedByTheirSymbolWithoutTheirLibraryTakenForAClass() throws Exception {
        // async-profiler names the library of a native frame where a Java frame has its class:
        // "libc.so.6" read as a class showed as "6.clone3" in the flame graph
        Profile p = ProfileReader.read(Recordings.wall());
        List<MethodRef> nativeOnes = new java.util.ArrayList<>();
        for (int f = 0; f < p.frameCount(); f++) {
            if (!p.frame(f).type().isJava()) {
                nativeOnes.add(p.method(p.frame(f).methodIndex()));
            }
        }
        assertThat(nativeOnes).as("wall-clock samples of waiting threads end in native code").isNotEmpty();
        assertThat(nativeOnes).allSatisfy(m -> {
            assertThat(m.className()).as(m.toString()).isEmpty();
            assertThat(m.displayName()).as(m.toString()).doesNotContain(".so");
        });
    }

    @Test
    void hiddenClassesAreNamedAsClassGetNameNamesThem() {
        // as async-profiler writes a lambda's class: its address read as the class showed "0x00007f8ff8006660.apply"
        assertThat(ProfileReader.javaName("dev/hoist/demo/DemoMain$$Lambda$4.0x00007f8ff8006660"))
                .isEqualTo("dev.hoist.demo.DemoMain$$Lambda$4/0x00007f8ff8006660");
        assertThat(ProfileReader.javaName("java/lang/invoke/LambdaForm$MH/0x0000000800c03000"))
                .isEqualTo("java.lang.invoke.LambdaForm$MH/0x0000000800c03000");
        assertThat(ProfileReader.javaName("[Ldev/hoist/demo/DemoMain$$Lambda$4.0x00007f8ff8006660;"))
                .isEqualTo("dev.hoist.demo.DemoMain$$Lambda$4/0x00007f8ff8006660[]");
        assertThat(ProfileReader.javaName("a/b0x/C")).isEqualTo("a.b0x.C");
        assertThat(ProfileReader.javaName("a/b/C$0xg")).isEqualTo("a.b.C$0xg");
    }

    @Test
    void contendedMonitorsAreLockSamplesWeighedByTimeWaited() throws Exception {
        Profile p = ProfileReader.read(Recordings.locks());
        assertThat(p.sampleCounts()).containsKeys(EventKind.LOCK, EventKind.CPU);
        long waited = 0;
        long onLedger = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.kind(i) == EventKind.LOCK) {
                // lock=10us is async-profiler's sampling interval of total waiting, not a minimum per event
                assertThat(p.weight(i)).isPositive();
                waited += p.weight(i);
                if (p.className(p.allocClass(i)).equals(LockWorkload.Ledger.class.getName())) {
                    onLedger += p.weight(i);
                }
            }
        }
        // the contended Ledger dominates; JDK monitors (ThreadGroup while threads start and end) may appear too
        assertThat(onLedger).isGreaterThanOrEqualTo(waited * 9 / 10).isPositive();
        MethodStats stats = MethodStats.of(p, EventKind.LOCK);
        assertThat(stats.grandTotal()).isEqualTo(waited);
        MethodStats.MethodStat post = stats.method(p.methodIndex(new MethodRef(LockWorkload.class.getName(), "post", "(J)V")));
        assertThat(post.total()).isEqualTo(onLedger);
        assertThat(ThreadStats.of(p, EventKind.LOCK)).extracting(ThreadStats.ThreadStat::name).anyMatch(n -> n.startsWith("poster-"));
    }

    @Test
    void jdkTlabEventsCountOnlyWhenAllocationsWereNotSampled() throws Exception {
        Path both = Recordings.jdkAllocations(true, true);
        Path tlabOnly = Recordings.jdkAllocations(true, false);
        java.util.Map<String, Long> inBoth = eventCounts(both);
        assertThat(inBoth.get("jdk.ObjectAllocationInNewTLAB")).isPositive();
        assertThat(ProfileReader.read(both).sampleCounts().get(EventKind.ALLOC)).isEqualTo(inBoth.get("jdk.ObjectAllocationSample"));
        java.util.Map<String, Long> inTlab = eventCounts(tlabOnly);
        assertThat(ProfileReader.read(tlabOnly).sampleCounts().get(EventKind.ALLOC)).isEqualTo(
                inTlab.getOrDefault("jdk.ObjectAllocationInNewTLAB", 0L) + inTlab.getOrDefault("jdk.ObjectAllocationOutsideTLAB", 0L));
    }

    /** Events per type as the JDK's own parser counts them. */
    private static java.util.Map<String, Long> eventCounts(Path file) throws IOException {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        try (jdk.jfr.consumer.RecordingFile rf = new jdk.jfr.consumer.RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                counts.merge(rf.readEvent().getEventType().getName(), 1L, Long::sum);
            }
        }
        return counts;
    }

    @Test
    void concatenatedRecordingsReadChunkByChunk() throws Exception {
        Path a = Recordings.asyncProfiler();
        Path both = Recordings.dir().resolve("both.jfr");
        byte[] bytes = Files.readAllBytes(a);
        byte[] twice = Arrays.copyOf(bytes, bytes.length * 2);
        System.arraycopy(bytes, 0, twice, bytes.length, bytes.length);
        Files.write(both, twice);
        Profile one = ProfileReader.read(a);
        Profile two = ProfileReader.read(both);
        assertThat(two.size()).isEqualTo(2 * one.size());
        assertThat(two.stackCount()).isEqualTo(one.stackCount());
        assertThat(two.info().warnings()).isEmpty();
    }

    private static void assertRanking(Profile p) {
        MethodStats stats = MethodStats.of(p, EventKind.CPU);
        List<String> order = stats.bySelf().stream().map(s -> s.method().displayName())
                .filter(n -> n.startsWith(W + ".") && List.of("heavy", "medium", "light").contains(n.substring(W.length() + 1)))
                .toList();
        assertThat(order).containsExactly(W + ".heavy", W + ".medium", W + ".light");
        MethodStats.MethodStat heavy = stats.method(p.methodIndex(new MethodRef(W, "heavy", "(I)J")));
        MethodStats.MethodStat main = stats.method(p.methodIndex(new MethodRef(W, "main", "([Ljava/lang/String;)V")));
        assertThat(heavy.self()).isGreaterThan(stats.grandTotal() / 5);
        assertThat(main.total()).isGreaterThan(stats.grandTotal() * 8 / 10).isGreaterThanOrEqualTo(heavy.total());
    }

    private static void assertLinesAndBcisFallInTheMethod(Profile p, String method) throws IOException {
        int[] lines = lineRange(method);
        int mi = p.methodIndex(new MethodRef(W, method, "(I)J"));
        MethodStats.LineStat hottest = MethodStats.of(p, EventKind.CPU).lines(mi).get(0);
        assertThat(hottest.line()).isBetween(lines[0], lines[1]);
        int withBci = 0;
        for (int f = 0; f < p.frameCount(); f++) {
            Frame fr = p.frame(f);
            if (fr.methodIndex() == mi) {
                // the JDK itself records -1 (unknown) for some compiled frames, e.g. at a loop's safepoint poll
                assertThat(fr.bci()).isBetween(-1, lines[2]);
                withBci += fr.bci() >= 0 ? 1 : 0;
            }
        }
        assertThat(withBci).isPositive();
    }

    /** First and last source line of the method and its code length, from its class file. */
    private static int[] lineRange(String method) throws IOException {
        int[] r = {Integer.MAX_VALUE, 0, 0};
        try (InputStream in = ProfileWorkload.class.getResourceAsStream("ProfileWorkload.class")) {
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    if (!name.equals(method)) {
                        return null;
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLineNumber(int line, Label start) {
                            r[0] = Math.min(r[0], line);
                            r[1] = Math.max(r[1], line);
                        }
                    };
                }
            }, 0);
        }
        r[2] = 100; // the loop method's bytecode is far shorter than 100 bytes
        return r;
    }

    private static java.util.Set<FrameType> frameTypesOf(Profile p, String method) {
        int mi = p.methodIndex(new MethodRef(W, method, "(I)J"));
        java.util.Set<FrameType> types = new TreeSet<>();
        for (int f = 0; f < p.frameCount(); f++) {
            if (p.frame(f).methodIndex() == mi) {
                types.add(p.frame(f).type());
            }
        }
        return types;
    }
}

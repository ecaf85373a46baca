package dev.hoist.core.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.classes.ClassPath;
import dev.hoist.core.profile.EventKind;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.testkit.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's case: the same class, fixed in place. {@code Batch.render} builds a string with
 * {@code +=} (before) or one pre-sized StringBuilder (after) on the same source lines; each pass
 * also runs a checksum loop of fixed cost. Both versions run in child JVMs under async-profiler,
 * and the diff, with each version's own classes, must show the render loop's share of cpu and of
 * allocated bytes going down while the untouched checksum loop's cpu share goes up.
 */
class ProfileDiffTest {
    // line numbers matter: the render loop is on lines 6-9 in both versions
    static final String TEMPLATE = """
            package fix;
            public class Batch {
                static volatile long sink;
                static String render(long[] ids) {
                    %s
                    for (int i = 0; i < ids.length; i++) {
                        if (i > 0) %s;
                        %s;
                    }
                    return list.toString();
                }
                static long checksum(long[] ids) {
                    long s = 0;
                    for (int r = 0; r < 200; r++) {
                        for (int i = 0; i < ids.length; i++) {
                            s = s * 31 + (ids[i] ^ (s >>> 7));
                        }
                    }
                    return s;
                }
                public static void main(String[] args) {
                    long[] ids = new long[400];
                    for (int i = 0; i < ids.length; i++) ids[i] = 10_000_000L + i * 7919L;
                    long end = System.currentTimeMillis() + Long.parseLong(args[0]);
                    while (System.currentTimeMillis() < end) {
                        sink += render(ids).length() + checksum(ids);
                    }
                }
            }
            """;

    @TempDir
    static Path tmp;
    static Profile before;
    static Profile after;
    static Path beforeClasses;
    static Path afterClasses;

    @BeforeAll
    static void record() throws Exception {
        beforeClasses = compile("before", TEMPLATE.formatted("String list = \"\";", "list += \",\"", "list += ids[i]"));
        afterClasses = compile("after", TEMPLATE.formatted("StringBuilder list = new StringBuilder(ids.length * 9);",
                "list.append(',')", "list.append(ids[i])"));
        before = ProfileReader.read(run(beforeClasses, "before.jfr"));
        after = ProfileReader.read(run(afterClasses, "after.jfr"));
    }

    static Path compile(String name, String source) throws Exception {
        Path src = Files.createDirectories(tmp.resolve(name + "-src/fix")).resolve("Batch.java");
        Files.writeString(src, source);
        Path out = tmp.resolve(name + "-classes");
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d", out.toString(),
                src.toString())).isZero();
        return out;
    }

    static Path run(Path classes, String file) throws Exception {
        Path jfr = tmp.resolve(file);
        try (ChildJvm p = ChildJvm.java().jvmArgs(Recorder.asyncProfiler("event=cpu,alloc,interval=1ms", jfr))
                .classpath(classes).mainClass("fix.Batch").args("2500").log(tmp.resolve(file + ".log")).start()) {
            assertThat(p.waitFor(Duration.ofSeconds(60))).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        return jfr;
    }

    @Test
    void theFixedLoopsShareDropsAndTheUntouchedLoopsShareRises() {
        ProfileDiff.Result r;
        try (ClassPath b = ClassPath.builder().add(beforeClasses).build();
             ClassPath a = ClassPath.builder().add(afterClasses).build()) {
            r = ProfileDiff.compare(before, after, EventKind.CPU, b, a);
        }
        ProfileDiff.LoopChange render = loop(r, "render");
        assertThat(render.firstLine()).isEqualTo(6);
        assertThat(render.presentBefore()).isTrue();
        assertThat(render.presentAfter()).isTrue();
        assertThat(render.after()).as("cpu share of the render loop").isLessThan(render.before());
        assertThat(render.change()).isNegative();
        assertThat(render.allocAfter()).as("allocation share of the render loop").isLessThan(render.allocBefore());
        assertThat(render.allocBefore()).isGreaterThan(0.5);
        // the checksum's work did not change, so it now takes a bigger share of the time
        ProfileDiff.LoopChange checksum = r.loops().stream()
                .filter(l -> l.method().equals("checksum") && l.firstLine() == 15).findFirst().orElseThrow();
        assertThat(checksum.after()).isGreaterThan(checksum.before());
        // per method: the same, in self + callees
        ProfileDiff.MethodChange m = r.methods().stream()
                .filter(c -> c.method().className().equals("fix.Batch") && c.method().name().equals("render")).findFirst().orElseThrow();
        assertThat(m.totalAfter()).isLessThan(m.totalBefore());
        // sorted by the size of the change
        List<Double> sizes = r.methods().stream().map(ProfileDiff.MethodChange::magnitude).toList();
        assertThat(sizes).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void withoutClassBytesThereAreMethodsButNoLoops() {
        ProfileDiff.Result r = ProfileDiff.compare(before, after, EventKind.CPU, null, null);
        assertThat(r.loops()).isEmpty();
        assertThat(r.methods()).isNotEmpty();
        assertThat(r.samplesBefore()).isPositive();
    }

    private static ProfileDiff.LoopChange loop(ProfileDiff.Result r, String method) {
        return r.loops().stream().filter(l -> l.className().equals("fix.Batch") && l.method().equals(method))
                .findFirst().orElseThrow(() -> new AssertionError("no loop of " + method + " in " + r.loops()));
    }
}

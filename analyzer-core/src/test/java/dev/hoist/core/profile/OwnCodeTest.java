package dev.hoist.core.profile;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code hoist attach} lists as the hot code: JDK and VM frames are charged to the
 * application's frame that called them, at its line; and the window of the last seconds keeps
 * only the samples taken in it, with the same methods.
 */
class OwnCodeTest {

    private static final long SECOND = 1_000_000_000L;

    /** parse's loop calls String.indexOf (JDK, at line 41) and Long.parseLong (line 43); price runs itself. */
    static Profile profile() {
        ProfileBuilder b = new ProfileBuilder();
        int main = b.thread("main", 1);
        int parse = b.frame(b.method("app.Feed", "parse", "([Ljava/lang/String;)V"), 41, 10, FrameType.JIT_COMPILED);
        int parse43 = b.frame(b.method("app.Feed", "parse", "([Ljava/lang/String;)V"), 43, 20, FrameType.JIT_COMPILED);
        int price = b.frame(b.method("app.Pricing", "price", "()J"), 7, 3, FrameType.JIT_COMPILED);
        int indexOf = b.frame(b.method("java.lang.String", "indexOf", "(I)I"), 1, 0, FrameType.INLINED);
        int parseLong = b.frame(b.method("java.lang.Long", "parseLong", "(Ljava/lang/String;)J"), 1, 0, FrameType.JIT_COMPILED);
        int stub = b.frame(b.method("", "itable stub", ""), 0, -1, FrameType.NATIVE);
        int gc = b.frame(b.method("", "G1ParScanThreadState::trim_queue", ""), 0, -1, FrameType.NATIVE);
        int[] inIndexOf = {indexOf, parse};
        int[] inParseLong = {stub, parseLong, parse43};
        int[] inPrice = {price};
        for (int i = 0; i < 6; i++) {
            b.add(EventKind.CPU, i * SECOND, main, b.stack(inIndexOf), 1, -1);
        }
        for (int i = 0; i < 2; i++) {
            b.add(EventKind.CPU, i * SECOND, main, b.stack(inParseLong), 1, -1);
        }
        b.add(EventKind.CPU, 9 * SECOND, main, b.stack(inPrice), 1, -1);
        b.add(EventKind.CPU, 9 * SECOND, b.thread("GC Thread#0", 2), b.stack(new int[] {gc}), 1, -1);
        return b.build(new ProfileInfo(Path.of("test.jfr"), SamplerKind.ASYNC_PROFILER, null, 0, 10 * SECOND, List.of()));
    }

    @Test
    void jdkAndVmFramesAreChargedToTheApplicationsCallerAtItsHottestLine() {
        OwnCode code = OwnCode.of(profile(), EventKind.CPU);
        assertThat(code.grandTotal()).isEqualTo(10);
        OwnCode.Site first = code.sites().get(0);
        assertThat(first.method().displayName()).isEqualTo("app.Feed.parse");
        assertThat(first.own()).isTrue();
        assertThat(first.charged()).isEqualTo(8);
        assertThat(first.line()).isEqualTo(41);
        assertThat(code.sites()).extracting(s -> s.method().displayName())
                .containsExactly("app.Feed.parse", "G1ParScanThreadState::trim_queue", "app.Pricing.price")
                .doesNotContain("java.lang.String.indexOf", "java.lang.Long.parseLong");
        OwnCode.Site gc = code.sites().get(1);
        assertThat(gc.own()).as("a stack without application frames stays with its running frame").isFalse();
        assertThat(gc.method().name()).startsWith("G1ParScanThreadState");
    }

    @Test
    void theWindowOfTheLastSecondsKeepsOnlyItsSamplesAndTheSameMethods() {
        Profile p = profile();
        Profile last = p.since(5 * SECOND);
        assertThat(last.size()).isEqualTo(3); // parse at 5 s, price and GC at 9 s
        assertThat(last.methods()).isEqualTo(p.methods());
        assertThat(last.info().startEpochNanos()).isEqualTo(5 * SECOND);
        assertThat(last.info().durationNanos()).isEqualTo(5 * SECOND);
        assertThat(OwnCode.of(last, EventKind.CPU).sites()).extracting(s -> s.method().name())
                .containsExactlyInAnyOrder("parse", "price", "G1ParScanThreadState::trim_queue");
        assertThat(p.since(0)).isSameAs(p);
    }
}

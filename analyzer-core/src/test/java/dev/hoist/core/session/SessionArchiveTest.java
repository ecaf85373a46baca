package dev.hoist.core.session;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.advice.Advice;
import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.advice.LoopCost;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.rule.Confidence;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.Fix;
import dev.hoist.core.rule.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionArchiveTest {

    static AdviceReport report() {
        Finding f = new Finding("copy-in-loop", "com.acme.Feed", "parse", "([Ljava/lang/String;)J", "Feed.java", 48,
                new int[] {38, 49}, new int[] {12, 13, 14, 40}, 62, Severity.MEDIUM, Confidence.HIGH,
                "String.substring copies line", "substring allocates", new Fix("line.substring(a, b)", "line, a, b"),
                List.of("confirmed: copies"), List.of("for (...) {", "}"));
        Advice a = new Advice(1, f, new LoopCost("cpu", 40, 450, 852, 28186, 1 << 20, 2 << 20, 17), Confidence.HIGH,
                List.of("confirmed: copies were allocated in the loop"));
        return new AdviceReport(List.of(a), List.of("com.acme.Feed.parse([Ljava/lang/String;)J"),
                List.of("com.acme.Gen$$Lambda.get: generated"), 3);
    }

    @Test
    void aSavedSessionOpensWithTheSameRecordingAndAdvice(@TempDir Path dir) throws IOException {
        Path recording = dir.resolve("stacks.txt");
        Files.writeString(recording, "com.acme.Main.main;com.acme.Feed.parse 7\ncom.acme.Main.main 3\n");
        SessionArchive.Meta meta = new SessionArchive.Meta(SessionArchive.SCHEMA, "Feed (PID 1)", "1 com.acme.Main",
                "async-profiler (perf_events)", List.of("cpu", "alloc"), "/app.jar", List.of("/src"), "stacks.txt", 42);
        Path file = dir.resolve("out/s.hoist");
        SessionArchive.save(file, meta, recording, report());

        assertThat(SessionArchive.looksLikeSession(file)).isTrue();
        assertThat(SessionArchive.looksLikeSession(recording)).isFalse();
        SessionArchive.Opened opened = SessionArchive.open(file, dir.resolve("scratch"));
        assertThat(opened.meta()).isEqualTo(meta);
        assertThat(Files.readString(opened.recording())).isEqualTo(Files.readString(recording));
        Profile p = ProfileReader.read(opened.recording());
        assertThat(p.size()).isEqualTo(2);

        AdviceReport back = opened.advice();
        AdviceReport sent = report();
        assertThat(back.methodsAnalysed()).isEqualTo(sent.methodsAnalysed());
        assertThat(back.unavailable()).isEqualTo(sent.unavailable());
        assertThat(back.hiddenUnsampled()).isEqualTo(3);
        Advice a = back.advice().get(0);
        assertThat(a.cost()).isEqualTo(sent.advice().get(0).cost());
        assertThat(a.evidence()).isEqualTo(sent.advice().get(0).evidence());
        Finding f = a.finding();
        assertThat(f.loopLines()).containsExactly(38, 49);
        assertThat(f.loopBcis()).containsExactly(12, 13, 14, 40);
        assertThat(f.fix()).isEqualTo(new Fix("line.substring(a, b)", "line, a, b"));
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.loopSource()).containsExactly("for (...) {", "}");
        assertThat(a.rankingShare()).isEqualTo(sent.advice().get(0).rankingShare());
    }

    @Test
    void savingAgainReplacesTheFileAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        Path recording = dir.resolve("r.txt");
        Files.writeString(recording, "a.B.c 1\n");
        SessionArchive.Meta meta = new SessionArchive.Meta(SessionArchive.SCHEMA, "t", "", null, List.of(), "", List.of(), "r.txt", 1);
        Path file = dir.resolve("s.hoist");
        SessionArchive.save(file, meta, recording, null);
        SessionArchive.save(file, meta, recording, report());
        assertThat(SessionArchive.open(file, dir.resolve("x")).advice()).isNotNull();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".hoist-save-")).allMatch(n -> !n.endsWith(".tmp"));
        }
    }

    @Test
    void aBrokenOrForeignFileIsOneLineOfBadInput(@TempDir Path dir) throws IOException {
        Path truncated = dir.resolve("cut.hoist");
        Path good = dir.resolve("good.hoist");
        Path recording = dir.resolve("r.txt");
        Files.writeString(recording, "a.B.c 1\n");
        SessionArchive.save(good, new SessionArchive.Meta(SessionArchive.SCHEMA, "t", "", null, List.of(), "", List.of(), "r", 1),
                recording, report());
        byte[] bytes = Files.readAllBytes(good);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> SessionArchive.open(truncated, dir.resolve("s1")))
                .isInstanceOf(HoistException.class).hasMessageStartingWith(truncated.toString())
                .satisfies(e -> assertThat(((HoistException) e).failure()).isEqualTo(Failure.BAD_INPUT));

        Path foreign = dir.resolve("other.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(foreign))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write(1);
        }
        assertThatThrownBy(() -> SessionArchive.open(foreign, dir.resolve("s2")))
                .isInstanceOf(HoistException.class).hasMessageContaining("not a Hoist session");

        Path evil = dir.resolve("evil.hoist");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
            z.putNextEntry(new ZipEntry("session.json"));
            z.write(("{\"schema\":\"" + SessionArchive.SCHEMA + "\",\"title\":\"t\"}").getBytes());
            z.putNextEntry(new ZipEntry("recording/../../escaped.jfr"));
            z.write(1);
        }
        assertThatThrownBy(() -> SessionArchive.open(evil, dir.resolve("s3"))).hasMessageContaining("no recording");
        assertThat(dir.resolve("escaped.jfr")).doesNotExist();
    }
}

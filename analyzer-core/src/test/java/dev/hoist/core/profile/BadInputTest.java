package dev.hoist.core.profile;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Missing, empty, foreign, truncated and corrupt files: one line naming the file and what is wrong. */
class BadInputTest {
    @TempDir
    Path tmp;

    @Test
    void missingFile() {
        assertBad(tmp.resolve("nope.jfr"), "no such file");
    }

    @Test
    void emptyFile() throws Exception {
        Path f = Files.write(tmp.resolve("empty.jfr"), new byte[0]);
        assertBad(f, "empty file");
    }

    @Test
    void binaryFileThatIsNotJfr() throws Exception {
        byte[] bytes = new byte[5000];
        new Random(1).nextBytes(bytes);
        bytes[10] = 0;
        assertBad(Files.write(tmp.resolve("random.bin"), bytes), "neither a JFR recording nor collapsed stacks");
    }

    @Test
    void textThatIsNotCollapsedStacks() throws Exception {
        Path f = Files.writeString(tmp.resolve("notes.txt"), "hello world\nthis is not a profile\n");
        assertBad(f, "line 1");
    }

    @Test
    void truncatedRecordingsAtSeveralOffsets() throws Exception {
        for (Path rec : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            byte[] bytes = Files.readAllBytes(rec);
            for (int cut : new int[] {3, 40, 100, bytes.length / 3, bytes.length / 2, bytes.length - 1}) {
                Path f = Files.write(tmp.resolve("cut-" + cut + "-" + rec.getFileName()), Arrays.copyOf(bytes, cut));
                assertBad(f, cut < 68 ? "truncated" : "truncated JFR recording");
            }
        }
    }

    @Test
    void corruptHeaderFields() throws Exception {
        byte[] bytes = Files.readAllBytes(Recordings.asyncProfiler());
        byte[] version = bytes.clone();
        version[4] = 0x7f;
        assertBad(Files.write(tmp.resolve("version.jfr"), version), "unsupported JFR version");
        byte[] meta = bytes.clone();
        long metaOffset = ByteBuffer.wrap(bytes).getLong(24);
        // a metadata offset past the end of the chunk
        ByteBuffer.wrap(meta).putLong(24, metaOffset + bytes.length * 4L);
        assertBad(Files.write(tmp.resolve("meta.jfr"), meta), "corrupt JFR recording");
        assertBad(Files.write(tmp.resolve("pool.jfr"), poolCorrupted(bytes)), "corrupt JFR recording");
    }

    @Test
    // a parser caught in a loop must fail this test, not hang the build
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void flippedBytesEitherReadOrFailAsBadInput() throws Exception {
        for (Path rec : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            byte[] bytes = Files.readAllBytes(rec);
            Random random = new Random(42);
            for (int round = 0; round < 40; round++) {
                byte[] copy = flipped(bytes, 68, random, round % 2 == 0 ? 1 : 8);
                Path f = Files.write(tmp.resolve("flip-" + round + "-" + rec.getFileName()), copy);
                try {
                    // undetectable flips (a line number, a timestamp) give a profile; anything else must be BAD_INPUT
                    assertThat(ProfileReader.read(f).info().file()).isEqualTo(f);
                } catch (HoistException e) {
                    assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT);
                    assertThat(e.getMessage()).startsWith(f.toString()).doesNotContain("\n");
                }
            }
        }
    }

    @Test
    void recordingWithTruncatedSecondChunkKeepsTheFirst() throws Exception {
        for (Path rec : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            byte[] bytes = Files.readAllBytes(rec);
            byte[] joined = Arrays.copyOf(bytes, bytes.length + bytes.length / 2);
            System.arraycopy(bytes, 0, joined, bytes.length, bytes.length / 2);
            Path f = Files.write(tmp.resolve("partial-" + rec.getFileName()), joined);
            Profile whole = ProfileReader.read(rec);
            Profile partial = ProfileReader.read(f);
            assertThat(partial.size()).as(rec.toString()).isEqualTo(whole.size());
            assertThat(partial.info().warnings()).singleElement().asString().startsWith(f.toString()).contains("truncated");
        }
    }

    /** A copy of a one-chunk recording with 200 bytes of its constant pool overwritten: a corrupt chunk. */
    static byte[] poolCorrupted(byte[] chunk) {
        byte[] bad = chunk.clone();
        long cpOffset = ByteBuffer.wrap(chunk).getLong(16);
        Arrays.fill(bad, (int) cpOffset + 1, (int) Math.min(cpOffset + 200, bad.length), (byte) 0xff);
        return bad;
    }

    /** A copy with {@code flips} random bytes from offset {@code from} on inverted. */
    static byte[] flipped(byte[] bytes, int from, Random random, int flips) {
        byte[] copy = bytes.clone();
        for (int k = 0; k < flips; k++) {
            int at = from + random.nextInt(copy.length - from);
            copy[at] = (byte) ~copy[at];
        }
        return copy;
    }

    private static void assertBad(Path file, String what) {
        HoistException e = catchThrowableOfType(HoistException.class, () -> ProfileReader.read(file));
        assertThat(e).as("reading " + file + " must fail").isNotNull();
        assertThat(e.failure()).isEqualTo(Failure.BAD_INPUT);
        assertThat(e.getMessage()).startsWith(file + ": ").contains(what).doesNotContain("\n");
    }

    @Test
    void directoryIsNotARecording() {
        assertThatThrownBy(() -> ProfileReader.read(tmp)).isInstanceOf(HoistException.class).hasMessageContaining("directory");
    }

    @Test
    void runningOutOfHeapIsSaidAsSuchNotAsCorruption() {
        // a recording too large for the heap is the common case; the user can act on "give it more heap"
        String first = JfrProfileReader.firstChunkProblem(new OutOfMemoryError("Java heap space"));
        assertThat(first).startsWith("not readable in this heap (out of memory with a ").contains("HOIST_JAVA_OPTS=-Xmx")
                .doesNotContain("corrupt JFR recording");
        assertThat(JfrProfileReader.chunkProblem(new OutOfMemoryError())).startsWith("could not be read (out of memory");
        assertThat(JfrProfileReader.chunkProblem(new IllegalArgumentException("bad varint"))).isEqualTo(
                "is corrupt (IllegalArgumentException: bad varint)");
    }

    /**
     * A size varint (a constant pool count, a metadata table, a string length) set to 2^28-1 at
     * several places in the first chunk's metadata and constant pool, in both formats: the reader
     * must say the recording is corrupt, not allocate for the size (one such field filled a 6 GB heap).
     */
    @Test
    void aCorruptSizeFieldIsBadInputBeforeAnythingIsAllocatedForIt() throws Exception {
        for (Path rec : List.of(Recordings.asyncProfiler(), Recordings.jdk())) {
            byte[] original = Files.readAllBytes(rec);
            ByteBuffer header = ByteBuffer.wrap(original);
            int sizeErrors = 0;
            for (long start : List.of(header.getLong(16), header.getLong(24))) {
                for (int off = 8; off <= 64; off += 2) {
                    byte[] b = original.clone();
                    int at = (int) start + off;
                    b[at] = (byte) 0xFF;
                    b[at + 1] = (byte) 0xFF;
                    b[at + 2] = (byte) 0xFF;
                    b[at + 3] = (byte) 0x7F;
                    Path f = Files.write(tmp.resolve("size-" + off + ".jfr"), b);
                    try {
                        ProfileReader.read(f);
                    } catch (HoistException e) {
                        assertThat(e.failure()).as(rec + " +" + off).isEqualTo(Failure.BAD_INPUT);
                        assertThat(e.getMessage()).as(rec + " +" + off).doesNotContain("heap", "\n");
                        if (e.getMessage().contains("a size field reads")) {
                            sizeErrors++;
                        }
                    }
                }
            }
            assertThat(sizeErrors).as(rec + ": corrupt sizes caught as such").isPositive();
        }
    }
}

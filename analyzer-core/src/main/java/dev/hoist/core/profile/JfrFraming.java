package dev.hoist.core.profile;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static dev.hoist.core.profile.ProfileReader.bad;

/**
 * Checks the framing of a JFR file before a parser walks it: every chunk's records (events,
 * checkpoints, metadata) must be a chain of positive sizes that ends exactly at the chunk's end, and
 * the checkpoint chain must stay on record boundaries without cycles. Both parsers trust these sizes
 * and offsets; with a flipped byte in one of them JfrReader can seek backwards and loop forever. The
 * check reads one or two varints per record, so it costs little next to parsing.
 */
final class JfrFraming {
    static final int CHUNK_HEADER_SIZE = 68;
    private static final int MAGIC = 0x464c5200;

    /**
     * The well-framed chunks from where the scan started: their list, the offset just past the last
     * of them, and what is wrong with what follows (null when nothing does). {@code tailIncomplete}
     * tells a chunk that is still being written (placeholder size, or extending past the end of the
     * file) from a complete chunk whose framing is broken.
     */
    record Result(List<Chunk> chunkList, long validBytes, String tailProblem, boolean tailIncomplete) {
        int chunks() {
            return chunkList.size();
        }
    }

    /** A well-framed chunk: where it starts in the file and its size. */
    record Chunk(long start, long size) {
        long end() {
            return start + size;
        }
    }

    /**
     * The offsets in a well-framed chunk where its records start, for checking that a parser stays
     * on record boundaries. One chunk at a time: a bit per byte of the chunk.
     */
    static final class Boundaries {
        private final Chunk chunk;
        private final BitSet starts;

        private Boundaries(Chunk chunk, BitSet starts) {
            this.chunk = chunk;
            this.starts = starts;
        }

        /** True if the absolute file position is a record boundary of this chunk (or its end). */
        boolean isBoundary(long filePosition) {
            long off = filePosition - chunk.start();
            return off == chunk.size() || (off >= 0 && off < chunk.size() && starts.get((int) off));
        }
    }

    static Boundaries boundaries(Path file, Chunk chunk) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return boundaries(ch.map(FileChannel.MapMode.READ_ONLY, chunk.start(), chunk.size()), chunk);
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** The boundaries of a chunk whose bytes start at index 0 of {@code bytes}. */
    static Boundaries boundaries(ByteBuffer bytes, Chunk chunk) {
        ByteBuffer b = bytes.duplicate();
        BitSet starts = new BitSet((int) chunk.size());
        int pos = CHUNK_HEADER_SIZE;
        while (pos < chunk.size()) {
            starts.set(pos);
            b.position(pos);
            pos += (int) varlong(b); // already checked by scan(): positive and inside the chunk
        }
        return new Boundaries(chunk, starts);
    }

    private JfrFraming() {
    }

    /**
     * The whole file's framing. A file whose first chunk is incomplete or broken is bad input; a
     * problem after the first chunk is the result's tail problem, for the caller to warn about.
     */
    static Result check(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Result r = scan(file, ch, 0, 0);
            if (r.chunks() == 0 && r.tailProblem() != null) {
                throw bad(file, r.tailProblem());
            }
            return r;
        } catch (IOException e) {
            throw bad(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the chunks from offset {@code from} (which must be a chunk start; {@code chunksBefore}
     * chunks precede it, for the messages) to the end of the file as it is now. A header that is
     * not a JFR chunk header at all is bad input wherever it is; a chunk that is incomplete or has
     * broken framing ends the result with a tail problem.
     */
    static Result scan(Path file, FileChannel ch, long from, int chunksBefore) throws IOException {
        long size = ch.size();
        long pos = from;
        List<Chunk> list = new ArrayList<>();
        ByteBuffer header = ByteBuffer.allocate(CHUNK_HEADER_SIZE);
        while (pos < size) {
            int index = chunksBefore + list.size() + 1;
            if (size - pos < CHUNK_HEADER_SIZE) {
                return truncated(list, pos, "shorter than a chunk header");
            }
            header.clear();
            while (header.hasRemaining() && ch.read(header, pos + header.position()) > 0) {
                // a read may return fewer bytes than asked
            }
            if (header.getInt(0) != MAGIC) {
                throw bad(file, "corrupt JFR recording (no chunk header at offset " + pos + ")");
            }
            int major = header.getShort(4);
            if (major != 2) {
                throw bad(file, "corrupt JFR recording (unsupported JFR version " + major + "." + header.getShort(6)
                        + " in chunk " + index + ")");
            }
            long chunkSize = header.getLong(8);
            long cpOffset = header.getLong(16);
            long metaOffset = header.getLong(24);
            if (chunkSize < CHUNK_HEADER_SIZE || chunkSize > Integer.MAX_VALUE) {
                throw bad(file, "corrupt JFR recording (chunk " + index + " claims size " + chunkSize + ")");
            }
            if (pos + chunkSize > size || cpOffset == 0 || metaOffset == 0) {
                return truncated(list, pos, "chunk " + index + " is incomplete");
            }
            if (cpOffset < CHUNK_HEADER_SIZE || cpOffset >= chunkSize || metaOffset < CHUNK_HEADER_SIZE || metaOffset >= chunkSize) {
                throw bad(file, "corrupt JFR recording (chunk " + index + " points outside itself)");
            }
            MappedByteBuffer chunk = ch.map(FileChannel.MapMode.READ_ONLY, pos, chunkSize);
            String problem = checkChunk(index, chunk, (int) cpOffset, (int) metaOffset);
            if (problem != null) {
                return new Result(list, pos, "corrupt JFR recording (" + problem + ")", false);
            }
            list.add(new Chunk(pos, chunkSize));
            pos += chunkSize;
        }
        return new Result(list, pos, null, false);
    }

    private static Result truncated(List<Chunk> chunks, long pos, String what) {
        return new Result(chunks, pos, "truncated JFR recording (" + what + "; was it still being written?)", true);
    }

    /** What is wrong with the chunk's framing, or null. */
    private static String checkChunk(int index, ByteBuffer chunk, int cpOffset, int metaOffset) {
        int end = chunk.limit();
        BitSet starts = new BitSet(end);
        int pos = CHUNK_HEADER_SIZE;
        try {
            while (pos < end) {
                chunk.position(pos);
                long size = varlong(chunk);
                if (size <= 0 || size > end - pos) {
                    return "record at offset " + pos + " of chunk " + index + " has size " + size;
                }
                starts.set(pos);
                pos += (int) size;
            }
            if (!starts.get(metaOffset)) {
                return "chunk " + index + "'s metadata offset is not a record";
            }
            BitSet seen = new BitSet(end);
            long cp = cpOffset;
            while (true) {
                if (cp <= 0 || cp >= end || !starts.get((int) cp) || seen.get((int) cp)) {
                    return "chunk " + index + "'s constant pool chain is broken";
                }
                seen.set((int) cp);
                chunk.position((int) cp);
                varlong(chunk); // size
                varlong(chunk); // type
                varlong(chunk); // start
                varlong(chunk); // duration
                long delta = varlong(chunk);
                if (delta == 0) {
                    return null;
                }
                cp += delta;
            }
        } catch (BufferUnderflowException e) {
            return "chunk " + index + " ends inside a record";
        }
    }

    /** JFR's LEB128 varint, as both parsers read it (the ninth byte carries eight bits). */
    private static long varlong(ByteBuffer b) {
        long result = 0;
        for (int shift = 0; shift < 56; shift += 7) {
            byte x = b.get();
            result |= (x & 0x7fL) << shift;
            if (x >= 0) {
                return result;
            }
        }
        return result | (b.get() & 0xffL) << 56;
    }
}

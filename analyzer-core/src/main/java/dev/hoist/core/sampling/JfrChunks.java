package dev.hoist.core.sampling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Cuts a JFR file back to its complete chunks, and appends complete chunks to one. A writer that
 * dies mid-chunk leaves a chunk whose header still has the placeholder size and no metadata, which
 * makes the whole file unreadable; every chunk before it is self-contained (own metadata and
 * constant pools), so truncating at the first incomplete chunk keeps all samples that were
 * checkpointed, and a file grown chunk by chunk is a valid recording after every append.
 */
final class JfrChunks {
    private static final int HEADER = 68;
    private static final int MAGIC = 0x464c5200; // "FLR\0"

    private JfrChunks() {}

    /**
     * Truncates the file after its last complete chunk; returns how many chunks were kept. A file
     * with no complete chunk is deleted and 0 is returned.
     */
    static int keepComplete(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int chunks = 0;
        long keep = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long length = ch.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (keep + HEADER <= length) {
                header.clear();
                ch.read(header, keep);
                long size = completeSize(header, 0, length - keep);
                if (size < 0) {
                    break;
                }
                keep += size;
                chunks++;
            }
            if (chunks > 0 && keep < length) {
                ch.truncate(keep);
            }
        }
        if (chunks == 0) {
            Files.delete(file);
        }
        return chunks;
    }

    /** Whether the file exists and its first chunk is complete. */
    static boolean startsWithCompleteChunk(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            ch.read(header, 0);
            return completeSize(header, 0, ch.size()) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The size of the complete chunk whose header is at {@code at}, or -1 if it is incomplete or no chunk. */
    private static long completeSize(ByteBuffer b, int at, long available) {
        if (available < HEADER || b.getInt(at) != MAGIC) {
            return -1;
        }
        long size = b.getLong(at + 8);
        long constantPoolOffset = b.getLong(at + 16);
        long metadataOffset = b.getLong(at + 24);
        if (size < HEADER || size > available || metadataOffset <= 0 || metadataOffset >= size || constantPoolOffset <= 0) {
            return -1;
        }
        return size;
    }

    /**
     * Appends to {@code file} the complete chunks at the start of {@code chunks} that started after
     * {@code afterStartNanos} (chunks are told apart by their header's start time); the first
     * incomplete one ends the list. Returns the start and end (epoch nanoseconds) of the last chunk
     * appended, or null when none was new. A reader of the file meanwhile sees the last chunk
     * extend past the end of the file until it is all there.
     */
    static long[] appendNew(ByteBuffer chunks, long afterStartNanos, Path file) throws IOException {
        int from = -1;
        int to = -1;
        long[] last = null;
        for (int at = 0; ; ) {
            long size = completeSize(chunks, at, chunks.limit() - at);
            if (size < 0) {
                break;
            }
            long start = chunks.getLong(at + 32);
            if (start > afterStartNanos) {
                // chunks come in order, so the new ones are one run
                from = from < 0 ? at : from;
                to = at + (int) size;
                last = new long[] {start, start + chunks.getLong(at + 40)};
            }
            at += (int) size;
        }
        if (last != null) {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer run = chunks.duplicate().limit(to).position(from);
                while (run.hasRemaining()) {
                    out.write(run);
                }
            }
        }
        return last;
    }
}

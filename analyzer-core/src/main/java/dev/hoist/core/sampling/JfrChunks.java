package dev.hoist.core.sampling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Cuts a JFR file back to its complete chunks. A writer that dies mid-chunk leaves a chunk whose
 * header still has the placeholder size and no metadata, which makes the whole file unreadable;
 * every chunk before it is self-contained (own metadata and constant pools), so truncating at
 * the first incomplete chunk keeps all samples that were checkpointed.
 */
final class JfrChunks {
    private static final int HEADER = 68;

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
                header.flip();
                if (header.getInt(0) != 0x464c5200) { // "FLR\0"
                    break;
                }
                long size = header.getLong(8);
                long constantPoolOffset = header.getLong(16);
                long metadataOffset = header.getLong(24);
                if (size < HEADER || keep + size > length || metadataOffset <= 0 || metadataOffset >= size
                        || constantPoolOffset <= 0) {
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
}

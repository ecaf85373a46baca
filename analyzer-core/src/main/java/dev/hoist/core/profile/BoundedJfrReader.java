package dev.hoist.core.profile;

import one.jfr.JfrReader;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * jfr-converter's reader with every size it reads checked before it is used. The reader takes
 * counts and lengths (constant pool sizes, which it preallocates, stack depths, string lengths,
 * metadata tables) as varints from the file and allocates for them; one corrupt varint in a 3.7 MB
 * recording made it fill a 6 GB heap. Every count or length of n items needs at least n bytes of
 * recording, so a varint larger than the recording is corrupt. Varints also carry small values that
 * are not sizes (thread ids, line numbers, modifiers), so the bound is never below 2^22, the largest
 * thread id Linux hands out (pid_max); within it, the reader's allocations stay in tens of MB.
 */
final class BoundedJfrReader extends JfrReader {
    private static final long SMALLEST_BOUND = 1L << 22;
    private final long bound;

    /** Thrown for a varint that cannot be a size in this recording. */
    static final class CorruptSize extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CorruptSize(long value, long bound) {
            super("a size field reads " + value + ", more than the recording can hold", null, false, false);
        }
    }

    /** The bound while the constructor runs: JfrReader reads the first chunk before this class's fields are set. */
    private static final ThreadLocal<Long> OPENING = new ThreadLocal<>();

    private BoundedJfrReader(String file, long bound) throws IOException {
        super(file);
        this.bound = bound;
    }

    private BoundedJfrReader(ByteBuffer bytes, long bound) throws IOException {
        super(bytes);
        this.bound = bound;
    }

    /** Opens a recording file of {@code length} bytes. */
    static BoundedJfrReader open(String file, long length) throws IOException {
        long bound = Math.max(SMALLEST_BOUND, length);
        OPENING.set(bound);
        try {
            return new BoundedJfrReader(file, bound);
        } finally {
            OPENING.remove();
        }
    }

    /** Opens chunks held in a buffer. */
    static BoundedJfrReader open(ByteBuffer bytes) throws IOException {
        long bound = Math.max(SMALLEST_BOUND, bytes.limit());
        OPENING.set(bound);
        try {
            return new BoundedJfrReader(bytes, bound);
        } finally {
            OPENING.remove();
        }
    }

    @Override
    public int getVarint() {
        int v = super.getVarint();
        long b = bound;
        if (b == 0) {
            b = OPENING.get();
        }
        if (v > b) {
            throw new CorruptSize(v, b);
        }
        return v;
    }
}

package dev.hoist.core.classes;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.objectweb.asm.ClassReader;

/**
 * The cheap checks every class goes through before anyone parses it, and the bounded read that
 * keeps a zip bomb from filling the heap. Shared by all sources so a bad class gets the same one
 * line wherever it was found.
 */
final class ClassBytes {

    /** The newest class file major version this ASM accepts, probed once rather than hard-coded so an ASM upgrade raises it. */
    static final int MAX_MAJOR = probeMaxMajor();

    private ClassBytes() {
    }

    /** Thrown for bytes that are not a class this Hoist can read; the message is the user's "what". */
    static final class BadClassException extends Exception {
        BadClassException(String what) {
            super(what, null, false, false);
        }
    }

    /** Thrown when an entry inflates past its bound; the message is the user's "what". */
    static final class TooBigException extends IOException {
        TooBigException(String what) {
            super(what);
        }
    }

    /**
     * Checks magic, version and that ASM can parse the header, and returns the internal name from
     * the header. Returns null for {@code module-info}, which describes a module, not a class.
     */
    static String check(byte[] bytes) throws BadClassException {
        if (bytes.length < 10) {
            throw new BadClassException("truncated class file (" + bytes.length + " bytes)");
        }
        int magic = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        if (magic != 0xCAFEBABE) {
            throw new BadClassException(String.format("not a class file (starts with 0x%08X, not 0xCAFEBABE)", magic));
        }
        int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        if (major > MAX_MAJOR) {
            throw new BadClassException("class file version " + major + " (Java " + (major - 44)
                    + ") is newer than this Hoist can read (up to Java " + (MAX_MAJOR - 44) + ")");
        }
        if (major < 45) {
            throw new BadClassException("corrupt class file (version " + major + " is not a class file version)");
        }
        try {
            ClassReader reader = new ClassReader(bytes);
            if ((reader.getAccess() & 0x8000) != 0) { // ACC_MODULE
                return null;
            }
            // Walking the member tables to the last byte catches a truncated class anywhere in
            // it, for little more than the constant pool scan ASM has just done.
            ClassHeader.checkStructure(bytes, reader);
            String name = reader.getClassName();
            if (name == null || name.isEmpty()) {
                throw new BadClassException("corrupt class file (no class name)");
            }
            LAST.set(new Checked(bytes, reader));
            return name;
        } catch (RuntimeException e) {
            // ASM reports garbage as whatever index went out of bounds; name the symptom instead.
            throw new BadClassException("corrupt or truncated class file (" + describe(e) + ")");
        }
    }

    /**
     * The last class this thread checked. Sources check a class and hand it straight to their
     * consumer, which (in the index) needs the same parse: keeping it saves a second pass over the
     * constant pool for every class. Matched by array identity, so a stale entry is never used.
     */
    @SuppressWarnings("ArrayRecordComponent") // matched by array identity on purpose (above)
    private record Checked(byte[] bytes, ClassReader reader) {
    }

    private static final ThreadLocal<Checked> LAST = new ThreadLocal<>();

    /** A reader for bytes already checked on this thread, or a new one. */
    static ClassReader reader(byte[] bytes) {
        Checked last = LAST.get();
        return last != null && last.bytes() == bytes ? last.reader() : new ClassReader(bytes);
    }

    static String describe(Throwable e) {
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + msg;
    }

    /**
     * Reads a stream to its end, failing once it passes {@code cap} bytes. A declared size above
     * the cap fails at once; a lying declared size is caught by counting what really inflates.
     */
    static byte[] readBounded(InputStream in, long declaredSize, long bound, String kind) throws IOException {
        long cap = Math.min(bound, Integer.MAX_VALUE - 16); // a Java array cannot be larger anyway
        if (declaredSize > cap) {
            throw new TooBigException(kind + " declares " + mib(declaredSize) + ", more than the " + mib(cap)
                    + " bound (zip bomb?); skipped");
        }
        // a declared size is only a claim: 20,000 entries that each declare 64 MiB must not allocate 64 MiB each
        byte[] buf = new byte[declaredSize >= 0 ? (int) Math.min(declaredSize + 1, 64 * 1024) : 16 * 1024];
        int n = 0;
        while (true) {
            if (n == buf.length) {
                if (n > cap) {
                    throw new TooBigException(kind + " inflates past the " + mib(cap) + " bound (zip bomb?); skipped");
                }
                buf = Arrays.copyOf(buf, (int) Math.min(Math.max(buf.length * 2L, 16 * 1024), cap + 1));
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        if (n > cap) {
            throw new TooBigException(kind + " inflates past the " + mib(cap) + " bound (zip bomb?); skipped");
        }
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
    }

    /** Reads and throws away the rest of a stream, at most {@code limit} bytes; returns how many were read. */
    static long discard(InputStream in, long limit) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int r;
        while (total <= limit && (r = in.read(buf)) >= 0) {
            total += r;
        }
        return total;
    }

    static String mib(long bytes) {
        if (bytes < 1024 * 1024) {
            return bytes + " bytes";
        }
        return (bytes / (1024 * 1024)) + " MiB";
    }

    private static int probeMaxMajor() {
        byte[] header = new byte[64];
        header[0] = (byte) 0xCA;
        header[1] = (byte) 0xFE;
        header[2] = (byte) 0xBA;
        header[3] = (byte) 0xBE;
        header[9] = 1; // empty constant pool
        int major = 52;
        while (major < 200) {
            header[6] = (byte) ((major + 1) >> 8);
            header[7] = (byte) (major + 1);
            try {
                new ClassReader(header);
            } catch (IllegalArgumentException e) {
                if (String.valueOf(e.getMessage()).contains("Unsupported class file major version")) {
                    break;
                }
            } catch (RuntimeException e) {
                // the version passed; what failed is our empty header
            }
            major++;
        }
        return major;
    }
}

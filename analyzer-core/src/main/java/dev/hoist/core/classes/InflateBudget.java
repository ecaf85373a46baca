package dev.hoist.core.classes;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the whole input (every source of one class path) may inflate and how many entries it may
 * hold, so a bomb spread over many entries, many nested jars or many sources is stopped too. A
 * stream read through {@link #meter} counts every byte it inflates against it (also the bytes a
 * zip stream inflates only to skip an entry) and stops an entry that inflates past its own bound.
 */
final class InflateBudget {
    private final long cap;
    private final long maxEntries;
    private long used;
    private long entries;
    private boolean reported;

    InflateBudget(long cap, long maxEntries) {
        this.cap = cap;
        this.maxEntries = maxEntries;
    }

    /** Thrown when the whole input's budget is spent: the rest of the input is skipped. */
    static final class Spent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Spent(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown when one streamed entry inflates past its bound: the stream that holds it cannot go on past it cheaply. */
    static final class EntryTooBig extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** The metered stream whose entry it is. */
        @SuppressWarnings("serial") // never serialized: it stops a read in this process
        final transient InputStream entry;

        EntryTooBig(InputStream entry, long bound) {
            super("inflates past the " + ClassBytes.mib(bound) + " bound for one entry (zip bomb?)", null, false, false);
            this.entry = entry;
        }
    }

    synchronized boolean charge(long bytes) {
        used += bytes;
        return used <= cap;
    }

    synchronized long left() {
        return Math.max(0, cap - used);
    }

    synchronized boolean spent() {
        return used > cap || entries > maxEntries;
    }

    /** Counts one entry; throws {@link Spent} past the bound. */
    synchronized void entry() {
        if (++entries > maxEntries) {
            throw new Spent("more entries than the whole input's bound");
        }
    }

    /** The one line that says the budget is spent, the first time it is asked for; null after. */
    synchronized String reportOnce() {
        if (reported) {
            return null;
        }
        reported = true;
        return entries > maxEntries ? "holds more than " + maxEntries + " entries in all (zip bomb?); the rest of the input is skipped"
                : "inflates past the " + ClassBytes.mib(cap) + " bound for the whole input (zip bomb?); the rest of the input is skipped";
    }

    /** {@code in} (one entry's inflated bytes), counted against the budget and stopped past {@code entryBound}. */
    InputStream meter(InputStream in, long entryBound) {
        return new FilterInputStream(in) {
            private long n;


            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int r = super.read(b, off, len);
                if (r > 0) {
                    n += r;
                    if (!charge(r)) {
                        throw new Spent("inflated past the whole input's bound");
                    }
                    if (n > entryBound) {
                        throw new EntryTooBig(this, entryBound);
                    }
                }
                return r;
            }

            @Override
            public long skip(long count) throws IOException {
                byte[] buf = new byte[(int) Math.min(count, 8192)];
                int r = read(buf, 0, buf.length);
                return Math.max(r, 0);
            }

            @Override
            public void close() {
                // the zip stream under it goes on to its next entry
            }
        };
    }
}

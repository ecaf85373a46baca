import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.io.IOUtils;

/**
 * commons-compress over a generated corpus of 64 text files (16 KB each), in memory, in a loop:
 * each file is gzipped and gunzipped, bzip2-compressed and decompressed (pure Java), and the
 * corpus is zipped (deflated and stored entries) and read back entry by entry.
 * One op = one corpus file through all three formats. Usage: Driver [--seconds N]
 */
public class Driver {
    static final AtomicLong OPS = new AtomicLong();

    static byte[][] corpus(int files, int size) {
        Random r = new Random(7);
        String[] words = {"order", "invoice", "customer", "shipment", "the", "of", "and", "warehouse", "2024",
                "pallet", "Zürich", "refund", "status", "pending", "delivered", "id", "price", "EUR"};
        byte[][] out = new byte[files][];
        for (int f = 0; f < files; f++) {
            StringBuilder sb = new StringBuilder(size + 64);
            while (sb.length() < size) {
                sb.append(words[r.nextInt(words.length)]);
                sb.append(r.nextInt(8) == 0 ? "," + r.nextInt(100000) + "\n" : " ");
            }
            out[f] = sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        int seconds = 0;
        for (int i = 0; i < args.length; i++) if (args[i].equals("--seconds")) seconds = Integer.parseInt(args[++i]);
        byte[][] corpus = corpus(64, 16 * 1024);
        meter("compress", seconds);
        long sink = 0;
        while (true) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(zipped)) {
                for (int f = 0; f < corpus.length; f++) {
                    byte[] data = corpus[f];
                    ByteArrayOutputStream gz = new ByteArrayOutputStream();
                    try (OutputStream out = new GzipCompressorOutputStream(gz)) { out.write(data); }
                    sink += roundTrip(new GzipCompressorInputStream(new ByteArrayInputStream(gz.toByteArray())));
                    ByteArrayOutputStream bz = new ByteArrayOutputStream();
                    try (OutputStream out = new BZip2CompressorOutputStream(bz, BZip2CompressorOutputStream.chooseBlockSize(data.length))) { out.write(data); }
                    sink += roundTrip(new BZip2CompressorInputStream(new ByteArrayInputStream(bz.toByteArray())));
                    ZipArchiveEntry entry = new ZipArchiveEntry("corpus/file-" + f + ".txt");
                    entry.setMethod(f % 4 == 0 ? ZipEntry.STORED : ZipEntry.DEFLATED);
                    if (f % 4 == 0) {
                        entry.setSize(data.length);
                        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                        crc.update(data);
                        entry.setCrc(crc.getValue());
                    }
                    zip.putArchiveEntry(entry);
                    zip.write(data);
                    zip.closeArchiveEntry();
                    OPS.incrementAndGet();
                }
            }
            try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zipped.toByteArray()))) {
                while (in.getNextEntry() != null) sink += IOUtils.toByteArray(in).length;
            }
            if (sink == 42) System.out.print("");
        }
    }

    static long roundTrip(InputStream in) throws IOException {
        try (in) {
            return IOUtils.toByteArray(in).length;
        }
    }

    /** Prints "<name>: <n> ops/s" once a second; after `seconds` seconds (0: never) it stops the JVM. */
    static void meter(String name, int seconds) {
        Thread t = new Thread(() -> {
            long start = System.nanoTime(), last = 0;
            for (int s = 1; ; s++) {
                long wait = start + s * 1_000_000_000L - System.nanoTime();
                if (wait > 0) try { Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); } catch (InterruptedException e) { return; }
                long n = OPS.get();
                System.out.println(name + ": " + (n - last) + " ops/s");
                last = n;
                if (seconds > 0 && s >= seconds) { System.out.flush(); Runtime.getRuntime().halt(0); }
            }
        }, "meter");
        t.setDaemon(true);
        t.start();
    }
}

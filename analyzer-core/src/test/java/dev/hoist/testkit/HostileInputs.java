package dev.hoist.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hostile inputs of the kinds issue 22 found, written small and fast: zips are assembled from
 * raw entries, so a 500 MB entry of zeros is deflated once (to about 0.5 MB) and its compressed
 * bytes reused, and an entry may declare any size in the central directory.
 */
public final class HostileInputs {
    private HostileInputs() {
    }

    /** One zip entry as it is stored: method 0 (stored) or 8 (deflated), the bytes as stored, and the sizes and CRC the headers declare. */
    public record RawEntry(String name, int method, byte[] data, long size, long crc) {}

    /** {@code size} zero bytes deflated, as a raw entry named {@code name}. */
    public static RawEntry zeros(String name, long size) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        byte[] in = new byte[1 << 20];
        byte[] out = new byte[1 << 16];
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        CRC32 crc = new CRC32();
        for (long left = size; left > 0; left -= in.length) {
            int n = (int) Math.min(left, in.length);
            crc.update(in, 0, n);
            d.setInput(in, 0, n);
            while (!d.needsInput()) {
                compressed.write(out, 0, d.deflate(out));
            }
        }
        d.finish();
        while (!d.finished()) {
            compressed.write(out, 0, d.deflate(out));
        }
        d.end();
        return new RawEntry(name, 8, compressed.toByteArray(), size, crc.getValue());
    }

    /** A stored entry holding {@code data}. */
    public static RawEntry stored(String name, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return new RawEntry(name, 0, data, data.length, crc.getValue());
    }

    /** A zip of these entries, headers and central directory written as declared. */
    public static byte[] zip(List<RawEntry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> offsets = new ArrayList<>();
        for (RawEntry e : entries) {
            offsets.add((long) out.size());
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer h = le(30 + name.length);
            h.putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) e.method()).putInt(0)
                    .putInt((int) e.crc()).putInt(e.data().length).putInt((int) e.size())
                    .putShort((short) name.length).putShort((short) 0).put(name);
            out.write(h.array());
            out.write(e.data());
        }
        long central = out.size();
        for (int i = 0; i < entries.size(); i++) {
            RawEntry e = entries.get(i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer c = le(46 + name.length);
            c.putInt(0x02014b50).putShort((short) 20).putShort((short) 20).putShort((short) 0).putShort((short) e.method())
                    .putInt(0).putInt((int) e.crc()).putInt(e.data().length).putInt((int) e.size())
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt(offsets.get(i).intValue()).put(name);
            out.write(c.array());
        }
        long centralSize = out.size() - central;
        ByteBuffer end = le(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt((int) centralSize).putInt((int) central).putShort((short) 0);
        out.write(end.array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A jar holding {@code good} (name to class bytes) and {@code BOOT-INF/lib/inner.jar}, which
     * holds {@code nested} "jars" of {@code zerosEach} zero bytes each: a few MB on disk, gigabytes
     * inflated (issue 22: 8 of 500 MB made Hoist use 5.7 GB).
     */
    public static Path nestedBombJar(Path file, java.util.Map<String, byte[]> good, int nested, long zerosEach) throws IOException {
        RawEntry one = zeros("x", zerosEach);
        List<RawEntry> inner = new ArrayList<>();
        for (int i = 0; i < nested; i++) {
            inner.add(new RawEntry("lib/zeros-" + i + ".jar", 8, one.data(), one.size(), one.crc()));
        }
        List<RawEntry> outer = new ArrayList<>();
        good.forEach((name, bytes) -> outer.add(stored(name, bytes)));
        outer.add(stored("BOOT-INF/lib/inner.jar", zip(inner)));
        Files.write(file, zip(outer));
        return file;
    }

    /**
     * A jar of {@code count} class entries that each declare {@code declared} bytes and hold 16
     * (issue 22: 20,000 entries declaring 64 MiB took 53 CPU-s and printed 20,001 lines).
     */
    public static Path manyHugeDeclaredEntries(Path file, int count, long declared) throws IOException {
        List<RawEntry> entries = new ArrayList<>();
        byte[] data = new byte[16];
        for (int i = 0; i < count; i++) {
            entries.add(new RawEntry("huge/C" + i + ".class", 0, data, declared, 0));
        }
        Files.write(file, zip(entries));
        return file;
    }

}

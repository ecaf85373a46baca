package dev.hoist.core.startup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The HotSpot performance counters a JVM keeps in its {@code hsperfdata} file (what {@code jstat}
 * and {@code jcmd PerfCounter.print} read), parsed from the copy {@code -XX:+PerfDataSaveToFile}
 * writes when the JVM exits. They give the JVM's own accounts of its start: when creating the VM
 * began and ended, the time spent loading, linking, verifying and initialising classes, the JIT
 * compilers' time and each collector's pauses. Only numbers are kept; the format is version 2
 * (JDK 6 to 25), and anything else reads as no counters.
 */
public final class PerfData {
    private final Map<String, Long> longs;

    private PerfData(Map<String, Long> longs) {
        this.longs = longs;
    }

    /** No counters: for a run that left no file. */
    public static PerfData empty() {
        return new PerfData(Map.of());
    }

    /** Reads a saved hsperfdata file; a missing, short or foreign file gives {@link #empty()}. */
    public static PerfData read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 8 << 20) {
                return empty();
            }
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            return empty();
        }
    }

    static PerfData parse(byte[] bytes) {
        if (bytes.length < 32 || (bytes[0] & 0xff) != 0xca || (bytes[1] & 0xff) != 0xfe || (bytes[2] & 0xff) != 0xc0
                || (bytes[3] & 0xff) != 0xc0) {
            return empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(bytes[4] == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        if (bytes[5] != 2) {
            return empty();
        }
        int entryOffset = b.getInt(24);
        int count = b.getInt(28);
        Map<String, Long> out = new HashMap<>();
        int at = entryOffset;
        for (int i = 0; i < count && at >= 0 && at + 20 <= bytes.length; i++) {
            int length = b.getInt(at);
            int nameOffset = b.getInt(at + 4);
            int vectorLength = b.getInt(at + 8);
            byte type = b.get(at + 12);
            int dataOffset = b.getInt(at + 16);
            if (length <= 0 || at + length > bytes.length || nameOffset < 0 || dataOffset < 0) {
                break;
            }
            int nameStart = at + nameOffset;
            int nameEnd = nameStart;
            while (nameEnd < at + length && bytes[nameEnd] != 0) {
                nameEnd++;
            }
            String name = new String(bytes, nameStart, nameEnd - nameStart, StandardCharsets.US_ASCII);
            if (type == 'J' && vectorLength == 0 && at + dataOffset + 8 <= at + length) {
                out.put(name, b.getLong(at + dataOffset));
            }
            at += length;
        }
        return new PerfData(Map.copyOf(out));
    }

    public boolean isEmpty() {
        return longs.isEmpty();
    }

    /** A counter's raw value, or -1 when the JVM has no such counter. */
    public long get(String name) {
        return longs.getOrDefault(name, -1L);
    }

    /** A counter in ticks of the high-resolution timer, as milliseconds (-1 when missing). */
    public double ticksMillis(String name) {
        long v = get(name);
        long hz = get("sun.os.hrt.frequency");
        return v < 0 || hz <= 0 ? -1 : v * 1000.0 / hz;
    }

    /** Milliseconds from the start of creating the VM to its end ({@code Create VM}), -1 when missing. */
    public double createVmMillis() {
        long begin = get("sun.rt.createVmBeginTime");
        long end = get("sun.rt.createVmEndTime");
        return begin < 0 || end < begin ? -1 : end - begin;
    }

    /** The pauses of every collector together: count and milliseconds. */
    public double[] gc() {
        long n = 0;
        double ms = 0;
        for (int c = 0; c < 8; c++) {
            long inv = get("sun.gc.collector." + c + ".invocations");
            if (inv < 0) {
                break;
            }
            n += inv;
            ms += Math.max(0, ticksMillis("sun.gc.collector." + c + ".time"));
        }
        return new double[] {n, ms};
    }
}

package dev.hoist.core.facts;

import java.util.HashMap;
import java.util.Map;

/**
 * The original bytecode offset (bci) of every instruction of every method in a class file.
 * Profile frames carry bcis, and ASM's tree API only knows offsets for labels, so this reads the
 * Code attributes directly. ASM's ClassReader turns every bytecode instruction into exactly one
 * instruction node (goto_w becomes goto, wide prefixes are folded), so the n-th real instruction
 * of a {@code MethodNode} is the n-th instruction start found here.
 */
public final class BytecodeOffsets {
    private final Map<String, int[]> byMethod;
    private final Map<String, Integer> lengths;

    private BytecodeOffsets(Map<String, int[]> byMethod, Map<String, Integer> lengths) {
        this.byMethod = byMethod;
        this.lengths = lengths;
    }

    /** The length in bytes of the method's code (what HotSpot's inlining limits count), or -1. */
    public int codeLength(String name, String descriptor) {
        Integer l = lengths.get(name + descriptor);
        return l == null ? -1 : l;
    }

    /** The instruction start offsets of {@code name + descriptor}, or null when the method has no code. */
    public int[] of(String name, String descriptor) {
        return byMethod.get(name + descriptor);
    }

    public static BytecodeOffsets read(byte[] b) {
        Map<String, int[]> out = new HashMap<>();
        Map<String, Integer> lengths = new HashMap<>();
        int cpCount = u2(b, 8);
        int[] cpOffsets = new int[cpCount];
        int p = 10;
        for (int i = 1; i < cpCount; i++) {
            cpOffsets[i] = p;
            int tag = b[p] & 0xff;
            switch (tag) {
                case 1 -> p += 3 + u2(b, p + 1);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> p += 5;
                case 5, 6 -> { p += 9; i++; }
                case 7, 8, 16, 19, 20 -> p += 3;
                case 15 -> p += 4;
                default -> throw new IllegalArgumentException("bad constant pool tag " + tag);
            }
        }
        p += 6;
        p += 2 * u2(b, p) + 2;
        int fields = u2(b, p);
        p += 2;
        for (int i = 0; i < fields; i++) {
            p += 6;
            p = skipAttributes(b, p);
        }
        int methods = u2(b, p);
        p += 2;
        for (int i = 0; i < methods; i++) {
            String name = utf8(b, cpOffsets[u2(b, p + 2)]);
            String desc = utf8(b, cpOffsets[u2(b, p + 4)]);
            p += 6;
            int attrs = u2(b, p);
            p += 2;
            for (int a = 0; a < attrs; a++) {
                String an = utf8(b, cpOffsets[u2(b, p)]);
                int len = u4(b, p + 2);
                if (an.equals("Code")) {
                    int codeLen = u4(b, p + 10);
                    out.put(name + desc, starts(b, p + 14, codeLen));
                    lengths.put(name + desc, codeLen);
                }
                p += 6 + len;
            }
        }
        return new BytecodeOffsets(out, lengths);
    }

    private static int[] starts(byte[] b, int code, int len) {
        int[] res = new int[Math.max(4, len / 2)];
        int n = 0;
        int pc = 0;
        while (pc < len) {
            if (n == res.length) res = java.util.Arrays.copyOf(res, n * 2);
            res[n++] = pc;
            int op = b[code + pc] & 0xff;
            pc += switch (op) {
                case 0xaa -> { // tableswitch
                    int q = pc + 1 + ((4 - (pc + 1) % 4) % 4);
                    int lo = u4(b, code + q + 4), hi = u4(b, code + q + 8);
                    yield q - pc + 12 + 4 * (hi - lo + 1);
                }
                case 0xab -> { // lookupswitch
                    int q = pc + 1 + ((4 - (pc + 1) % 4) % 4);
                    yield q - pc + 8 + 8 * u4(b, code + q + 4);
                }
                case 0xc4 -> (b[code + pc + 1] & 0xff) == 0x84 ? 6 : 4; // wide
                default -> LENGTH[op];
            };
        }
        return java.util.Arrays.copyOf(res, n);
    }

    private static final int[] LENGTH = new int[256];

    static {
        java.util.Arrays.fill(LENGTH, 1);
        for (int op : new int[] {0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3a, 0xa9, 0xbc}) LENGTH[op] = 2;
        for (int op = 0x99; op <= 0xa8; op++) LENGTH[op] = 3;
        for (int op : new int[] {0x11, 0x13, 0x14, 0x84, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xbb, 0xbd, 0xc0, 0xc1, 0xc6, 0xc7}) LENGTH[op] = 3;
        LENGTH[0xc5] = 4; // multianewarray
        LENGTH[0xb9] = 5; // invokeinterface
        LENGTH[0xba] = 5; // invokedynamic
        LENGTH[0xc8] = 5; // goto_w
        LENGTH[0xc9] = 5; // jsr_w
    }

    private static int skipAttributes(byte[] b, int p) {
        int n = u2(b, p);
        p += 2;
        for (int i = 0; i < n; i++) p += 6 + u4(b, p + 2);
        return p;
    }

    private static int u2(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static int u4(byte[] b, int p) {
        return (u2(b, p) << 16) | u2(b, p + 2);
    }

    private static String utf8(byte[] b, int p) {
        int len = u2(b, p + 1);
        // Modified UTF-8 only differs from UTF-8 for NUL and supplementary chars; names used as keys here match ASM's.
        return new String(b, p + 3, len, java.nio.charset.StandardCharsets.UTF_8);
    }
}

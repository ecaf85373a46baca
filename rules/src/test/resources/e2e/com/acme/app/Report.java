package com.acme.app;

import com.acme.util.SuppressHoist;
import java.util.List;

public class Report {
    private int[] weights = {1, 2, 3};

    String render(List<String> rows) {
        String text = "";
        for (String row : rows) {
            text += row + "\n";
        }
        return text;
    }

    @SuppressHoist("string-concat-in-loop")
    String renderQuietly(List<String> rows) {
        String text = "";
        for (String row : rows) {
            text += row;
        }
        return text;
    }

    long weigh(long[] values) {
        long total = 0;
        for (int i = 0; i < values.length; i++) {
            total += values[i] * weights[i % weights.length];
            log(total);
        }
        return total;
    }

    // far above FreqInlineSize, so C2 keeps it a real call; it writes only sink, never weights
    private static long sink;

    private static void log(long v) {
        long h = v;
        h = (h ^ 0x7feb352dL) * 0x85ebca6bL + (h >>> 1);
        h = (h ^ 0x7feb541cL) * 0x85ed6384L + (h >>> 2);
        h = (h ^ 0x7feb730bL) * 0x85eefc9dL + (h >>> 3);
        h = (h ^ 0x7feb91faL) * 0x85f095b6L + (h >>> 4);
        h = (h ^ 0x7febb0e9L) * 0x85f22ecfL + (h >>> 5);
        h = (h ^ 0x7febcfd8L) * 0x85f3c7e8L + (h >>> 6);
        h = (h ^ 0x7febeec7L) * 0x85f56101L + (h >>> 7);
        h = (h ^ 0x7fec0db6L) * 0x85f6fa1aL + (h >>> 8);
        h = (h ^ 0x7fec2ca5L) * 0x85f89333L + (h >>> 9);
        h = (h ^ 0x7fec4b94L) * 0x85fa2c4cL + (h >>> 10);
        h = (h ^ 0x7fec6a83L) * 0x85fbc565L + (h >>> 11);
        h = (h ^ 0x7fec8972L) * 0x85fd5e7eL + (h >>> 12);
        h = (h ^ 0x7feca861L) * 0x85fef797L + (h >>> 13);
        h = (h ^ 0x7fecc750L) * 0x860090b0L + (h >>> 14);
        h = (h ^ 0x7fece63fL) * 0x860229c9L + (h >>> 15);
        h = (h ^ 0x7fed052eL) * 0x8603c2e2L + (h >>> 16);
        h = (h ^ 0x7fed241dL) * 0x86055bfbL + (h >>> 17);
        h = (h ^ 0x7fed430cL) * 0x8606f514L + (h >>> 18);
        h = (h ^ 0x7fed61fbL) * 0x86088e2dL + (h >>> 19);
        h = (h ^ 0x7fed80eaL) * 0x860a2746L + (h >>> 20);
        h = (h ^ 0x7fed9fd9L) * 0x860bc05fL + (h >>> 21);
        h = (h ^ 0x7fedbec8L) * 0x860d5978L + (h >>> 22);
        h = (h ^ 0x7fedddb7L) * 0x860ef291L + (h >>> 23);
        h = (h ^ 0x7fedfca6L) * 0x86108baaL + (h >>> 24);
        h = (h ^ 0x7fee1b95L) * 0x861224c3L + (h >>> 25);
        h = (h ^ 0x7fee3a84L) * 0x8613bddcL + (h >>> 26);
        h = (h ^ 0x7fee5973L) * 0x861556f5L + (h >>> 27);
        h = (h ^ 0x7fee7862L) * 0x8616f00eL + (h >>> 28);
        h = (h ^ 0x7fee9751L) * 0x86188927L + (h >>> 29);
        h = (h ^ 0x7feeb640L) * 0x861a2240L + (h >>> 30);
        sink = h;
    }
}

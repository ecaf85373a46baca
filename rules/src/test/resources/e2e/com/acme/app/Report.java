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

    private static native void log(long v);
}

package dev.hoist.core.report;

import java.util.Locale;

/** Amounts as the reports print them. */
public final class Units {
    private Units() {
    }

    /** Bytes in powers of 1024, named as such: "512 B", "3.2 MiB", "35 GiB". */
    public static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }
}

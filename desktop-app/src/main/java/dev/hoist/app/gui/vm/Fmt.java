package dev.hoist.app.gui.vm;

import java.time.Duration;
import java.util.Locale;

/** How numbers read in the window: shares with one decimal, counts with separators, bytes in units. */
public final class Fmt {
    private Fmt() {
    }

    public static String pct(double share) {
        if (share > 0 && share < 0.001) {
            return "<0.1%";
        }
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String bytes(double b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"}; // powers of 1024, named as such
        int u = 0;
        while (Math.abs(b) >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f %s", b, units[u]) : String.format(Locale.ROOT, "%.1f %s", b, units[u]);
    }

    /** {@code 0:07}, {@code 12:30}, {@code 1:02:03}. */
    public static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** {@code 45 s}, {@code 12 min}, {@code 3 h 5 min}, {@code 2 d}. */
    public static String age(Duration d) {
        if (d == null) {
            return "?";
        }
        long s = d.toSeconds();
        if (s < 60) return s + " s";
        if (s < 3600) return s / 60 + " min";
        if (s < 86400) return s / 3600 + " h " + s / 60 % 60 + " min";
        return s / 86400 + " d";
    }
}

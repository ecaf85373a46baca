package dev.hoist.app.cli;

/** Child-JVM workload for the report command test: one hot loop, run for the given milliseconds. */
public final class ReportWorkload {
    static volatile long sink;

    static long spin(int n) {
        long s = 1;
        for (int i = 0; i < n; i++) {
            s = s * 31 + (i ^ (s >>> 7));
        }
        return s;
    }

    public static void main(String[] args) {
        long end = System.currentTimeMillis() + Long.parseLong(args[0]);
        while (System.currentTimeMillis() < end) {
            sink += spin(1_000_000);
            sink += new StringBuilder().append(sink).length();
        }
    }
}

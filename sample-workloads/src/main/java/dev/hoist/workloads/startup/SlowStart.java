package dev.hoist.workloads.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A program with a slow start for {@code hoist startup}'s tests: its {@link RateTable} has a static
 * initialiser that computes a large table (a planted cost, a few hundred milliseconds), and the
 * program then says {@code ready}. With {@code --port N} it listens on N after that and waits;
 * {@code --exit N} exits with code N before ready; {@code --hang} never gets ready; {@code --wait}
 * stays running after ready. With {@code --boxing} the start also reads its ids into a
 * {@code List<Integer>} in a loop ({@link #loadIds}: a second planted cost, boxing each element,
 * long enough in the start for a 1 ms sampler to see it).
 */
public final class SlowStart {
    private SlowStart() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = -1;
        boolean wait = false;
        boolean boxing = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--exit" -> {
                    System.out.println("starting, then failing");
                    System.exit(Integer.parseInt(args[++i]));
                }
                case "--hang" -> {
                    System.out.println("starting, never ready");
                    Thread.sleep(Long.MAX_VALUE);
                }
                case "--wait" -> wait = true;
                case "--boxing" -> boxing = true;
                default -> {
                    System.err.println("usage: SlowStart [--port N | --exit N | --hang | --wait | --boxing]");
                    System.exit(2);
                }
            }
        }
        System.out.println("starting");
        System.out.println("rate of 1000: " + RateTable.rate(1000));
        if (boxing) {
            long sum = 0;
            for (int round = 0; round < 12; round++) {
                sum += loadIds(1_000_000, round);
            }
            System.out.println("ids: " + sum);
        }
        if (port >= 0) {
            try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
                System.out.println("listening on " + port);
                Thread.sleep(Long.MAX_VALUE);
            }
        }
        System.out.println("ready");
        if (wait) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /**
     * The planted loop: every id is boxed ({@code Integer.valueOf}) to go into a {@code List<Integer>},
     * a new object per element beyond the Integer cache; an {@code int[]} would hold them unboxed.
     */
    static long loadIds(int n, int seed) {
        List<Integer> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(i * 31 + seed + 1000);
        }
        long sum = 0;
        for (int id : ids) {
            sum += id;
        }
        return sum;
    }

    /** The planted cost: its table is computed when the class is first used, on every start. */
    static final class RateTable {
        private static final double[] RATES = build();

        private RateTable() {}

        static double rate(int amount) {
            return RATES[Math.floorMod(amount, RATES.length)];
        }

        private static double[] build() {
            double[] t = new double[1 << 16];
            for (int round = 0; round < 400; round++) {
                for (int i = 0; i < t.length; i++) {
                    t[i] += Math.sqrt(i + round) / (1 + Math.log1p(i));
                }
            }
            return t;
        }
    }
}

package dev.hoist.workloads.startup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A program with a slow start for {@code hoist startup}'s tests: its {@link RateTable} has a static
 * initialiser that computes a large table (a planted cost, a few hundred milliseconds), and the
 * program then says {@code ready}. With {@code --port N} it listens on N after that and waits;
 * {@code --exit N} exits with code N before ready; {@code --hang} never gets ready; {@code --wait}
 * stays running after ready.
 */
public final class SlowStart {
    private SlowStart() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = -1;
        boolean wait = false;
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
                default -> {
                    System.err.println("usage: SlowStart [--port N | --exit N | --hang | --wait]");
                    System.exit(2);
                }
            }
        }
        System.out.println("starting");
        System.out.println("rate of 1000: " + RateTable.rate(1000));
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

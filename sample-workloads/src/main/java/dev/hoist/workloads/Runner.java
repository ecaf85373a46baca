package dev.hoist.workloads;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Runs one workload operation back to back, forever or for {@code --seconds N}, and prints its
 * throughput once a second. Every sample program's {@code main} goes through here so that a
 * profiler attaching to it finds a steady, hot loop and the user sees that it is alive.
 */
public final class Runner {

    /** Keeps the results reachable so the JIT cannot drop the work that produced them. */
    @SuppressWarnings("UnusedVariable") private static volatile long sink; // written, never read: that is its job

    private Runner() {
    }

    /**
     * Runs {@code operation} until the time limit in {@code args} (none: until killed), printing
     * {@code "<name>: <n> <unit>/s"} every second; the operation's return value is its unit count.
     */
    public static void run(String[] args, String name, String unit, LongSupplier operation) {
        long seconds = seconds(args);
        PrintStream out = System.out;
        long start = System.nanoTime();
        long deadline = seconds > 0 ? start + seconds * 1_000_000_000L : Long.MAX_VALUE;
        long windowStart = start;
        long units = 0;
        long total = 0;
        while (true) {
            units += operation.getAsLong();
            long now = System.nanoTime();
            if (now - windowStart >= 1_000_000_000L) {
                out.println(name + ": " + units * 1_000_000_000L / (now - windowStart) + " " + unit + "/s");
                out.flush();
                total += units;
                units = 0;
                windowStart = now;
            }
            if (now >= deadline) {
                break;
            }
        }
        sink = total + units;
    }

    /**
     * For the pair programs: one operation is one pass over the input, and the pass returns a
     * checksum of its result that is kept so the JIT cannot drop the work.
     */
    public static void runPasses(String[] args, String name, LongSupplier pass) {
        run(args, name, "ops", () -> {
            consume(pass.getAsLong());
            return 1;
        });
    }

    /** Parses {@code --seconds N}; anything else is a usage error that ends the process. */
    static long seconds(String[] args) {
        if (args.length == 0) {
            return 0;
        }
        if (args.length == 2 && args[0].equals("--seconds")) {
            try {
                long n = Long.parseLong(args[1]);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // fall through to the usage error below
            }
        }
        System.err.println("error: expected no arguments or '--seconds N' with N > 0, got: "
                + String.join(" ", args));
        System.exit(2);
        return 0;
    }

    /** Lets a pass publish a result so that its work stays observable. */
    @SuppressWarnings("NonAtomicVolatileUpdate") public static void consume(long value) { // a lost update is harmless
        sink += value;
    }
}

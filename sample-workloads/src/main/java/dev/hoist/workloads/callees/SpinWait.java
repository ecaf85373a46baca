package dev.hoist.workloads.callees;

import dev.hoist.workloads.Runner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A batch handed to a worker thread while the caller waits for it by spinning on
 * {@code Thread.yield()} (as opencsv 5's parse() waits for its pool): the waiting burns the time
 * the worker could have. Nothing in a loop is a rule's pattern; the time under Thread.yield is.
 */
public final class SpinWait {
    private SpinWait() {
    }

    static long work(long seed) {
        long x = seed;
        for (int i = 0; i < 200_000; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }

    @SuppressWarnings("ThreadPriorityCheck") // the yield spin is the waste this workload plants
    static long awaitResult(AtomicLong result) {
        long r;
        while ((r = result.get()) == 0) {
            Thread.yield();
        }
        return r;
    }

    public static void main(String[] args) {
        Runner.runPasses(args, "SpinWait", () -> {
            AtomicLong result = new AtomicLong();
            Thread worker = new Thread(() -> result.set(work(System.nanoTime()) | 1));
            worker.start();
            return awaitResult(result);
        });
    }
}

package dev.hoist.core.sampling;

import dev.hoist.core.jvm.Targets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

/**
 * A minimal Hoist front end for the Ctrl-C test: starts a long session on the given PID, prints
 * "sampling", and waits; the test then interrupts this JVM the way Ctrl-C would.
 */
public final class SampleMain {
    private SampleMain() {}

    public static void main(String[] args) throws Exception {
        SamplingSession s = Samplers.start(Targets.resolve(args[0]),
                SamplingRequest.of(Path.of(args[1]), Duration.ofSeconds(60), EnumSet.of(SamplingEvent.CPU)),
                Samplers.Choice.valueOf(args[2]));
        System.out.println("sampling");
        System.out.flush();
        s.awaitResult();
    }
}

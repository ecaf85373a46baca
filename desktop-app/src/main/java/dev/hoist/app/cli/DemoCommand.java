package dev.hoist.app.cli;

import dev.hoist.app.DemoWorkload;
import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.Targets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code hoist demo}: starts the bundled demo workload (an order-processing loop with planted
 * anti-patterns, see sample-workloads/DEMO.md) as a child JVM, profiles it like
 * {@code hoist profile}, prints the report and stops the workload, whatever happens.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start the bundled demo workload, profile it, print the report, stop the workload.",
        footer = {"", "Examples:", "  hoist demo", "  hoist demo --duration 20s --format json --recording demo.jfr",
                "  hoist demo --format html --out demo.html",
                "", "--out is the report, --recording (-f) the JFR recording."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-d", "--duration"}, defaultValue = "10s", converter = Durations.class, paramLabel = "<time>",
            description = "How long to sample (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Mixin
    SamplingOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        options.settleOutputs(spec.commandLine(), err);
        if (options.recording == null) {
            // a folder of a random name only this user can enter: a predictable name in the shared temp
            // folder would let another user plant a symbolic link there for the recording to overwrite
            options.recording = java.nio.file.Files.createTempDirectory("hoist-demo-").resolve("demo.jfr");
        }
        if (options.sources.isEmpty()) {
            // from a checkout, the demo's fixes are shown in its own source
            DemoWorkload.sourceFolder().ifPresent(options.sources::add);
        }
        try (DemoWorkload demo = DemoWorkload.start()) {
            err.println("hoist: demo workload started as PID " + demo.pid() + " (" + dev.hoist.core.SafeText.clean(demo.firstLine()) + ")");
            JvmInfo jvm = Targets.resolvePid(demo.pid());
            return ProfilingRun.run(jvm, options.request(demo.pid(), duration), options,
                    spec.commandLine().getOut(), err);
        }
    }
}

package dev.hoist.app.cli;

import dev.hoist.core.jvm.JvmInfo;
import dev.hoist.core.jvm.Targets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code hoist profile}: attach to a running JVM, sample it, write the recording, print the hot
 * methods and the top allocation sites.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Attach to a running JVM, sample it, write the recording (JFR) and print the hot methods "
                + "and top allocation sites.",
        footer = {"", "Examples:",
                "  hoist profile 12345",
                "  hoist profile OrderService -d 60s -e cpu,alloc --recording orders.jfr",
                "  hoist profile 12345 --format html --out report.html",
                "  hoist profile 12345 --event wall --interval 5ms --format json > report.json",
                "", "--out is the report (standard output without it), --recording (-f) the JFR recording.",
                "The target is a PID or a unique part of its main class or jar (see 'hoist jvms').",
                "Ctrl-C stops sampling early; the recording and the report are still written."})
final class ProfileCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<pid|name>", description = "The JVM to sample: its PID or a unique part of its main class.")
    String target;

    @Option(names = {"-d", "--duration"}, defaultValue = "30s", converter = Durations.class, paramLabel = "<time>",
            description = "How long to sample (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Mixin
    SamplingOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        options.settleOutputs(spec.commandLine(), spec.commandLine().getErr());
        JvmInfo jvm = Targets.resolve(target);
        return ProfilingRun.run(jvm, options.request(jvm.pid(), duration), options,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}

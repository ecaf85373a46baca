package dev.hoist.app.cli;

import dev.hoist.core.advice.AdviceReport;
import dev.hoist.core.profile.Profile;
import dev.hoist.core.profile.ProfileReader;
import dev.hoist.core.report.ProfileReport;
import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.RuleRegistry;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Times "recording on disk" to "advice printed" in one JVM, the part of {@code hoist profile}
 * after sampling ends: read the recording, run the advisor, write the text report. Not a test: run
 * it by hand (command in README.md) and report the figures; the first round is the cold one a
 * user sees, later rounds show the warmed-up cost.
 *
 * <p>Usage: {@code AdviceTiming <recording.jfr> <class path> [rounds]}
 */
public final class AdviceTiming {
    private AdviceTiming() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String classPath = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            List<Rule> rules = List.copyOf(RuleRegistry.load().all());
            Profile profile = ProfileReader.read(file);
            long t1 = System.nanoTime();
            AdviceReport advice = ReportCommand.advise(profile, classPath, false, null, rules, new PrintWriter(new StringWriter()));
            long t2 = System.nanoTime();
            StringWriter out = new StringWriter();
            ProfileReport.write(profile, ProfileReport.Format.TEXT, out, ProfileReport.Options.defaults(), advice);
            long t3 = System.nanoTime();
            System.out.printf("round %d: read %d ms, advise %d ms, write %d ms, total %d ms (%d samples, %d advice)%n", i + 1,
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t3 - t0) / 1_000_000,
                    profile.size(), advice.advice().size());
        }
    }
}

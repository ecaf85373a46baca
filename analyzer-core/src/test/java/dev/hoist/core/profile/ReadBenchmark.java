package dev.hoist.core.profile;

import dev.hoist.core.report.ProfileReport;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reading-speed benchmark (a timed command, not a unit test): reads a recording several times and
 * prints samples per second for reading, and the time to build the report from the read profile.
 * Run it under {@code /usr/bin/time -v} for peak RSS; docs/profile-reading-benchmark.md has the commands.
 * With {@code --concat N out.jfr} it first writes N copies of the input one after another (JFR files
 * concatenate chunk-wise), to reach a million samples from a shorter recording.
 */
public final class ReadBenchmark {

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        if (args.length >= 4 && args[1].equals("--concat")) {
            int n = Integer.parseInt(args[2]);
            Path out = Path.of(args[3]);
            byte[] bytes = Files.readAllBytes(in);
            try (var os = Files.newOutputStream(out)) {
                for (int i = 0; i < n; i++) {
                    os.write(bytes);
                }
            }
            System.out.println("wrote " + out + " (" + n + " copies, " + Files.size(out) + " bytes)");
            return;
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf(Locale.ROOT, "file %s, %d bytes%n", in, Files.size(in));
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            Profile p = ProfileReader.read(in);
            long t1 = System.nanoTime();
            ProfileReport.write(p, ProfileReport.Format.JSON, Writer.nullWriter(), ProfileReport.Options.defaults());
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "run %d: %d samples (%d stacks, %d frames) read in %.0f ms = %.2f M samples/s; report in %.0f ms%n",
                    run, p.size(), p.stackCount(), p.frameCount(), (t1 - t0) / 1e6, p.size() / ((t1 - t0) / 1e9) / 1e6, (t2 - t1) / 1e6);
        }
    }
}

package dev.hoist.core.startup;

import dev.hoist.core.Failure;
import dev.hoist.core.rule.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code hoist startup} use case: measure a program's start to its end point, then try each
 * cure the JDK has for it by running the program with it, median of N runs interleaved with the
 * unchanged program, and rank them by the time they saved. Archives are built by a training run
 * into a per-user cache ({@code $XDG_CACHE_HOME/hoist/startup/<key>/}, the key hashing the JDK,
 * the class path with each jar's size and time, and the main) and reused while the key holds;
 * nothing goes into the user's project unless {@link Settings#writeArchive()} says where.
 */
public final class StartupStudy {
    private static final Duration TRAINING_GRACE = Duration.ofMinutes(2);

    private StartupStudy() {
    }

    /**
     * What to run and how: {@code runs} timed runs per variant; {@code variants} false measures
     * only; {@code output} gets the program's output lines of the first (logged) run, {@code progress}
     * one line per step. {@code loopRules}, handed in by the face, are the rules the loop advisor
     * runs on the start window (empty: no loop advice, as {@code --no-advice}).
     */
    public record Settings(JavaCommand command, EndPoint end, Duration timeout, int runs, boolean variants, Path writeArchive,
                           Path cacheRoot, Path agentLibrary, Consumer<String> output, Consumer<String> progress,
                           List<Rule> loopRules) {
        public Settings {
            loopRules = loopRules == null ? List.of() : List.copyOf(loopRules);
        }

        /** Without loop advice. */
        public Settings(JavaCommand command, EndPoint end, Duration timeout, int runs, boolean variants, Path writeArchive,
                        Path cacheRoot, Path agentLibrary, Consumer<String> output, Consumer<String> progress) {
            this(command, end, timeout, runs, variants, writeArchive, cacheRoot, agentLibrary, output, progress, List.of());
        }
    }

    /** The per-user cache of archives: {@code $XDG_CACHE_HOME/hoist/startup}, default {@code ~/.cache/hoist/startup}. */
    public static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("hoist").resolve("startup");
    }

    public static StartupReport run(Settings s) throws IOException {
        Path work = Files.createTempDirectory("hoist-startup", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            return run(s, work);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static StartupReport run(Settings s, Path work) throws IOException {
        JavaCommand cmd = s.command();
        s.progress().accept("measuring the start of " + cmd.argv().get(0) + " (JDK " + cmd.javaVersion() + ") to " + s.end().describe());
        StartupProbe.Measured m = StartupProbe.measure(cmd, s.end(), s.timeout(), work, s.agentLibrary(), s.output());
        List<String> notes = new ArrayList<>(m.notes());
        if (!m.logged().reached()) {
            return failed(s, m, notes, m.logged());
        }
        if (m.sampled() != null && !m.sampled().reached()) {
            notes.add("the sampled run did not reach the end point (" + m.sampled().outcome().name().toLowerCase(Locale.ROOT) + ")");
        }
        StartLoops loops = null;
        if (!s.loopRules().isEmpty() && m.profile() != null) {
            s.progress().accept("looking for the loops that were hot during the start (the loop advisor on the sampled run)");
            loops = StartLoops.advise(m.profile(), cmd, m.breakdown().cpu(), s.loopRules(), w -> notes.add("loop advice: " + w));
        }
        List<StartupAdvice> advice = new ArrayList<>(Advices.lazyHolders(m.breakdown()));
        List<String> archives = new ArrayList<>();
        if (s.variants()) {
            advice.addAll(variants(s, work, archives, notes));
        }
        advice.sort(Comparator.comparing((StartupAdvice a) -> a.measured() != null && !a.worked())
                .thenComparing(Comparator.comparingDouble(StartupAdvice::savedMillis).reversed()));
        return new StartupReport(cmd.argv(), cmd.javaVersion(), s.end().describe(), s.runs(), m.breakdown(), List.copyOf(advice),
                List.copyOf(archives), List.copyOf(notes), null, null, loops);
    }

    private static StartupReport failed(Settings s, StartupProbe.Measured m, List<String> notes, Launcher.Launch l) {
        String what = switch (l.outcome()) {
            case FAILED -> "the program exited with code " + l.exitCode() + " after " + Math.round(l.millis()) + " ms"
                    + (s.end() instanceof EndPoint.Exit ? "" : ", before " + s.end().describe());
            case EXITED_EARLY -> "the program exited (code 0) after " + Math.round(l.millis()) + " ms without reaching " + s.end().describe();
            default -> "the program did not reach " + s.end().describe() + " within " + s.timeout().toSeconds()
                    + " s (--timeout); it was stopped";
        };
        Failure f = l.outcome() == Launcher.Outcome.FAILED ? Failure.PROGRAM_FAILED : Failure.END_NOT_REACHED;
        if (!l.lastLines().isEmpty()) {
            notes.add("its last output line: " + l.lastLines().get(l.lastLines().size() - 1));
        }
        return new StartupReport(s.command().argv(), s.command().javaVersion(), s.end().describe(), s.runs(), m.breakdown(), List.of(),
                List.of(), List.copyOf(notes), f, what);
    }

    /** One way to run the program differently: the options to add, or another command. */
    private record Variant(String id, List<String> options, JavaCommand command) {}

    private static List<StartupAdvice> variants(Settings s, Path work, List<String> archives, List<String> notes) throws IOException {
        JavaCommand cmd = s.command();
        int feature = cmd.feature();
        Path cache = s.cacheRoot().resolve(cmd.cacheKey());
        Files.createDirectories(cache);
        try {
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        List<Variant> vs = new ArrayList<>();
        vs.add(new Variant("baseline", List.of(), cmd));
        List<Path> folders = cmd.classPath().stream().filter(Files::isDirectory).toList();
        if (feature >= 13 && !folders.isEmpty()) {
            notes.add("AppCDS archives classes from jars only, and the class path has a folder (" + folders.get(0)
                    + "): package the classes as a jar to try it");
        } else if (feature >= 13) {
            Path jsa = cache.resolve("app.jsa");
            Path staticJsa = cache.resolve("app-static.jsa");
            if (Files.isRegularFile(staticJsa) && Files.size(staticJsa) > 0) {
                jsa = staticJsa;
                archives.add("AppCDS archive: " + jsa + " (reused from the cache)");
            }
            if (jsa.equals(staticJsa) || train(s, jsa, "-XX:ArchiveClassesAtExit=" + jsa, "AppCDS archive", archives, notes)
                    || StaticArchive.build(s, cache, staticJsa, archives, notes)) {
                jsa = Files.isRegularFile(jsa) ? jsa : staticJsa;
                vs.add(new Variant(Advices.APPCDS, List.of("-XX:SharedArchiveFile=" + jsa), cmd));
            }
        } else {
            notes.add("JDK " + feature + " has no dynamic AppCDS archive (JDK 13+): not tried");
        }
        if (feature >= 25) {
            Path aot = cache.resolve("app.aot");
            if (train(s, aot, "-XX:AOTCacheOutput=" + aot, "AOT cache", archives, notes)) {
                vs.add(new Variant(Advices.AOT, List.of("-XX:AOTCache=" + aot), cmd));
            }
        }
        vs.add(new Variant(Advices.C1, List.of("-XX:TieredStopAtLevel=1"), cmd));
        List<Path> unused = StartupProbe.unusedJars(cmd, work);
        if (!unused.isEmpty()) {
            List<Path> kept = cmd.classPath().stream().filter(p -> !unused.contains(p)).toList();
            cmd.withClassPath(kept).ifPresentOrElse(c -> vs.add(new Variant(Advices.UNUSED_JARS, List.of(), c)),
                    () -> notes.add("not re-run without the unused jars: the class path is not a -cp Hoist can change (a -jar manifest)"));
        }
        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        vs.forEach(v -> times.put(v.id(), new ArrayList<>()));
        for (int round = 1; round <= s.runs(); round++) {
            s.progress().accept("round " + round + " of " + s.runs() + ": " + String.join(", ", vs.stream().map(Variant::id).toList()));
            for (Variant v : vs) {
                Launcher.Launch l = Launcher.run(v.command().withOptions(v.options()), s.end(), s.timeout(), null);
                if (l.reached()) {
                    times.get(v.id()).add(l.millis());
                } else {
                    failures.merge(v.id(), 1, Integer::sum);
                }
            }
        }
        List<Double> base = times.get("baseline");
        if (base.isEmpty()) {
            notes.add("no timed run of the unchanged program reached the end point: no gain could be measured");
            return List.of();
        }
        List<StartupAdvice> out = new ArrayList<>();
        if (!unused.isEmpty() && vs.stream().noneMatch(v -> v.id().equals(Advices.UNUSED_JARS))) {
            out.add(Advices.of(Advices.UNUSED_JARS, List.of(), null, unused, cmd));
        }
        for (Variant v : vs) {
            if (v.id().equals("baseline")) {
                continue;
            }
            var measured = new StartupAdvice.Measurement(base, times.get(v.id()), failures.getOrDefault(v.id(), 0));
            out.add(Advices.of(v.id(), v.options(), measured, unused, cmd));
        }
        if (s.writeArchive() != null) {
            writeArchive(s.writeArchive(), out, archives);
        }
        return out;
    }

    /** A training run that writes {@code archive} at exit, unless the cache has it; true when the archive is there. */
    static boolean train(Settings s, Path archive, String option, String what, List<String> archives, List<String> notes)
            throws IOException {
        if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
            archives.add(what + ": " + archive + " (reused from the cache)");
            return true;
        }
        s.progress().accept("training run for the " + what);
        Launcher.Launch l = Launcher.run(s.command().withOptions(List.of(option, errorFile(archive))), s.end(), s.timeout(), null,
                TRAINING_GRACE);
        if (l.lastLines().stream().anyMatch(x -> x.contains("A fatal error has been detected"))) {
            notes.add("the JVM crashed while writing the " + what + " (a bug of this JDK build; its crash log is in "
                    + archive.getParent() + ")");
            Files.deleteIfExists(archive);
            return false;
        }
        if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
            dev.hoist.core.PrivateFiles.restrict(archive);
            archives.add(what + ": " + archive + " (built now by a training run to the end point)");
            return true;
        }
        String said = l.lastLines().stream().filter(x -> x.toLowerCase(Locale.ROOT).contains("error")).findFirst()
                .orElse(l.lastLines().isEmpty() ? "" : l.lastLines().get(l.lastLines().size() - 1));
        notes.add("the training run wrote no " + what + " (" + l.outcome().name().toLowerCase(Locale.ROOT)
                + (said.isEmpty() ? "" : ": " + said) + "): not tried");
        return false;
    }

    /** A JVM that crashes in a training run writes its crash log into the cache, not into the user's working folder. */
    static String errorFile(Path archive) {
        return "-XX:ErrorFile=" + archive.resolveSibling("hs_err_pid%p.log");
    }

    /** Copies the archive of the best working archive advice to {@code target} (the one place Hoist writes into a project). */
    private static void writeArchive(Path target, List<StartupAdvice> advice, List<String> archives) throws IOException {
        StartupAdvice best = advice.stream().filter(a -> a.worked() && (a.id().equals(Advices.APPCDS) || a.id().equals(Advices.AOT)))
                .max(Comparator.comparingDouble(StartupAdvice::savedMillis)).orElse(null);
        if (best == null) {
            archives.add("--write-archive: no archive worked, nothing written to " + target);
            return;
        }
        Path from = Path.of(best.options().get(0).substring(best.options().get(0).indexOf('=') + 1));
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING);
        archives.add("written as asked: " + target + " (the " + best.title() + "; use it with "
                + (best.id().equals(Advices.AOT) ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + target + ")");
    }
}

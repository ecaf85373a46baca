package dev.hoist.core.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A static AppCDS archive, the way that works where the dynamic one does not (JDK 17 builds crash
 * writing a dynamic archive of some programs' lambda proxies, PMD's among them): a training run
 * writes the list of classes it loaded ({@code -XX:DumpLoadedClassList}), then
 * {@code java -Xshare:dump} with the same class path and JVM options writes the archive from the
 * list, less its lambda proxies (what those builds crash on: lambdas are then linked at run time as
 * without an archive). The archive is used the same way, with {@code -XX:SharedArchiveFile}.
 */
final class StaticArchive {
    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(5);

    private StaticArchive() {
    }

    static boolean build(StartupStudy.Settings s, Path cache, Path archive, List<String> archives, List<String> notes) throws IOException {
        Path list = cache.resolve("classes.lst");
        s.progress().accept("training run for a static AppCDS archive (the class list)");
        Launcher.Launch training = Launcher.run(s.command().withOptions(List.of("-XX:DumpLoadedClassList=" + list,
                StartupStudy.errorFile(archive))), s.end(), s.timeout(), null, Duration.ofMinutes(2));
        if (!Files.isRegularFile(list) || Files.size(list) == 0) {
            notes.add("the class-list training run wrote no list (" + training.outcome().name().toLowerCase(Locale.ROOT)
                    + "): no static AppCDS archive either");
            return false;
        }
        // the lambda proxies are what JDK 17's dump crashes on: archived without them, the rest still maps
        List<String> kept = Files.readAllLines(list).stream().filter(l -> !l.startsWith("@lambda-proxy")).toList();
        Files.write(list, kept);
        s.progress().accept("writing the static AppCDS archive (-Xshare:dump)");
        Launcher.Launch dump = Launcher.run(s.command().dumpCommand(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + list,
                "-XX:SharedArchiveFile=" + archive, StartupStudy.errorFile(archive))), new EndPoint.Exit(), DUMP_TIMEOUT, null);
        if (!dump.reached() || !Files.isRegularFile(archive) || Files.size(archive) == 0) {
            boolean crashed = dump.lastLines().stream().anyMatch(x -> x.contains("A fatal error has been detected"));
            notes.add("-Xshare:dump wrote no static AppCDS archive (" + (crashed ? "the JVM crashed; its log is in " + cache
                    : dump.outcome().name().toLowerCase(Locale.ROOT) + (dump.lastLines().isEmpty() ? ""
                    : ": " + dump.lastLines().get(dump.lastLines().size() - 1))) + ")");
            return false;
        }
        dev.hoist.core.PrivateFiles.restrict(archive);
        archives.add("AppCDS archive: " + archive + " (static: built now from the class list of a training run, -Xshare:dump)");
        return true;
    }
}

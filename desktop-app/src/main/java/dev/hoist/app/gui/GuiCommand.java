package dev.hoist.app.gui;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hoist gui}: opens the window. Only this command's {@link #call} touches JavaFX (through
 * {@link HoistWindow}), so parsing the command line stays headless.
 */
@Command(name = "gui", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Open the Hoist window: the local JVMs, live sampling with a timeline, flame graph, hot methods "
                + "and the ranked loop advice; recordings and jars can be opened from it too.",
        footer = {"", "Examples:", "  hoist gui", "  hoist gui --demo", "  hoist gui recording.jfr --classpath app.jar --source src/main/java",
                "  hoist gui build/libs/app.jar"})
public final class GuiCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "<file>",
            description = "Open this at start: a recording (.jfr, collapsed stacks), a saved session (.hoist), or a jar, "
                    + "class folder or class file to analyze.")
    Path file;

    @Option(names = "--demo", description = "Start the bundled demo workload and attach to it.")
    boolean demo;

    @Option(names = "--attach", paramLabel = "<pid|name>", description = "Attach to this JVM at start and sample it.")
    String attach;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "<path>",
            description = "Where the bytecode of a recording's hot methods is (jars and folders, '${sys:path.separator}'-separated).")
    String classPath;

    @Option(names = "--source", paramLabel = "<dir>", description = "Source folders: the advice shows the loop's source lines.")
    List<Path> sources = List.of();

    @Override
    public Integer call() {
        if (!displayAvailable()) {
            throw new HoistException(Failure.USAGE, "the window needs a display and none is set (DISPLAY is empty); "
                    + "use the command-line reports (`hoist profile`, `hoist report`) or run it under a desktop session");
        }
        return HoistWindow.launch(new HoistWindow.StartOptions(file, demo, attach, classPath, sources));
    }

    /** Whether a window can be shown: always on macOS and Windows, with DISPLAY or WAYLAND_DISPLAY elsewhere. */
    public static boolean displayAvailable() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return !Boolean.getBoolean("java.awt.headless");
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}

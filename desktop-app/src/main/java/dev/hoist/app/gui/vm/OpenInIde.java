package dev.hoist.app.gui.vm;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Open in IDE" for a source location: with no command set, an {@code idea://open?file=…&line=…}
 * link handed to the desktop (IntelliJ IDEA and the JetBrains Toolbox register it); with a command
 * (Settings, or {@code HOIST_IDE_COMMAND}), that command run with {@code {file}} and {@code {line}}
 * put in, e.g. {@code code --goto {file}:{line}} or {@code idea --line {line} {file}}. The command
 * is split at spaces and run directly, with no shell; its output is not read.
 */
public final class OpenInIde {
    /** A line of a source file on disk. */
    public record Location(Path file, int line) {
    }

    private final StringProperty command = new SimpleStringProperty(this, "command", "");

    /** @param command the command to start, empty for the idea:// link */
    public OpenInIde(String command) {
        this.command.set(command == null ? "" : command.trim());
    }

    /** From {@code -Dhoist.ide.command} or {@code HOIST_IDE_COMMAND}; empty when neither is set. */
    public static OpenInIde fromEnvironment() {
        String c = System.getProperty("hoist.ide.command");
        if (c == null) {
            c = System.getenv("HOIST_IDE_COMMAND");
        }
        return new OpenInIde(c);
    }

    public StringProperty commandProperty() {
        return command;
    }

    /** {@code idea://open?file=/abs/Path.java&line=42}. */
    public static String ideaUri(Location l) {
        return "idea://open?file=" + URLEncoder.encode(l.file().toAbsolutePath().toString(), StandardCharsets.UTF_8)
                .replace("+", "%20").replace("%2F", "/") + "&line=" + Math.max(1, l.line());
    }

    /** {@code file:///abs/Path.java}: an editor for .java files opens it, at its top. */
    public static String fileUri(Location l) {
        return l.file().toAbsolutePath().toUri().toString();
    }

    /** The command's arguments for a location, or an empty list when no command is set. */
    public List<String> commandFor(Location l) {
        String c = command.get() == null ? "" : command.get().trim();
        List<String> args = new ArrayList<>();
        if (c.isEmpty()) {
            return args;
        }
        String file = l.file().toAbsolutePath().toString();
        String line = Integer.toString(Math.max(1, l.line()));
        for (String part : c.split("\\s+", -1)) {
            args.add(part.replace("{file}", file).replace("{line}", line));
        }
        return args;
    }

    /** Hands a link to the desktop: xdg-open on Linux, open on macOS, the URL handler on Windows. */
    public static void desktopOpen(String uri) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        List<String> args = os.contains("mac") ? List.of("open", uri)
                : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", uri) : List.of("xdg-open", uri);
        try {
            new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not run " + args.get(0) + " for " + uri, e);
        }
    }

    /**
     * Opens the location: runs the command, or hands the {@code idea://} link to {@code showDocument}.
     * Returns one line for the status bar.
     */
    public String open(Location l, Consumer<String> showDocument) {
        List<String> args = commandFor(l);
        if (args.isEmpty()) {
            String uri = ideaUri(l);
            try {
                showDocument.accept(uri);
            } catch (RuntimeException e) {
                return "Could not open " + uri + ": " + e.getMessage() + " (set a command in Settings…)";
            }
            return "Asked the desktop to open " + uri + " (set a command in Settings… for another editor)";
        }
        try {
            new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return "Opened " + l.file().getFileName() + ":" + l.line() + " with " + args.get(0);
        } catch (IOException | RuntimeException e) {
            return "Could not run " + args.get(0) + ": " + e.getMessage();
        }
    }
}

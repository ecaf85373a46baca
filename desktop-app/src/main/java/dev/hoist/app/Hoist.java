package dev.hoist.app;

import dev.hoist.app.cli.Main;
import dev.hoist.app.gui.GuiCommand;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;

/**
 * The application's entry point and the one place that knows both faces: the picocli command
 * line of {@link Main} plus the {@code gui} subcommand. With no arguments it opens the window when
 * a display is there and prints the help otherwise, so {@code hoist} on a desktop and on a server
 * each do the expected thing. JavaFX classes are loaded only when the window opens.
 */
public final class Hoist {
    private Hoist() {
    }

    public static void main(String[] args) {
        String[] effective = args.length == 0 && GuiCommand.displayAvailable() ? new String[] {"gui"} : args;
        System.exit(run(effective, new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset())));
    }

    /** Runs a command line with every subcommand, the window's included; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return Main.run(args, out, err, Map.of("gui", GuiCommand::new));
    }
}

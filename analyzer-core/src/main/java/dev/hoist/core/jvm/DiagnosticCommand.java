package dev.hoist.core.jvm;

import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * Runs a diagnostic command ({@code jcmd}'s {@code JFR.start}, {@code JFR.dump}, ...) in an attached
 * JVM over the Attach API, as {@code jcmd} itself does. Unlike starting the target's management
 * agent for JMX, nothing stays open in the target after the command: no listener, no connector
 * threads. The Attach API's {@code executeJCmd} is public but in the unexported
 * {@code sun.tools.attach}; Hoist's jar manifest and launchers export it
 * ({@code --add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED}).
 */
public final class DiagnosticCommand {
    /** The JVM option that makes {@link #run} work when Hoist runs from a class path without its launcher. */
    public static final String EXPORT = "--add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED";

    private DiagnosticCommand() {
    }

    /** Thrown when the target ran the command and refused it; the message is the target's. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs {@code command} (name and arguments, as after {@code jcmd <pid>}) and returns its output.
     *
     * @throws Refused if the target reported an error for the command
     * @throws IOException if the command could not be sent (the target is gone)
     * @throws IllegalStateException if this JVM does not export the Attach API's internals to Hoist
     */
    public static String run(VirtualMachine vm, String command) throws IOException {
        Method execute;
        try {
            execute = Class.forName("sun.tools.attach.HotSpotVirtualMachine").getMethod("executeJCmd", String.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException("this JVM's Attach API cannot run diagnostic commands (" + e.getMessage() + ")", e);
        }
        try (InputStream in = (InputStream) execute.invoke(vm, command)) {
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // JDK 8-era targets answer an error as text after a zero status
            if (out.startsWith("java.lang.") && out.contains("Exception")) {
                throw new Refused(out.lines().findFirst().orElse(out).trim(), null);
            }
            return out;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Hoist cannot run diagnostic commands: start it with " + EXPORT, e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                // AttachOperationFailedException carries the target's own message
                if (cause.getClass().getSimpleName().equals("AttachOperationFailedException")) {
                    throw new Refused(firstLine(io.getMessage()), io);
                }
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "refused";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}

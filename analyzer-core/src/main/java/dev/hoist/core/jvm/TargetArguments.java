package dev.hoist.core.jvm;

import com.sun.tools.attach.VirtualMachine;

import java.io.IOException;
import java.util.List;
import java.util.Properties;

/**
 * What a target was started with, as its recording will hold it: its system properties, its JVM
 * arguments ({@code sun.jvm.args}, which a recording's {@code jdk.JVMInformation} repeats as
 * {@code jvmArguments}, argument files and {@code JAVA_TOOL_OPTIONS} expanded) and its command
 * ({@code sun.java.command}: the main class or jar and the program's arguments). Read over the
 * Attach API before sampling, so that what the recording repeats can be redacted from it after.
 *
 * @param properties the target's system properties (empty when it could not be asked)
 * @param jvmArguments the JVM's arguments as one string, "" when unknown
 * @param command the main class or jar followed by the program's arguments, "" when unknown
 */
public record TargetArguments(Properties properties, String jvmArguments, String command) {

    /** Asks the target; when attach fails, what {@code /proc/PID/cmdline} shows, without properties. */
    public static TargetArguments of(long pid) {
        VirtualMachine vm = null;
        try {
            vm = Attach.attach(pid);
            Properties props = vm.getSystemProperties();
            String jvm = vm.getAgentProperties().getProperty("sun.jvm.args", "");
            return new TargetArguments(props, jvm, props.getProperty("sun.java.command", ""));
        } catch (IOException | RuntimeException e) {
            return fromCommandLine(ProcFs.cmdline(pid));
        } finally {
            Attach.detachQuietly(vm);
        }
    }

    /** From a process's argument vector: options before the main class or {@code -jar} are the JVM's. */
    static TargetArguments fromCommandLine(List<String> argv) {
        StringBuilder jvm = new StringBuilder();
        int i = argv.isEmpty() ? 0 : 1;
        for (; i < argv.size() && argv.get(i).startsWith("-") && !argv.get(i).equals("-jar"); i++) {
            String a = argv.get(i);
            jvm.append(jvm.length() == 0 ? "" : " ").append(a);
            if (List.of("-cp", "-classpath", "--class-path", "-p", "--module-path").contains(a) && i + 1 < argv.size()) {
                jvm.append(' ').append(argv.get(++i));
            }
        }
        if (i < argv.size() && argv.get(i).equals("-jar")) {
            i++;
        }
        return new TargetArguments(new Properties(), jvm.toString(),
                String.join(" ", argv.subList(Math.min(i, argv.size()), argv.size())));
    }
}

package dev.hoist.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoist.core.jvm.JvmCatalog;
import dev.hoist.core.jvm.JvmInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hoist jvms}: the local JVMs Hoist can see, with PID, main class or jar, Java version and
 * vendor, uptime, and whether Hoist can attach (or why not), as a table or as JSON.
 */
@Command(name = "jvms", mixinStandardHelpOptions = true, description = "List the local JVMs: PID, main class or jar, version, vendor, uptime, "
        + "and whether Hoist can attach to each (or why not).")
public final class JvmsCommand implements Callable<Integer> {

    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = {"-v", "--verbose-list"}, description = "Also print each JVM's command line (its JVM options and arguments), as jps -lvm does.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<JvmInfo> jvms = JvmCatalog.list();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(json(jvms));
        } else {
            out.print(table(jvms, verbose));
        }
        out.flush();
        return 0;
    }

    static String table(List<JvmInfo> jvms) {
        return table(jvms, false);
    }

    static String table(List<JvmInfo> jvms, boolean commandLines) {
        if (jvms.isEmpty()) {
            return "No JVMs found (other than Hoist itself).\n";
        }
        int mainWidth = Math.max(20, jvms.stream().mapToInt(j -> safe(j.displayName()).length()).max().orElse(0));
        int vendorWidth = Math.max(6, jvms.stream().mapToInt(j -> safe(j.vendor()).length()).max().orElse(0));
        int userWidth = Math.max(4, jvms.stream().mapToInt(j -> safe(user(j)).length()).max().orElse(0));
        String row = "%-8s %-" + userWidth + "s %-" + mainWidth + "s %-10s %-" + vendorWidth + "s %-9s %s%n";
        StringBuilder sb = new StringBuilder(String.format(row, "PID", "USER", "MAIN", "VERSION", "VENDOR", "UPTIME", "STATUS"));
        for (JvmInfo j : jvms) {
            // every name here comes from the target (its jar or main class, its system properties)
            sb.append(String.format(row, j.pid(), safe(user(j)), safe(j.displayName()), safe(j.javaVersion()), safe(j.vendor()),
                    uptime(j.uptime()), j.attachable() ? "attachable" : safe(j.reason())));
            if (commandLines) {
                sb.append("         ").append(safe(commandLine(j.pid()))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String user(JvmInfo j) {
        return j.user() == null || j.user().isEmpty() ? "?" : j.user();
    }

    /** The process's command line (JVM options, main class, arguments), or why it cannot be read. */
    static String commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().commandLine())
                .orElse("(command line not readable: another user's process, or it exited)");
    }

    private static String safe(String s) {
        return dev.hoist.core.SafeText.clean(s);
    }

    static String json(List<JvmInfo> jvms) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (JvmInfo j : jvms) {
            ObjectNode o = array.addObject();
            o.put("pid", j.pid());
            o.put("main", j.displayName());
            o.put("javaVersion", j.javaVersion());
            o.put("vendor", j.vendor());
            if (j.uptime() == null) {
                o.putNull("uptimeSeconds");
            } else {
                o.put("uptimeSeconds", j.uptime().toSeconds());
            }
            o.put("user", j.user());
            o.put("attachable", j.attachable());
            if (j.reason() == null) {
                o.putNull("reason");
            } else {
                o.put("reason", j.reason());
            }
        }
        return mapper.writeValueAsString(array);
    }

    static String uptime(Duration d) {
        if (d == null) {
            return "?";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
        }
        if (s < 86_400) {
            return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
        }
        return (s / 86_400) + "d" + String.format("%02d", (s % 86_400) / 3600) + "h";
    }
}

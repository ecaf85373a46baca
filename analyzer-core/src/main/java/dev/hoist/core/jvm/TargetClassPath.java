package dev.hoist.core.jvm;

import com.sun.tools.attach.VirtualMachine;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where a running JVM's own classes live on disk: its class path and module path, read from the
 * target's system properties through the Attach API, with relative entries resolved against the
 * target's working directory. The advisor reads the hot methods' bytecode from there. Read it
 * before sampling ends: a target that exits takes its properties with it.
 */
public final class TargetClassPath {
    private TargetClassPath() {}

    /**
     * The target's class path and module path as one path-separator-joined string, or an empty
     * string when the target has none or cannot be asked.
     */
    public static String of(long pid) {
        VirtualMachine vm = null;
        try {
            vm = Attach.attach(pid);
            return join(vm.getSystemProperties());
        } catch (IOException | RuntimeException e) {
            return "";
        } finally {
            Attach.detachQuietly(vm);
        }
    }

    /** The class path and module path that the target's {@code properties} name (see {@link #of(long)}). */
    public static String of(Properties properties) {
        return join(properties);
    }

    static String join(Properties p) {
        String dir = p.getProperty("user.dir", ".");
        List<String> entries = new ArrayList<>();
        for (String key : List.of("java.class.path", "jdk.module.path")) {
            String value = p.getProperty(key, "");
            for (String e : value.split(File.pathSeparator, -1)) {
                if (e.isBlank()) {
                    continue;
                }
                // "lib/*" stays a wildcard; ClassPath expands it like the launcher does
                entries.add(Path.of(e).isAbsolute() ? e : Path.of(dir).resolve(e).toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}

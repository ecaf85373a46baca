package dev.hoist.core.jvm;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.VirtualMachine;
import dev.hoist.agent.ClassBytesAgent;
import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;
import dev.hoist.core.classes.ClassLookup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The bytes of classes that live only in a running JVM's memory (generated at run time, defined
 * by custom class loaders), read by loading Hoist's small {@link ClassBytesAgent} into the target
 * through the Attach API. The result is a {@link ClassLookup} over what was captured, with a
 * reason for every class that was not (hidden class, not loaded, target gone, agent refused), so
 * the report can say why it is blind there. Layer it under the target's class path with
 * {@link dev.hoist.core.classes.LayeredLookup} so disk wins. Fetch after sampling: capturing
 * retransforms the named classes (changing nothing), which may make the JIT recompile them.
 */
public final class TargetClassBytes implements ClassLookup {
    static final String JAR_NAME = "hoist-class-bytes-agent.jar";
    private static final String[] AGENT_CLASSES = {"dev/hoist/agent/ClassBytesAgent.class",
            "dev/hoist/agent/ClassBytesAgent$1.class"};

    private final Map<String, byte[]> captured;
    private final Map<String, String> reasons;

    private TargetClassBytes(Map<String, byte[]> captured, Map<String, String> reasons) {
        this.captured = Map.copyOf(captured);
        this.reasons = Map.copyOf(reasons);
    }

    /** A lookup that has none of {@code classNames} and gives {@code why} for each of them. */
    public static TargetClassBytes unavailable(Collection<String> classNames, String why) {
        Map<String, String> r = new LinkedHashMap<>();
        for (String n : classNames) r.put(internal(n), why);
        return new TargetClassBytes(Map.of(), r);
    }

    /**
     * Loads the agent into JVM {@code pid} and reads back the bytes of {@code classNames} (binary
     * names as in a stack trace, {@code com.acme.Foo$Bar}); {@code dir} is a scratch directory the
     * target can write to. Never throws for a target that cannot be asked: every class then carries
     * the reason.
     */
    /**
     * As {@link #fetch(long, Collection, Path)}, in a scratch folder of its own that is deleted once
     * the bytes are in memory.
     */
    public static TargetClassBytes fetch(long pid, Collection<String> classNames) {
        Path dir = null;
        try {
            dir = java.nio.file.Files.createTempDirectory("hoist-classes-");
            return fetch(pid, classNames, dir);
        } catch (java.io.IOException e) {
            return unavailable(classNames, "no scratch directory for the class-bytes agent: " + e.getMessage());
        } finally {
            if (dir != null) {
                try (var walk = java.nio.file.Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (java.io.IOException ignored) {
                    // a leftover file in the temp dir harms nobody
                }
            }
        }
    }

    public static TargetClassBytes fetch(long pid, Collection<String> classNames, Path dir) {
        Set<String> names = new LinkedHashSet<>(classNames);
        if (names.isEmpty()) {
            return new TargetClassBytes(Map.of(), Map.of());
        }
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return unavailable(names, "the target JVM exited before Hoist could read this class from its memory");
        }
        Path out = dir.resolve("classes");
        Path list = dir.resolve("classes.txt");
        VirtualMachine vm = null;
        try {
            Files.createDirectories(out);
            Files.write(list, names, StandardCharsets.UTF_8);
            Path jar = agentJar(cacheRoot());
            vm = Attach.attach(pid);
            vm.loadAgent(jar.toString(), out.toAbsolutePath() + String.valueOf(ClassBytesAgent.ARG_SEPARATOR)
                    + list.toAbsolutePath());
        } catch (HoistException e) {
            return unavailable(names, e.getMessage());
        } catch (AgentLoadException | AgentInitializationException | IOException | RuntimeException e) {
            String why = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    ? "Hoist's class-bytes agent could not run in the target (" + e
                      + "); it needs a target on Java 11 or newer that allows agents to load at run time "
                      + "(not -XX:-EnableDynamicAgentLoading)"
                    : "the target JVM exited before Hoist could read this class from its memory";
            return unavailable(names, why);
        } finally {
            Attach.detachQuietly(vm);
        }
        return read(out, names);
    }

    static TargetClassBytes read(Path out, Collection<String> names) {
        Map<String, byte[]> captured = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        String agentError = readString(out.resolve("agent-error.txt")).orElse(null);
        for (String n : names) {
            String in = internal(n);
            Path cls = out.resolve(in + ".class");
            Optional<String> why = readString(out.resolve(in + ".reason"));
            if (Files.isRegularFile(cls)) {
                try {
                    captured.put(in, Files.readAllBytes(cls));
                    continue;
                } catch (IOException e) {
                    reasons.put(in, "the agent's copy could not be read: " + e.getMessage());
                    continue;
                }
            }
            reasons.put(in, why.orElse(agentError != null ? "Hoist's class-bytes agent failed: " + agentError
                    : "the agent in the target did not hand back its bytes"));
        }
        return new TargetClassBytes(captured, reasons);
    }

    private static Optional<String> readString(Path p) {
        try {
            return Files.isRegularFile(p) ? Optional.of(Files.readString(p).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String internal(String binaryName) {
        return binaryName.replace('.', '/');
    }

    /** Captured class files by internal name. */
    public Map<String, byte[]> captured() {
        return captured;
    }

    /** Why each class that was asked for and not captured is missing, by internal name. */
    public Map<String, String> reasons() {
        return reasons;
    }

    @Override
    public Optional<byte[]> classBytes(String internalName) {
        byte[] b = captured.get(internalName);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    @Override
    public int implementationCount(String owner, String name, String descriptor) {
        // a few captured classes say nothing about the subclasses elsewhere in the target
        return -1;
    }

    @Override
    public Optional<String> whyMissing(String internalName) {
        return Optional.ofNullable(reasons.get(internalName));
    }

    /**
     * The agent jar, built from the agent's classes on Hoist's own class path into
     * {@code cacheRoot/<sha256 prefix>/}, because a target can only load an agent from a file.
     * The jar is built byte-for-byte the same each time, so its checksum names the directory and
     * a cached copy is reused only while it matches; writing is atomic.
     */
    static Path agentJar(Path cacheRoot) {
        return agentJarIn(cacheRoot);
    }

    /** Hoist's Java agent jar in the user's cache, for other uses of the same agent (debug-info repair). */
    public static Path agentJar() {
        return agentJarIn(cacheRoot());
    }

    private static Path agentJarIn(Path cacheRoot) {
        byte[] jar = buildJar();
        String sha = sha256(jar);
        Path dir = cacheRoot.resolve(sha.substring(0, 16));
        Path target = dir.resolve(JAR_NAME);
        try {
            if (Files.isRegularFile(target) && sha.equals(sha256(Files.readAllBytes(target)))) {
                return target;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "agent", ".tmp");
            try {
                Files.write(tmp, jar);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new HoistException(Failure.SAMPLER_FAILED, "cannot write Hoist's class-bytes agent to " + dir
                    + ": " + e.getMessage() + "; set XDG_CACHE_HOME to a writable directory", e);
        }
    }

    private static byte[] buildJar() {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Agent-Class", ClassBytesAgent.class.getName());
        a.putValue("Can-Retransform-Classes", "true");
        a.putValue("Can-Redefine-Classes", "false");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarEntry me = new JarEntry("META-INF/MANIFEST.MF");
            me.setTime(0);
            jar.putNextEntry(me);
            m.write(jar);
            jar.closeEntry();
            for (String c : AGENT_CLASSES) {
                try (InputStream in = TargetClassBytes.class.getClassLoader().getResourceAsStream(c)) {
                    if (in == null) {
                        throw new IllegalStateException(c + " is missing from Hoist's class path; the build is broken");
                    }
                    JarEntry e = new JarEntry(c);
                    // a fixed time keeps the jar's checksum, and so the cache directory, stable across runs
                    e.setTime(0);
                    jar.putNextEntry(e);
                    in.transferTo(jar);
                    jar.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing a jar to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** {@code $XDG_CACHE_HOME/hoist/agent}, default {@code ~/.cache/hoist/agent}. */
    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("hoist").resolve("agent");
    }

    private static String sha256(byte[] bytes) {
        return dev.hoist.core.Checksums.sha256(bytes);
    }

    /**
     * The agent jar where a JVM of another user can load it (the debug-info repair of a service
     * that root profiles), see {@link dev.hoist.core.SharedFiles}.
     */
    public static Path sharedAgentJar() throws IOException {
        Path jar = agentJar();
        String sha = sha256(Files.readAllBytes(jar));
        return dev.hoist.core.SharedFiles.copy(jar, sha, "hoist-agent-" + sha.substring(0, 16), JAR_NAME);
    }
}

package dev.hoist.agent;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny agent that Hoist loads into a target JVM to hand back the bytes of named classes that
 * are not on disk (classes generated at run time, classes of custom class loaders). For each
 * loaded class of a requested name it asks the JVM to retransform it with a transformer that
 * only copies the class file it is shown and returns null, so nothing in the target changes; the
 * bytes land in {@code <dir>/<internal/name>.class}. A class that cannot be retransformed
 * (hidden, array, primitive or otherwise unmodifiable) or is not loaded gets
 * {@code <dir>/<internal/name>.reason} instead, one line saying why. It uses the JDK only, writes
 * each file atomically, and touches only the classes it was asked about.
 *
 * <p>Compiled for Java 11 from its own source root (see analyzer-core's pom), since it runs in
 * the target, not in Hoist. Arguments: {@code <output dir>\n<file with one binary class name per line>}.
 */
public final class ClassBytesAgent {
    /** The separator between the two arguments; a newline cannot be part of a sane path. */
    public static final char ARG_SEPARATOR = '\n';

    private ClassBytesAgent() {
    }

    /** First argument line that asks for a debug-info repair instead of class bytes. */
    public static final String REPAIR = "repair";

    public static void agentmain(String args, Instrumentation inst) {
        if (args != null && args.startsWith(REPAIR + ARG_SEPARATOR)) {
            repair(Path.of(args.substring(REPAIR.length() + 1)), inst);
            return;
        }
        int sep = args == null ? -1 : args.indexOf(ARG_SEPARATOR);
        if (sep < 0) {
            return;
        }
        Path dir = Path.of(args.substring(0, sep));
        Path list = Path.of(args.substring(sep + 1));
        try {
            run(dir, list, inst);
        } catch (IOException | RuntimeException e) {
            // never let a failure here reach the target's attach listener; Hoist sees the missing files
            write(dir.resolve("agent-error.txt"), (e + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    static void run(Path dir, Path list, Instrumentation inst) throws IOException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                wanted.add(line.trim());
            }
        }
        Map<String, List<Class<?>>> found = new HashMap<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (wanted.contains(c.getName())) {
                found.computeIfAbsent(c.getName(), k -> new ArrayList<>(1)).add(c);
            }
        }
        for (String name : wanted) {
            String file = name.replace('.', '/');
            List<Class<?>> classes = found.get(name);
            if (classes == null) {
                reason(dir, file, "not loaded in the target JVM");
                continue;
            }
            Class<?> c = classes.get(0);
            // Class.isHidden is Java 15+; hidden (and Java 11's VM-anonymous) classes all carry '/' in their name
            if (c.getName().indexOf('/') >= 0) {
                reason(dir, file, "a hidden class (lambda, proxy or Lookup.defineHiddenClass): the JVM cannot hand back its bytes");
                continue;
            }
            if (!inst.isModifiableClass(c)) {
                reason(dir, file, "the JVM marks it unmodifiable, so its bytes cannot be read back");
                continue;
            }
            byte[] bytes = capture(inst, c);
            if (bytes == null) {
                reason(dir, file, "the JVM did not show its bytes to the agent");
            } else {
                write(dir.resolve(file + ".class"), bytes);
                if (classes.size() > 1) {
                    reason(dir, file, classes.size() + " class loaders define this name; the bytes are those of the first");
                }
            }
        }
    }

    /**
     * Retransforms this agent's own class with no transformer, which changes nothing but runs a
     * class redefinition; in a JVM started without agents HotSpot has not recorded evol_method
     * dependencies, so the first redefinition deoptimises all compiled code, and the JIT then
     * recompiles the hot code with the full debug info the profiler's agent now asks for. Measures
     * how busy the JIT was for a second before, then waits (at most 20 s) until the JIT's time over
     * the last second is back to that rate (or under 5% of one core), and writes
     * {@code <compiles-ms-before> <compiles-ms-after> <settle-ms> <jit-ms-per-s-before>} or
     * {@code error <why>} to the file.
     */
    static void repair(Path result, Instrumentation inst) {
        String line;
        try {
            java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
            // how busy the JIT was before: a program still warming up (PMD, javac) never has a quiet
            // second, so the repair is over when the JIT is back to this rate, not when it stops
            long warm0 = jit.getTotalCompilationTime();
            Thread.sleep(1000);
            long before = jit.getTotalCompilationTime();
            double baseRate = (before - warm0) / 1000.0;
            double settledRate = Math.max(SETTLED_RATE, baseRate * 1.25);
            long start = System.nanoTime();
            if (Runtime.version().feature() >= 23) {
                // JDK-8324241 (Java 23): evol_method dependencies are always recorded, so a redefinition
                // deoptimises only code that inlines the redefined classes' methods: redefine them all
                retransformAll(inst);
            } else {
                inst.retransformClasses(ClassBytesAgent.class);
            }
            // compilation time at each 100 ms tick of the last second
            long[] window = new long[11];
            java.util.Arrays.fill(window, before);
            long last = before;
            long settled = -1;
            for (int tick = 1; System.nanoTime() - start < MAX_SETTLE_NANOS; tick++) {
                Thread.sleep(100);
                last = jit.getTotalCompilationTime();
                window[tick % window.length] = last;
                if (tick < 10) continue;
                double rate = (last - window[(tick + 1) % window.length]) / 1000.0;
                if (rate <= settledRate) {
                    settled = (System.nanoTime() - start) / 1_000_000;
                    break;
                }
            }
            if (settled < 0) settled = (System.nanoTime() - start) / 1_000_000;
            line = before + " " + last + " " + settled + " " + Math.round(baseRate * 1000);
        } catch (Throwable e) {
            line = "error " + e;
        }
        write(result, (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** JIT milliseconds per second of wall time under which compilation counts as settled, whatever it was before. */
    private static final double SETTLED_RATE = 0.05;
    /** The longest the repair waits for the recompilation to settle. */
    private static final long MAX_SETTLE_NANOS = 20_000_000_000L;

    private static void retransformAll(Instrumentation inst) {
        List<Class<?>> batch = new ArrayList<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getName().indexOf('/') < 0 && !c.isArray() && !c.isPrimitive() && inst.isModifiableClass(c)) {
                batch.add(c);
            }
        }
        for (int i = 0; i < batch.size(); i += 200) {
            List<Class<?>> part = batch.subList(i, Math.min(batch.size(), i + 200));
            try {
                inst.retransformClasses(part.toArray(new Class<?>[0]));
            } catch (Throwable e) {
                // one odd class spoils its batch only; fall back to one by one
                for (Class<?> c : part) {
                    try {
                        inst.retransformClasses(c);
                    } catch (Throwable ignored) {
                        // left as compiled
                    }
                }
            }
        }
    }

    /** The class file as the JVM currently holds it, by a retransform whose transformer changes nothing. */
    private static byte[] capture(Instrumentation inst, Class<?> target) {
        byte[][] seen = new byte[1][];
        ClassFileTransformer copier = new ClassFileTransformer() {
            @Override
            public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                                    ProtectionDomain domain, byte[] classfileBuffer) {
                if (redefined == target) {
                    seen[0] = classfileBuffer.clone();
                }
                return null;
            }
        };
        inst.addTransformer(copier, true);
        try {
            inst.retransformClasses(target);
        } catch (Throwable e) {
            // UnmodifiableClassException, a VerifyError from another agent's transformer, ...: no bytes
            return null;
        } finally {
            inst.removeTransformer(copier);
        }
        return seen[0];
    }

    private static void reason(Path dir, String file, String why) {
        write(dir.resolve(file + ".reason"), (why + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".part", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            // a full disk or a read-only dir: Hoist reports the class as not captured
        }
    }
}

package dev.hoist.rules;

import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.RuleRegistry;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * A timed command, not a test: analyses every class of a jar with all rules and prints the CPU
 * time per round (the first rounds include JIT warm-up). The lookup serves the jar's own classes
 * and counts no implementations, so it measures the engine, not a class path implementation.
 * Usage: java -cp <test classpath> dev.hoist.rules.AnalyzeJarTiming some.jar [rounds]
 */
public final class AnalyzeJarTiming {
    public static void main(String[] args) throws Exception {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(args[0])) {
            for (var e : java.util.Collections.list(jar.entries())) {
                String n = e.getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                    classes.put(n.substring(0, n.length() - 6), jar.getInputStream(e).readAllBytes());
                }
            }
        }
        ClassLookup lookup = new ClassLookup() {
            @Override
            public Optional<byte[]> classBytes(String internalName) {
                return Optional.ofNullable(classes.get(internalName));
            }

            @Override
            public int implementationCount(String owner, String name, String descriptor) {
                return -1;
            }
        };
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var bean = ManagementFactory.getThreadMXBean();
        for (int r = 1; r <= rounds; r++) {
            long cpu = bean.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            Analysis.Result res = new Analysis(lookup, List.copyOf(RuleRegistry.load().all())).analyze(classes.values());
            System.out.printf("round %d: %d classes, %d methods with loops, %d findings, %d problems, cpu %d ms, wall %d ms%n", r,
                    res.classes(), res.methodsWithLoops(), res.findings().size(), res.problems().size(),
                    (bean.getCurrentThreadCpuTime() - cpu) / 1_000_000, (System.nanoTime() - wall) / 1_000_000);
            if (r == rounds) {
                res.problems().stream().limit(5).forEach(System.out::println);
                var byRule = new java.util.TreeMap<String, Integer>();
                res.findings().forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
                System.out.println("findings by rule: " + byRule);
                if (System.getProperty("dump") != null) {
                    res.findings().stream().filter(f -> f.rule().equals(System.getProperty("dump"))).limit(12)
                            .forEach(f -> System.out.println(f.className() + "." + f.method() + ":" + f.line() + " " + f.message()));
                }
            }
        }
    }
}

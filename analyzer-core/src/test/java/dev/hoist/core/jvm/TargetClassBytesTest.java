package dev.hoist.core.jvm;

import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.classes.LayeredLookup;
import dev.hoist.testkit.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The class-bytes agent in a real child JVM: a class compiled and defined at run time (on no
 * path) comes back as its class file, a lambda's hidden class and a class that was never loaded
 * come back as reasons, and the target keeps running.
 */
class TargetClassBytesTest {
    static final String WORKLOAD = "dev.hoist.workloads.generated.GeneratedLoop";

    /** The workload child and the names it printed before ready. */
    record Workload(ChildJvm child, Map<String, String> printed) implements AutoCloseable {
        static Workload start() throws IOException {
            return start(ChildJvm.currentJavaHome());
        }

        static Workload start(Path javaHome) throws IOException {
            ChildJvm child = ChildJvm.java().javaHome(javaHome).jvmArgs("-Xmx256m").testClasspath().mainClass(WORKLOAD)
                    .mergeStderr().readyLine("ready").start();
            Map<String, String> printed = new HashMap<>();
            for (String line : child.stdout()) {
                if (line.equals("ready")) {
                    break;
                }
                int sp = line.indexOf(' ');
                if (sp > 0) printed.put(line.substring(0, sp), line.substring(sp + 1));
            }
            return new Workload(child, printed);
        }

        Process process() {
            return child.process();
        }

        @Override
        public void close() throws InterruptedException {
            child.close();
        }
    }

    @Test
    void capturesAClassDefinedAtRunTimeAndSaysWhyForTheOthers(@TempDir Path dir) throws Exception {
        try (Workload w = Workload.start()) {
            String generated = w.printed().get("generated");
            String hidden = w.printed().get("hidden");
            assertThat(generated).isEqualTo("dev.hoist.workloads.generated.rt.Tally");
            // the point of the agent: nothing on Hoist's (or the target's) class path has this class
            assertThat(getClass().getClassLoader().getResource(generated.replace('.', '/') + ".class")).isNull();

            TargetClassBytes got = TargetClassBytes.fetch(w.process().pid(),
                    List.of(generated, hidden, "dev.hoist.never.Loaded"), dir);

            String internal = generated.replace('.', '/');
            Optional<byte[]> bytes = got.classBytes(internal);
            assertThat(bytes).as(got.reasons().toString()).isPresent();
            ClassNode node = new ClassNode();
            new ClassReader(bytes.get()).accept(node, 0);
            assertThat(node.name).isEqualTo(internal);
            assertThat(node.methods).anySatisfy(m -> {
                assertThat(m.name).isEqualTo("getAsLong");
                // the loop's code is there, so the rules can read it: Long.valueOf boxes on each addition
                assertThat(m.instructions.size()).isGreaterThan(10);
            });
            assertThat(got.whyMissing(internal)).isEmpty();
            assertThat(got.whyMissing(hidden.replace('.', '/'))).get().asString().contains("hidden class");
            assertThat(got.whyMissing("dev/hoist/never/Loaded")).get().asString().contains("not loaded");
            assertThat(w.process().isAlive()).as("the target keeps running after the capture").isTrue();
        }
    }

    @Test
    void capturesFromATargetOnJdk25(@TempDir Path dir) throws Exception {
        // JDK 21+ only warns about agents loaded at run time; the capture must still work there
        assumeTrue(Files.isExecutable(ChildJvm.JDK25.resolve("bin/java")), "no JDK 25 on this machine");
        try (Workload w = Workload.start(ChildJvm.JDK25)) {
            String generated = w.printed().get("generated");
            TargetClassBytes got = TargetClassBytes.fetch(w.process().pid(), List.of(generated), dir);
            assertThat(got.classBytes(generated.replace('.', '/'))).as(got.reasons().toString()).isPresent();
            assertThat(new ClassReader(got.classBytes(generated.replace('.', '/')).get()).getClassName())
                    .isEqualTo(generated.replace('.', '/'));
        }
    }

    @Test
    void theLayeredLookupTakesDiskFirstAndTheAgentForTheRest(@TempDir Path dir) throws Exception {
        try (Workload w = Workload.start()) {
            String generated = w.printed().get("generated").replace('.', '/');
            TargetClassBytes agent = TargetClassBytes.fetch(w.process().pid(), List.of(w.printed().get("generated")), dir);
            ClassLookup disk = new ClassLookup() {
                @Override
                public Optional<byte[]> classBytes(String internalName) {
                    return internalName.equals("java/lang/String") ? Optional.of(new byte[]{1}) : Optional.empty();
                }

                @Override
                public int implementationCount(String owner, String name, String descriptor) {
                    return -1;
                }
            };
            LayeredLookup layered = new LayeredLookup(disk, agent);
            assertThat(layered.classBytes("java/lang/String")).get().isEqualTo(new byte[]{1});
            assertThat(layered.classBytes(generated)).isPresent();
            assertThat(layered.classBytes("dev/hoist/Nope")).isEmpty();
        }
    }

    @Test
    void aTargetThatIsGoneGivesTheReasonForEveryClass(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        TargetClassBytes got = TargetClassBytes.fetch(p.pid(), List.of("a.B", "c.D"), dir);
        assertThat(got.captured()).isEmpty();
        assertThat(got.reasons()).containsOnlyKeys("a/B", "c/D");
        assertThat(got.whyMissing("a/B")).get().asString().contains("exited");
    }

    @Test
    void theAgentJarDeclaresRetransformAndIsReusedFromTheCache(@TempDir Path dir) throws Exception {
        Path jar = TargetClassBytes.agentJar(dir);
        assertThat(TargetClassBytes.agentJar(dir)).isEqualTo(jar);
        try (JarFile f = new JarFile(jar.toFile())) {
            var a = f.getManifest().getMainAttributes();
            assertThat(a.getValue("Agent-Class")).isEqualTo("dev.hoist.agent.ClassBytesAgent");
            assertThat(a.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(f.getEntry("dev/hoist/agent/ClassBytesAgent.class")).isNotNull();
            // targets may run Java 11: the agent's class files must not be newer (major version 55)
            for (String c : List.of("dev/hoist/agent/ClassBytesAgent.class", "dev/hoist/agent/ClassBytesAgent$1.class")) {
                try (var in = f.getInputStream(f.getEntry(c))) {
                    byte[] head = in.readNBytes(8);
                    assertThat(((head[6] & 0xff) << 8) | (head[7] & 0xff)).as(c).isLessThanOrEqualTo(55);
                }
            }
            // nothing but the agent: the jar is appended to the target's class path
            assertThat(f.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")))
                    .allMatch(n -> n.startsWith("dev/hoist/agent/"));
        }
    }
}

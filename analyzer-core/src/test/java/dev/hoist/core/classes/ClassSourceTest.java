package dev.hoist.core.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

class ClassSourceTest {

    @TempDir
    Path tmp;

    private static Map<String, ClassFile> byName(List<ClassFile> files) {
        return files.stream().collect(Collectors.toMap(ClassFile::internalName, f -> f));
    }

    @Test
    void plainJarGivesEveryClassWithItsOriginAndBytes() throws IOException {
        Map<String, byte[]> classes = TestClasses.plainClasses();
        Path jar = TestClasses.writeJar(tmp.resolve("plain.jar"), TestClasses.asEntries("", classes));
        ProblemSink.Collecting problems = ProblemSink.collecting();

        Map<String, ClassFile> read;
        try (ClassSource source = ClassSource.open(jar)) {
            read = byName(source.readAll(problems));
        }

        assertThat(read.keySet()).containsExactlyInAnyOrder("plain/Alpha", "plain/Beta", "plain/Beta$Inner", "plain/Gamma");
        assertThat(read.get("plain/Beta$Inner").origin()).isEqualTo(jar + "!/plain/Beta$Inner.class");
        assertThat(read.get("plain/Alpha").bytes()).isEqualTo(classes.get("plain/Alpha"));
        assertThat(problems.problems()).isEmpty();
    }

    @Test
    void directoryAndSingleClassFileAreReadFromDisk() throws IOException {
        Map<String, byte[]> classes = TestClasses.plainClasses();
        Path dir = tmp.resolve("classes");
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path f = dir.resolve(e.getKey() + ".class");
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        Files.writeString(dir.resolve("plain/readme.txt"), "not a class");
        ProblemSink.Collecting problems = ProblemSink.collecting();

        Map<String, ClassFile> fromDir = byName(ClassSource.open(dir).readAll(problems));
        Path single = dir.resolve("plain/Alpha.class");
        List<ClassFile> fromFile = ClassSource.open(single).readAll(problems);

        assertThat(fromDir).hasSize(4);
        assertThat(fromDir.get("plain/Gamma").origin()).isEqualTo(dir.resolve("plain/Gamma.class").toString());
        assertThat(fromFile).singleElement().satisfies(f -> {
            assertThat(f.internalName()).isEqualTo("plain/Alpha");
            assertThat(f.bytes()).isEqualTo(classes.get("plain/Alpha"));
        });
        assertThat(problems.problems()).isEmpty();
    }

    @Test
    void missingPathIsAOneLineBadInputError() {
        Path missing = tmp.resolve("nope/app.jar");
        assertThatThrownBy(() -> ClassSource.open(missing))
                .isInstanceOf(HoistException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((HoistException) e).failure()).isEqualTo(Failure.BAD_INPUT));
    }

    /** The same class compiled three ways; the methods it declares tell which entry was picked. */
    private Path multiReleaseJar(boolean multiReleaseManifest) throws IOException {
        byte[] base = TestClasses.compile(Map.of("mr/Greeter", "package mr; public class Greeter { public void hello() {} }")).get("mr/Greeter");
        byte[] v11 = TestClasses.compile(Map.of("mr/Greeter", "package mr; public class Greeter { public void hello() {} public void hola() {} }")).get("mr/Greeter");
        byte[] v21 = TestClasses.compile(Map.of("mr/Greeter", "package mr; public class Greeter { public void hello() {} public void ciao() {} }")).get("mr/Greeter");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", ("Manifest-Version: 1.0\r\n"
                + (multiReleaseManifest ? "Multi-Release: true\r\n" : "") + "\r\n").getBytes(StandardCharsets.UTF_8));
        entries.put("mr/Greeter.class", base);
        entries.put("META-INF/versions/11/mr/Greeter.class", v11);
        entries.put("META-INF/versions/21/mr/Greeter.class", v21);
        return TestClasses.writeJar(tmp.resolve(multiReleaseManifest ? "mr.jar" : "not-mr.jar"), entries);
    }

    private static Set<String> methods(ClassFile file) {
        ClassNode node = new ClassNode();
        new ClassReader(file.bytes()).accept(node, ClassReader.SKIP_CODE);
        return node.methods.stream().map(m -> m.name).filter(n -> !n.equals("<init>")).collect(Collectors.toSet());
    }

    @Test
    void multiReleaseJarTakesTheHighestVersionNotAboveTheRelease() throws IOException {
        Path jar = multiReleaseJar(true);
        ProblemSink.Collecting problems = ProblemSink.collecting();

        ClassFile at17 = ClassSource.open(jar, ReadOptions.defaults().withRelease(17)).readAll(problems).get(0);
        ClassFile at8 = ClassSource.open(jar, ReadOptions.defaults().withRelease(8)).readAll(problems).get(0);
        ClassFile at21 = ClassSource.open(jar, ReadOptions.defaults().withRelease(21)).readAll(problems).get(0);

        assertThat(methods(at17)).containsExactlyInAnyOrder("hello", "hola");
        assertThat(at17.origin()).isEqualTo(jar + "!/META-INF/versions/11/mr/Greeter.class");
        assertThat(methods(at8)).containsExactly("hello");
        assertThat(methods(at21)).containsExactlyInAnyOrder("hello", "ciao");
        assertThat(problems.problems()).isEmpty();
    }

    @Test
    void versionedEntriesAreIgnoredWithoutTheMultiReleaseManifestAttribute() throws IOException {
        Path jar = multiReleaseJar(false);
        List<ClassFile> read = ClassSource.open(jar, ReadOptions.defaults().withRelease(21)).readAll(ProblemSink.collecting());
        assertThat(read).singleElement().satisfies(f -> assertThat(methods(f)).containsExactly("hello"));
    }

    @Test
    void springBootJarReadsItsOwnClassesAndTheJarsInBootInfLib() throws IOException {
        Map<String, byte[]> app = TestClasses.compile(Map.of("app/Main", "package app; public class Main { public static void main(String[] a) {} }"));
        Map<String, byte[]> lib = TestClasses.compile(Map.of(
                "lib/Util", "package lib; public class Util {}",
                "lib/Helper", "package lib; public class Helper {}"));
        Map<String, byte[]> lib2 = TestClasses.compile(Map.of("other/Thing", "package other; public class Thing {}"));
        Map<String, byte[]> entries = new LinkedHashMap<>(TestClasses.asEntries("BOOT-INF/classes/", app));
        // Spring Boot stores nested jars uncompressed; one deflated too, since both occur in the wild
        entries.put("BOOT-INF/lib/lib-1.0.jar", TestClasses.zip(TestClasses.asEntries("", lib), true));
        entries.put("BOOT-INF/lib/other-2.0.jar", TestClasses.zip(TestClasses.asEntries("", lib2), false));
        Path jar = TestClasses.writeJar(tmp.resolve("app.jar"), entries);
        ProblemSink.Collecting problems = ProblemSink.collecting();

        Map<String, ClassFile> read = byName(ClassSource.open(jar).readAll(problems));

        assertThat(read.keySet()).containsExactlyInAnyOrder("app/Main", "lib/Util", "lib/Helper", "other/Thing");
        assertThat(read.get("app/Main").origin()).isEqualTo(jar + "!/BOOT-INF/classes/app/Main.class");
        assertThat(read.get("lib/Util").origin()).isEqualTo(jar + "!/BOOT-INF/lib/lib-1.0.jar!/lib/Util.class");
        assertThat(read.get("lib/Helper").bytes()).isEqualTo(lib.get("lib/Helper"));
        assertThat(problems.problems()).isEmpty();
    }

    @Test
    void jarsNestedDeeperThanTheBoundAreReportedNotOpened() throws IOException {
        Map<String, byte[]> inner = TestClasses.compile(Map.of("deep/Inner", "package deep; public class Inner {}"));
        Map<String, byte[]> middle = TestClasses.compile(Map.of("mid/Middle", "package mid; public class Middle {}"));
        Map<String, byte[]> middleJar = new LinkedHashMap<>(TestClasses.asEntries("", middle));
        middleJar.put("lib/inner.jar", TestClasses.zip(TestClasses.asEntries("", inner), false));
        Path jar = TestClasses.writeJar(tmp.resolve("outer.jar"), Map.of("lib/middle.jar", TestClasses.zip(middleJar, false)));
        ProblemSink.Collecting problems = ProblemSink.collecting();

        List<ClassFile> depth1 = ClassSource.open(jar, ReadOptions.defaults().withMaxNestingDepth(1)).readAll(problems);
        List<ClassFile> depth2 = ClassSource.open(jar, ReadOptions.defaults().withMaxNestingDepth(2)).readAll(ProblemSink.collecting());

        assertThat(depth1).extracting(ClassFile::internalName).containsExactly("mid/Middle");
        assertThat(problems.lines()).containsExactly(jar + "!lib/middle.jar!/lib/inner.jar: jar nested deeper than 1 levels; skipped");
        assertThat(depth2).extracting(ClassFile::internalName).containsExactlyInAnyOrder("mid/Middle", "deep/Inner");
        assertThat(depth2.stream().filter(f -> f.internalName().equals("deep/Inner")).findFirst().orElseThrow().origin())
                .isEqualTo(jar + "!/lib/middle.jar!/lib/inner.jar!/deep/Inner.class");
    }

    @Test
    void allOfJavaBaseReadsFromJrtWithoutAProblem() {
        ProblemSink.Collecting problems = ProblemSink.collecting();
        int[] count = {0};
        String[] stringOrigin = {null};
        try (ClassSource source = ClassSource.jdk(Set.of("java.base"))) {
            source.read(problems, f -> {
                count[0]++;
                if (f.internalName().equals("java/lang/String")) {
                    stringOrigin[0] = f.origin();
                }
            });
        }
        assertThat(count[0]).isGreaterThan(5000);
        assertThat(stringOrigin[0]).isEqualTo("jrt:/java.base/java/lang/String.class");
        assertThat(problems.problems()).isEmpty();
    }

    @Test
    void unknownJdkModuleIsABadInputError() {
        assertThatThrownBy(() -> ClassSource.jdk(Set.of("java.nope")))
                .isInstanceOf(HoistException.class)
                .hasMessageContaining("java.nope");
    }
}

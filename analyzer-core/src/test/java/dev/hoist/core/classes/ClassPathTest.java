package dev.hoist.core.classes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;

import dev.hoist.core.Failure;
import dev.hoist.core.HoistException;

class ClassPathTest {

    @TempDir
    static Path tmp;

    static Map<String, byte[]> shapes;
    static Path shapesJar;

    @BeforeAll
    static void compileHierarchy() throws IOException {
        Map<String, String> src = new LinkedHashMap<>();
        src.put("shapes/Shape", "package shapes; public interface Shape { double area(); default String label() { return \"shape\"; } }");
        src.put("shapes/Circle", "package shapes; public class Circle implements Shape { public double area() { return 3; } }");
        src.put("shapes/Square", "package shapes; public class Square implements Shape { public double area() { return 4; }"
                + " public String label() { return \"square\"; } }");
        src.put("shapes/Triangle", "package shapes; public final class Triangle implements Shape { public double area() { return 1; } }");
        src.put("shapes/Animal", "package shapes; public abstract class Animal { public abstract String sound();"
                + " public String name() { return \"animal\"; } private void secret() {} static int count() { return 0; } }");
        src.put("shapes/Dog", "package shapes; public class Dog extends Animal { public String sound() { return \"woof\"; } }");
        src.put("shapes/Puppy", "package shapes; public class Puppy extends Dog { }");
        src.put("shapes/MyList", "package shapes; public class MyList extends java.util.AbstractList<String> {"
                + " public String get(int i) { return null; } public int size() { return 0; } }");
        shapes = TestClasses.compile(src);
        shapesJar = TestClasses.writeJar(tmp.resolve("shapes.jar"), TestClasses.asEntries("", shapes));
    }

    private static ClassPath shapesPath(boolean jdkFallback) {
        return ClassPath.builder().add(shapesJar).jdkFallback(jdkFallback).problems(ProblemSink.collecting()).build();
    }

    @Test
    void interfaceMethodWithThreeImplementorsCountsThree() {
        try (ClassPath cp = shapesPath(false)) {
            assertThat(cp.implementationCount("shapes/Shape", "area", "()D")).isEqualTo(3);
        }
    }

    @Test
    void abstractMethodWithOneConcreteOverrideCountsOne() {
        try (ClassPath cp = shapesPath(false)) {
            assertThat(cp.implementationCount("shapes/Animal", "sound", "()Ljava/lang/String;")).isEqualTo(1);
            // Puppy inherits Dog's body: still one body, reached through two receiver classes
            assertThat(cp.implementationCount("shapes/Puppy", "sound", "()Ljava/lang/String;")).isEqualTo(1);
            assertThat(cp.implementationCount("shapes/Animal", "name", "()Ljava/lang/String;")).isEqualTo(1);
        }
    }

    @Test
    void defaultMethodAndItsOverrideAreTwoBodies() {
        try (ClassPath cp = shapesPath(false)) {
            assertThat(cp.implementationCount("shapes/Shape", "label", "()Ljava/lang/String;")).isEqualTo(2);
            assertThat(cp.implementationCount("shapes/Circle", "label", "()Ljava/lang/String;")).isEqualTo(1);
        }
    }

    @Test
    void staticPrivateAndConstructorCallsHaveOneBody() {
        try (ClassPath cp = shapesPath(false)) {
            assertThat(cp.implementationCount("shapes/Animal", "count", "()I")).isEqualTo(1);
            assertThat(cp.implementationCount("shapes/Animal", "secret", "()V")).isEqualTo(1);
            assertThat(cp.implementationCount("shapes/Dog", "<init>", "()V")).isEqualTo(1);
        }
    }

    @Test
    void ownerNotOnThePathIsMinusOneAndAMissingMethodIsZero() {
        try (ClassPath cp = shapesPath(false)) {
            assertThat(cp.implementationCount("other/Nowhere", "run", "()V")).isEqualTo(-1);
            assertThat(cp.implementationCount("java/util/ArrayList", "size", "()I")).isEqualTo(-1);
            assertThat(cp.classBytes("java/util/ArrayList")).isEmpty();
            assertThat(cp.implementationCount("shapes/Dog", "fly", "()V")).isZero();
        }
    }

    @Test
    void jdkFallbackFindsJdkClassesLazilyAndKnowsWhatCannotBeOverridden() {
        try (ClassPath cp = shapesPath(true)) {
            byte[] arrayList = cp.classBytes("java/util/ArrayList").orElseThrow();
            assertThat(new ClassReader(arrayList).getClassName()).isEqualTo("java/util/ArrayList");
            assertThat(cp.classNames()).doesNotContain("java/util/ArrayList");
            assertThat(cp.implementationCount("java/lang/String", "length", "()I")).isEqualTo(1);
            // the JDK's own subclasses of ArrayList are not indexed: unknown, not "one"
            assertThat(cp.implementationCount("java/util/ArrayList", "size", "()I")).isEqualTo(-1);
            // an app class inheriting from the JDK resolves through jrt
            assertThat(cp.implementationCount("shapes/MyList", "isEmpty", "()Z")).isEqualTo(1);
            assertThat(cp.classBytes("java/util/NoSuchThing")).isEmpty();
        }
    }

    @Test
    void classBytesAreTheBytesReadWhetherKeptOrReRead() throws IOException {
        Map<String, byte[]> lib = TestClasses.compile(Map.of("lib/Util", "package lib; public class Util { int x; }"));
        Map<String, byte[]> lib2 = TestClasses.compile(Map.of("lib2/Tool", "package lib2; public class Tool { long y; }"));
        Map<String, byte[]> bootEntries = new LinkedHashMap<>();
        bootEntries.put("BOOT-INF/lib/lib.jar", TestClasses.zip(TestClasses.asEntries("", lib), true));
        bootEntries.put("BOOT-INF/lib/lib2.jar", TestClasses.zip(TestClasses.asEntries("", lib2), false));
        Path boot = TestClasses.writeJar(tmp.resolve("boot.jar"), bootEntries);
        try (ClassPath cp = ClassPath.builder().add(shapesJar).add(boot).problems(ProblemSink.collecting()).build()) {
            for (String name : List.of("shapes/Dog", "shapes/Shape", "shapes/Circle")) {
                assertThat(cp.classBytes(name)).as(name).hasValue(shapes.get(name));
                assertThat(cp.classBytes(name)).as(name + " from the cache").hasValue(shapes.get(name));
            }
            // classes of nested jars are re-read too, one nested jar at a time
            assertThat(cp.classBytes("lib/Util")).hasValue(lib.get("lib/Util"));
            assertThat(cp.classBytes("lib2/Tool")).hasValue(lib2.get("lib2/Tool"));
            assertThat(cp.origin("lib/Util")).hasValue(boot + "!/BOOT-INF/lib/lib.jar!/lib/Util.class");
        }
    }

    @Test
    void classBytesFromADirectoryAndFromJrtAreReReadFromTheirSource() throws IOException {
        Path dir = tmp.resolve("dir-classes");
        for (String name : List.of("shapes/Shape", "shapes/Circle")) {
            Path f = dir.resolve(name + ".class");
            java.nio.file.Files.createDirectories(f.getParent());
            java.nio.file.Files.write(f, shapes.get(name));
        }
        try (ClassPath cp = ClassPath.builder().add(dir).add(ClassSource.jdk(Set.of("java.logging")))
                .jdkFallback(false).problems(ProblemSink.collecting()).build()) {
            assertThat(cp.classBytes("shapes/Circle")).hasValue(shapes.get("shapes/Circle"));
            assertThat(cp.origin("java/util/logging/Logger")).hasValue("jrt:/java.logging/java/util/logging/Logger.class");
            assertThat(new ClassReader(cp.classBytes("java/util/logging/Logger").orElseThrow()).getClassName())
                    .isEqualTo("java/util/logging/Logger");
            assertThat(cp.implementationCount("shapes/Shape", "area", "()D")).isEqualTo(1);
        }
    }

    @Test
    void keepingBytesGivesTheSameAnswersAsReReadingThem() {
        try (ClassPath reread = shapesPath(false);
             ClassPath kept = ClassPath.builder().add(shapesJar).jdkFallback(false).keepBytes(true)
                     .problems(ProblemSink.collecting()).build()) {
            assertThat(kept.classNames()).isEqualTo(reread.classNames());
            for (String name : kept.classNames()) {
                assertThat(kept.classBytes(name)).as(name).hasValue(shapes.get(name));
                assertThat(reread.classBytes(name)).as(name).hasValue(shapes.get(name));
            }
        }
    }

    @Test
    void firstClassOfANameWinsAsOnTheJvmClassPath() throws IOException {
        Map<String, byte[]> other = TestClasses.compile(Map.of("shapes/Dog",
                "package shapes; public class Dog { public String bark() { return \"\"; } }"));
        Path second = TestClasses.writeJar(tmp.resolve("second.jar"), TestClasses.asEntries("", other));
        try (ClassPath cp = ClassPath.builder().add(shapesJar).add(second).problems(ProblemSink.collecting()).build()) {
            assertThat(cp.origin("shapes/Dog")).hasValue(shapesJar + "!/shapes/Dog.class");
            assertThat(cp.classBytes("shapes/Dog")).hasValue(shapes.get("shapes/Dog"));
            assertThat(cp.shadowedCount()).isEqualTo(1);
            assertThat(cp.implementationCount("shapes/Dog", "bark", "()Ljava/lang/String;")).isZero();
        }
    }

    @Test
    void classPathStringIsReadAsTheJvmReadsItWildcardsAndMissingEntriesIncluded() throws IOException {
        Path libDir = java.nio.file.Files.createDirectories(tmp.resolve("wild/lib"));
        Map<String, byte[]> a = TestClasses.compile(Map.of("wa/A", "package wa; public class A {}"));
        Map<String, byte[]> b = TestClasses.compile(Map.of("wb/B", "package wb; public class B {}"));
        TestClasses.writeJar(libDir.resolve("a.jar"), TestClasses.asEntries("", a));
        TestClasses.writeJar(libDir.resolve("b.JAR"), TestClasses.asEntries("", b));
        java.nio.file.Files.writeString(libDir.resolve("notes.txt"), "not a jar");
        Path missing = tmp.resolve("gone.jar");
        String sep = java.io.File.pathSeparator;
        ProblemSink.Collecting problems = ProblemSink.collecting();

        try (ClassPath cp = ClassPath.builder().problems(problems).jdkFallback(false)
                .addClassPath(shapesJar + sep + missing + sep + libDir + "/*").build()) {
            assertThat(cp.classNames()).contains("shapes/Dog", "wa/A", "wb/B");
            assertThat(cp.origin("wb/B")).hasValue(libDir.resolve("b.JAR") + "!/wb/B.class");
        }
        assertThat(problems.lines()).containsExactly(missing + ": not found; skipped, as the JVM skips it");
    }

    @Test
    void missingPathFailsTheBuildWithBadInput() {
        assertThatThrownBy(() -> ClassPath.of(List.of(shapesJar, tmp.resolve("missing.jar")), ProblemSink.collecting()))
                .isInstanceOf(HoistException.class)
                .satisfies(e -> assertThat(((HoistException) e).failure()).isEqualTo(Failure.BAD_INPUT));
    }

    @Test
    void allOfJavaBaseIndexesAndAnswersWithoutAnException() {
        ProblemSink.Collecting problems = ProblemSink.collecting();
        try (ClassPath cp = ClassPath.builder().add(ClassSource.jdk(Set.of("java.base"))).jdkFallback(false)
                .problems(problems).build()) {
            assertThat(cp.size()).isGreaterThan(5000);
            assertThat(problems.problems()).isEmpty();
            assertThat(cp.implementationCount("java/util/List", "size", "()I")).isGreaterThan(10);
            assertThat(cp.implementationCount("java/lang/String", "length", "()I")).isEqualTo(1);
            assertThat(cp.implementationCount("java/lang/Runnable", "run", "()V")).isGreaterThan(5);
            assertThat(cp.classBytes("java/lang/String")).isPresent();
            // every method of every class as a call target: no exception, never below -1
            int asked = 0;
            for (String name : cp.classNames()) {
                ClassHeader h = cp.headerOf(name);
                for (int m = 0; m < h.methodCount(); m++) {
                    assertThat(cp.implementationCount(name, h.methodName(m), h.methodDesc(m))).isGreaterThanOrEqualTo(0);
                    asked++;
                }
            }
            assertThat(asked).isGreaterThan(50_000);
        }
    }
}

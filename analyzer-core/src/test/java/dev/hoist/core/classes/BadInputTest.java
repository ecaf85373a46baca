package dev.hoist.core.classes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;

/** Bad input is reported in one line naming file and entry, skipped, and the rest is still read. */
class BadInputTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    private static List<String> names(List<ClassFile> files) {
        return files.stream().map(ClassFile::internalName).toList();
    }

    private static byte[] garbage() {
        byte[] bytes = new byte[300];
        new Random(42).nextBytes(bytes);
        bytes[0] = 0x12; // not 0xCA, whatever the seed gives
        return bytes;
    }

    private static byte[] withMajorVersion(byte[] classFile, int major) {
        byte[] patched = classFile.clone();
        patched[6] = (byte) (major >> 8);
        patched[7] = (byte) major;
        return patched;
    }

    @Test
    void corruptTruncatedAndTooNewClassesInAJarAreReportedAndTheOthersRead() throws IOException {
        Map<String, byte[]> good = TestClasses.plainClasses();
        byte[] real = good.get("plain/Alpha");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("plain/Alpha.class", real);
        entries.put("bad/Garbage.class", garbage());
        entries.put("bad/Truncated.class", Arrays.copyOf(real, 40));
        entries.put("bad/Future.class", withMajorVersion(good.get("plain/Gamma"), 99));
        entries.put("bad/Empty.class", new byte[0]);
        entries.put("plain/Beta.class", good.get("plain/Beta"));
        Path jar = TestClasses.writeJar(tmp.resolve("mixed.jar"), entries);
        ProblemSink.Collecting problems = ProblemSink.collecting();

        List<ClassFile> read = ClassSource.open(jar).readAll(problems);

        assertThat(names(read)).containsExactly("plain/Alpha", "plain/Beta");
        assertThat(problems.lines()).hasSize(4);
        assertThat(problems.lines().get(0)).isEqualTo(jar + "!bad/Garbage.class: not a class file (starts with 0x"
                + String.format("%08X", ((garbage()[0] & 0xff) << 24) | ((garbage()[1] & 0xff) << 16)
                | ((garbage()[2] & 0xff) << 8) | (garbage()[3] & 0xff)) + ", not 0xCAFEBABE)");
        assertThat(problems.lines().get(1)).startsWith(jar + "!bad/Truncated.class: corrupt or truncated class file (");
        assertThat(problems.lines().get(2)).startsWith(jar + "!bad/Future.class: class file version 99 (Java 55) is newer than this Hoist can read");
        assertThat(problems.lines().get(3)).isEqualTo(jar + "!bad/Empty.class: truncated class file (0 bytes)");
        assertThat(problems.problems().get(1).file()).isEqualTo(jar.toString());
        assertThat(problems.problems().get(1).entry()).isEqualTo("bad/Truncated.class");
    }

    @Test
    void corruptClassFileInADirectoryIsReportedByItsPath() throws IOException {
        Map<String, byte[]> good = TestClasses.plainClasses();
        Path dir = tmp.resolve("classes");
        Files.createDirectories(dir.resolve("plain"));
        Files.write(dir.resolve("plain/Alpha.class"), good.get("plain/Alpha"));
        Files.write(dir.resolve("plain/Broken.class"), Arrays.copyOf(good.get("plain/Beta"), good.get("plain/Beta").length / 2));
        Files.write(dir.resolve("plain/Gamma.class"), good.get("plain/Gamma"));
        ProblemSink.Collecting problems = ProblemSink.collecting();

        ClassPath cp = ClassPath.builder().add(dir).problems(problems).jdkFallback(false).build();

        assertThat(cp.classNames()).containsExactlyInAnyOrder("plain/Alpha", "plain/Gamma");
        assertThat(problems.lines()).singleElement().asString()
                .startsWith(dir.resolve("plain/Broken.class") + ": corrupt or truncated class file (");
    }

    @Test
    void classVersionNewerThanAsmIsNamedWithItsJavaVersion() throws IOException {
        byte[] real = TestClasses.plainClasses().get("plain/Alpha");
        Path file = Files.write(tmp.resolve("Alpha.class"), withMajorVersion(real, 70));
        ProblemSink.Collecting problems = ProblemSink.collecting();

        assertThat(ClassSource.open(file).readAll(problems)).isEmpty();
        assertThat(problems.lines()).containsExactly(file + ": class file version 70 (Java 26) is newer than this Hoist can read (up to Java "
                + (ClassBytes.MAX_MAJOR - 44) + ")");
    }

    private static Path asmJar() throws URISyntaxException {
        return Path.of(ClassReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void truncatedJarStillGivesEveryClassBeforeTheCut() throws Exception {
        Path full = asmJar();
        byte[] all = Files.readAllBytes(full);
        Path half = Files.write(tmp.resolve("asm-half.jar"), Arrays.copyOf(all, all.length / 2));
        Map<String, byte[]> complete = ClassSource.open(full).readAll(ProblemSink.collecting()).stream()
                .collect(Collectors.toMap(ClassFile::internalName, ClassFile::bytes));
        ProblemSink.Collecting problems = ProblemSink.collecting();

        List<ClassFile> read = ClassSource.open(half).readAll(problems);

        assertThat(complete).hasSizeGreaterThan(20);
        assertThat(read).hasSizeGreaterThan(complete.size() / 4).hasSizeLessThan(complete.size());
        for (ClassFile f : read) {
            assertThat(f.bytes()).as(f.origin()).isEqualTo(complete.get(f.internalName()));
            assertThat(f.origin()).startsWith(half + "!/org/objectweb/asm/");
        }
        assertThat(problems.lines()).hasSize(2);
        assertThat(problems.lines().get(0)).startsWith(half + ": damaged or not a jar (").endsWith("); reading its entries in order up to the damage");
        assertThat(problems.lines().get(1)).startsWith(half + "!org/objectweb/asm/").contains(": jar is truncated or damaged (")
                .endsWith("class entries before it are read");
    }

    @Test
    void damagedEntryInsideAnIntactJarCostsOnlyThatEntry() throws IOException {
        Map<String, byte[]> good = TestClasses.plainClasses();
        byte[] victim = TestClasses.compile(Map.of("hit/Victim", "package hit; public class Victim { "
                + "public String a() { return \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"; } "
                + "public int b(int x) { int s = 0; for (int i = 0; i < x; i++) { s += i * 31 + x; } return s; } }")).get("hit/Victim");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("plain/Alpha.class", good.get("plain/Alpha"));
        entries.put("hit/Victim.class", victim);
        entries.put("plain/Beta.class", good.get("plain/Beta"));
        byte[] zip = TestClasses.zip(entries, false);
        // scribble over the middle of the victim's compressed data; the central directory stays intact
        int at = indexOf(zip, "hit/Victim.class".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + 16 + 40;
        for (int i = 0; i < 24; i++) {
            zip[at + i] = (byte) 0xFF;
        }
        Path jar = Files.write(tmp.resolve("hit.jar"), zip);
        ProblemSink.Collecting problems = ProblemSink.collecting();

        List<ClassFile> read = ClassSource.open(jar).readAll(problems);

        assertThat(names(read)).containsExactly("plain/Alpha", "plain/Beta");
        assertThat(problems.lines()).singleElement().asString().startsWith(jar + "!hit/Victim.class: ");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void truncatedNestedJarGivesItsClassesBeforeTheCutAndTheIndexCanReReadThem() throws Exception {
        byte[] all = Files.readAllBytes(asmJar());
        Map<String, byte[]> app = TestClasses.plainClasses();
        Map<String, byte[]> entries = new LinkedHashMap<>(TestClasses.asEntries("BOOT-INF/classes/", app));
        entries.put("BOOT-INF/lib/asm-cut.jar", Arrays.copyOf(all, all.length / 2));
        Path jar = TestClasses.writeJar(tmp.resolve("boot-cut.jar"), entries);
        ProblemSink.Collecting problems = ProblemSink.collecting();

        try (ClassPath cp = ClassPath.builder().add(jar).problems(problems).jdkFallback(false).build()) {
            assertThat(cp.classNames()).containsAll(app.keySet());
            List<String> fromAsm = cp.classNames().stream().filter(n -> n.startsWith("org/objectweb/asm/")).toList();
            assertThat(fromAsm).isNotEmpty();
            assertThat(problems.lines()).singleElement().asString()
                    .startsWith(jar + "!BOOT-INF/lib/asm-cut.jar!/org/objectweb/asm/")
                    .contains(": jar is truncated or damaged (");
            for (String name : fromAsm) {
                assertThat(cp.classBytes(name)).as(name).isPresent();
            }
        }
    }

    @Test
    void nestedJarThatIsNotAZipIsReportedAndItsSiblingsRead() throws IOException {
        Map<String, byte[]> lib = TestClasses.plainClasses();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("WEB-INF/lib/broken.jar", "<html>404 Not Found</html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        entries.put("WEB-INF/lib/good.jar", TestClasses.zip(TestClasses.asEntries("", lib), false));
        Path war = TestClasses.writeJar(tmp.resolve("app.war"), entries);
        ProblemSink.Collecting problems = ProblemSink.collecting();

        List<ClassFile> read = ClassSource.open(war).readAll(problems);

        assertThat(names(read)).containsExactlyInAnyOrderElementsOf(lib.keySet());
        assertThat(problems.lines()).containsExactly(war + "!WEB-INF/lib/broken.jar: nested jar has no entries (not a zip?); skipped");
    }

    @Test
    void fileThatIsNotAZipIsReportedAndGivesNothing() throws IOException {
        Path jar = Files.writeString(tmp.resolve("notes.jar"), "this is not a zip file at all\n");
        ProblemSink.Collecting problems = ProblemSink.collecting();

        assertThat(ClassSource.open(jar).readAll(problems)).isEmpty();
        assertThat(problems.lines()).singleElement().asString().startsWith(jar + ": damaged or not a jar (");
    }

    @Test
    void zipBombEntryIsSkippedAndTheRestOfTheJarRead() throws IOException {
        Map<String, byte[]> good = TestClasses.plainClasses();
        Path jar = tmp.resolve("bomb.jar");
        try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(jar))) {
            TestClasses.putEntry(zos, "plain/Alpha.class", good.get("plain/Alpha"));
            TestClasses.writeZeros(zos, "bomb/Bomb.class", 200 * MIB);
            TestClasses.putEntry(zos, "plain/Beta.class", good.get("plain/Beta"));
        }
        ProblemSink.Collecting problems = ProblemSink.collecting();

        List<ClassFile> read = ClassSource.open(jar).readAll(problems);

        assertThat(Files.size(jar)).isLessThan(2 * MIB);
        assertThat(names(read)).containsExactly("plain/Alpha", "plain/Beta");
        assertThat(problems.lines()).containsExactly(
                jar + "!bomb/Bomb.class: class entry declares 200 MiB, more than the 64 MiB bound (zip bomb?); skipped");
    }

    @Test
    void zipBombWhoseCentralDirectoryLiesAboutItsSizeIsCaughtByCounting() throws IOException {
        Map<String, byte[]> good = TestClasses.plainClasses();
        Path honest = tmp.resolve("honest-bomb.jar");
        try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(honest))) {
            TestClasses.writeZeros(zos, "bomb/Liar.class", 200 * MIB);
            TestClasses.putEntry(zos, "plain/Alpha.class", good.get("plain/Alpha"));
        }
        byte[] zip = Files.readAllBytes(honest);
        // central directory header of the first entry: signature PK\1\2, uncompressed size at +24
        int central = indexOf(zip, new byte[] {'P', 'K', 1, 2});
        zip[central + 24] = (byte) 0xE8;
        zip[central + 25] = 0x03;
        zip[central + 26] = 0;
        zip[central + 27] = 0;
        Path jar = Files.write(tmp.resolve("liar.jar"), zip);
        ProblemSink.Collecting problems = ProblemSink.collecting();

        List<ClassFile> read = ClassSource.open(jar).readAll(problems);

        assertThat(names(read)).containsExactly("plain/Alpha");
        assertThat(problems.lines()).containsExactly(
                jar + "!bomb/Liar.class: class entry inflates past the 64 MiB bound (zip bomb?); skipped");
    }

    @Test
    void zipBombInANestedJarIsCaughtByCountingWhatInflates() throws IOException {
        // inside a nested jar the entry sizes are not declared up front, so only counting can stop it
        Map<String, byte[]> good = TestClasses.plainClasses();
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        try (ZipOutputStream zos = new ZipOutputStream(nested)) {
            TestClasses.putEntry(zos, "plain/Alpha.class", good.get("plain/Alpha"));
            TestClasses.writeZeros(zos, "bomb/Bomb.class", 200 * MIB);
            TestClasses.putEntry(zos, "plain/Beta.class", good.get("plain/Beta"));
        }
        Path jar = TestClasses.writeJar(tmp.resolve("boot.jar"), Map.of("BOOT-INF/lib/bomb.jar", nested.toByteArray()));
        ProblemSink.Collecting problems = ProblemSink.collecting();

        List<ClassFile> read = ClassSource.open(jar).readAll(problems);

        assertThat(nested.size()).isLessThan((int) (2 * MIB));
        assertThat(names(read)).containsExactly("plain/Alpha", "plain/Beta");
        assertThat(problems.lines()).containsExactly(
                jar + "!BOOT-INF/lib/bomb.jar!/bomb/Bomb.class: class entry inflates past the 64 MiB bound (zip bomb?); skipped");
    }

    @Test
    void sourceThatInflatesPastItsTotalBoundStopsWithOneLine() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] real = TestClasses.plainClasses().get("plain/Alpha");
        for (int i = 0; i < 50; i++) {
            entries.put("many/C" + i + ".class", real); // the same bytes under many names is enough to fill a budget
        }
        Path jar = TestClasses.writeJar(tmp.resolve("many.jar"), entries);
        ProblemSink.Collecting problems = ProblemSink.collecting();
        long budget = real.length * 10L + 1;

        List<ClassFile> read = ClassSource.open(jar, ReadOptions.defaults().withMaxSourceBytes(budget)).readAll(problems);

        assertThat(read).hasSize(10);
        assertThat(problems.lines()).containsExactly(jar + ": inflates past the " + budget
                + " bytes bound for the whole input (zip bomb?); the rest of the input is skipped");
    }

    @Test
    void problemLinesAreOneLineEach() throws IOException {
        Path jar = TestClasses.writeJar(tmp.resolve("x.jar"), Map.of("a/B.class", garbage()));
        ProblemSink.Collecting problems = ProblemSink.collecting();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (OutputStream ignored = printed; var out = new java.io.PrintStream(printed, true)) {
            ClassSource.open(jar).read(p -> {
                problems.report(p);
                ProblemSink.printingTo(out).report(p);
            }, f -> { });
        }
        assertThat(printed.toString().lines().toList()).isEqualTo(problems.lines()).hasSize(1);
    }

    @Test
    void eightNestedJarsOfZerosAreOneLineAndCostNoMemory() throws IOException {
        Map<String, byte[]> good = TestClasses.asEntries("", TestClasses.plainClasses());
        Path jar = dev.hoist.testkit.HostileInputs.nestedBombJar(tmp.resolve("nested-bomb.jar"), good, 8, 500_000_000L);
        ProblemSink.Collecting problems = ProblemSink.collecting();

        List<ClassFile> read = ClassSource.open(jar).readAll(problems);

        assertThat(Files.size(jar)).isLessThan(8 * MIB);
        assertThat(names(read)).containsExactlyInAnyOrder("plain/Alpha", "plain/Beta", "plain/Beta$Inner", "plain/Gamma");
        assertThat(problems.lines()).containsExactly(jar + "!BOOT-INF/lib/inner.jar!/lib/zeros-0.jar: inflates past the 256 MiB "
                + "bound for one entry (zip bomb?); the rest of BOOT-INF/lib/inner.jar is skipped");
    }

    @Test
    void twentyThousandEntriesDeclaringHugeSizesAreSummarisedInAFewLines() throws IOException {
        Path jar = dev.hoist.testkit.HostileInputs.manyHugeDeclaredEntries(tmp.resolve("declares.jar"), 20_000, 64 * MIB);
        ProblemSink.Collecting problems = ProblemSink.collecting();

        assertThat(ClassSource.open(jar).readAll(problems)).isEmpty();

        assertThat(problems.lines()).hasSize(ProblemSink.SUMMARY_AFTER + 1);
        assertThat(problems.lines().get(ProblemSink.SUMMARY_AFTER)).isEqualTo(jar + ": and 19995 more problems like these; skipped");
    }

    @Test
    void theBudgetHoldsForTheWholeClassPathNotPerJar() throws IOException {
        byte[] real = TestClasses.plainClasses().get("plain/Alpha");
        List<Path> jars = new java.util.ArrayList<>();
        for (int j = 0; j < 5; j++) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                entries.put("j" + j + "/C" + i + ".class", real);
            }
            jars.add(TestClasses.writeJar(tmp.resolve("part-" + j + ".jar"), entries));
        }
        ProblemSink.Collecting problems = ProblemSink.collecting();
        long budget = real.length * 25L + 1; // two and a half jars

        int[] read = {0};
        ClassPath.Builder b = ClassPath.builder().options(ReadOptions.defaults().withMaxSourceBytes(budget)).problems(problems)
                .jdkFallback(false);
        jars.forEach(j -> b.add(j, cf -> read[0]++)); // the same class under many names: count what was read, not indexed
        b.build();

        assertThat(problems.lines()).containsExactly(jars.get(2) + ": inflates past the " + budget
                + " bytes bound for the whole input (zip bomb?); the rest of the input is skipped");
        assertThat(read[0]).as("classes read before the budget ran out").isBetween(20, 25);
    }

    @Test
    void theEntryCountHoldsForTheWholeInputToo() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] real = TestClasses.plainClasses().get("plain/Alpha");
        for (int i = 0; i < 30; i++) {
            entries.put("many/C" + i + ".class", real);
        }
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("lib/a.jar", TestClasses.zip(entries, false));
        outer.put("lib/b.jar", TestClasses.zip(entries, false));
        Path jar = TestClasses.writeJar(tmp.resolve("counted.jar"), outer);
        ProblemSink.Collecting problems = ProblemSink.collecting();

        ClassSource.open(jar, ReadOptions.defaults().withMaxEntries(40)).readAll(problems);

        assertThat(problems.lines()).containsExactly(jar + ": holds more than 40 entries in all (zip bomb?); the rest of the input is skipped");
    }
}

package dev.hoist.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.Failure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hoist analyze} on the real paired workloads: every anti-pattern twin is reported by its
 * rule, and no fixed twin is reported by any rule.
 */
class AnalyzeCommandTest {

    /** Pair package -> the rule whose anti-pattern it plants. */
    static final Map<String, String> RULE_OF_PAIR = Map.ofEntries(
            Map.entry("boxing", "boxing-in-loop"),
            Map.entry("copy", "copy-in-loop"),
            Map.entry("exception", "exception-in-loop"),
            Map.entry("format", "format-in-loop"),
            Map.entry("invariantcall", "invariant-call-in-loop"),
            Map.entry("invariantfield", "invariant-field-in-loop"),
            Map.entry("lock", "lock-in-loop"),
            Map.entry("megamorphic", "megamorphic-call-in-loop"),
            Map.entry("quadratic", "quadratic-in-loop"),
            Map.entry("reflection", "reflection-in-loop"),
            Map.entry("regex", "regex-in-loop"),
            Map.entry("stringconcat", "string-concat-in-loop"),
            Map.entry("tuple", "tuple-allocation-in-loop"),
            Map.entry("uninlinable", "uninlinable-call-in-loop"),
            Map.entry("unsized", "unsized-collection"));

    static Path workloadClasses() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.toString().contains("sample-workloads"))
                .findFirst().orElseThrow(() -> new AssertionError("sample-workloads is not on the test class path"));
    }

    /** The class files of a jar or a class directory (the reactor gives either), by entry name. */
    static Map<String, byte[]> classEntries(Path jarOrDir) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        if (Files.isDirectory(jarOrDir)) {
            try (Stream<Path> files = Files.walk(jarOrDir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    out.put(jarOrDir.relativize(p).toString().replace(File.separatorChar, '/'), Files.readAllBytes(p));
                }
            }
        } else {
            try (ZipFile zip = new ZipFile(jarOrDir.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().endsWith(".class")) {
                        out.put(e.getName(), zip.getInputStream(e).readAllBytes());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyAntiPatternTwinIsFoundAndEveryFixedTwinStaysQuiet() throws Exception {
        Path classes = workloadClasses();
        MainTest.Result r = MainTest.run("analyze", classes.toString(), "--format", "json", "--all");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");

        Map<String, Set<String>> rulesByClass = new TreeMap<>();
        for (JsonNode f : findings) {
            rulesByClass.computeIfAbsent(f.get("class").asText(), k -> new TreeSet<>()).add(f.get("rule").asText());
        }
        List<String> fixedTwins = new ArrayList<>();
        for (String entry : classEntries(classes).keySet()) {
            String n = entry.replace('/', '.');
            if (n.startsWith("dev.hoist.workloads.pairs.") && n.endsWith("Fixed.class")) {
                fixedTwins.add(n.substring(0, n.length() - ".class".length()));
            }
        }
        assertThat(fixedTwins).hasSize(RULE_OF_PAIR.size());
        for (String fixed : fixedTwins) {
            String anti = fixed.substring(0, fixed.length() - "Fixed".length());
            String pair = anti.split("\\.")[4];
            assertThat(rulesByClass.getOrDefault(anti, Set.of())).as("rules reported on " + anti)
                    .contains(RULE_OF_PAIR.get(pair));
            assertThat(rulesByClass.getOrDefault(fixed, Set.of())).as("rules reported on the fixed twin " + fixed).isEmpty();
        }
    }

    /**
     * A library analyzed on several threads gives the same findings as on one: JMH and commons-math
     * (the shaded benchmarks jar) have callees many classes share, whose remembered write closures
     * once made findings depend on which thread reached them first.
     */
    @Test
    void theFindingsDoNotDependOnTheNumberOfThreads() throws Exception {
        Path jar = Path.of("../sample-workloads/target/benchmarks.jar").toAbsolutePath().normalize();
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(jar), "the benchmarks jar is built by sample-workloads' package phase");
        MainTest.Result one = MainTest.run("analyze", jar.toString(), "--format", "json", "--threads", "1");
        MainTest.Result three = MainTest.run("analyze", jar.toString(), "--format", "json", "--threads", "3");
        assertThat(one.code()).as(one.err()).isIn(0, 1);
        assertThat(one.out()).contains("invariant-field-in-loop");
        assertThat(three.out()).isEqualTo(one.out());
    }

    @Test
    void sarifOutputNamesEveryRuleAndLocatesResults(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("hoist.sarif");
        MainTest.Result r = MainTest.run("analyze", workloadClasses().toString(), "--format", "sarif", "--out", out.toString(), "--all");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode run = new ObjectMapper().readTree(out.toFile()).get("runs").get(0);
        assertThat(run.at("/tool/driver/rules")).hasSize(RULE_OF_PAIR.size());
        assertThat(run.at("/tool/driver/rules")).allSatisfy(rule -> assertThat(rule.get("helpUri").asText())
                .endsWith("/rules/docs/" + rule.get("id").asText() + ".md"));
        assertThat(run.get("results")).isNotEmpty();
        assertThat(run.get("results").get(0).at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
        // the classes were built from this checkout's sources: code scanning gets paths from the repository's root
        JsonNode where = run.get("results").get(0).at("/locations/0/physicalLocation/artifactLocation");
        assertThat(where.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(where.get("uri").asText()).startsWith("sample-workloads/src/main/java/dev/hoist/workloads/");
        assertThat(Path.of(java.net.URI.create(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText())).resolve(where.get("uri").asText()))
                .isRegularFile();
    }

    @Test
    void aCorruptClassIsReportedInOneLineAndTheRestIsAnalyzed(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, byte[]> e : classEntries(workloadClasses()).entrySet()) {
            if (e.getKey().startsWith("dev/hoist/workloads/pairs/stringconcat/")) {
                Files.write(dir.resolve(Path.of(e.getKey()).getFileName()), e.getValue());
            }
        }
        Files.write(dir.resolve("Broken.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1, 2});
        MainTest.Result r = MainTest.run("analyze", dir.toString(), "--rules", "string-concat-in-loop");
        assertThat(r.code()).isZero();
        assertThat(r.err().lines().filter(l -> l.contains("Broken.class"))).hasSize(1);
        assertThat(r.out()).contains("string-concat-in-loop").contains("InClause");
    }

    @Test
    void inputsThatHoldNoReadableClassAreBadInputAfterTheProblemLines(@TempDir Path dir) throws Exception {
        Path notAJar = Files.write(dir.resolve("app.jar"), "this is not a zip file".getBytes());
        MainTest.Result r = MainTest.run("analyze", notAJar.toString());
        assertThat(r.code()).isEqualTo(Failure.BAD_INPUT.exitCode());
        assertThat(r.err()).contains("app.jar").contains("no class could be read");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void aMissingInputIsBadInput(@TempDir Path dir) {
        MainTest.Result r = MainTest.run("analyze", dir.resolve("nope.jar").toString());
        assertThat(r.code()).isEqualTo(Failure.BAD_INPUT.exitCode());
        assertThat(r.err().strip()).contains("nope.jar").doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void anUnknownRuleIdListsTheKnownOnes() {
        MainTest.Result r = MainTest.run("analyze", workloadClasses().toString(), "--rules", "no-such-rule");
        assertThat(r.code()).isEqualTo(Failure.USAGE.exitCode());
        assertThat(r.err()).contains("no-such-rule").contains("boxing-in-loop");
    }
}

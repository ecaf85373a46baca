package dev.hoist.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.Failure;
import dev.hoist.testkit.ChildJvm;
import dev.hoist.workloads.probe.HotAndAlloc;
import dev.hoist.workloads.startup.SlowStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hoist startup} and {@code hoist run} as a user runs them, on real child JVMs: the JSON
 * report has exactly the fields docs/startup-json.md documents, the HTML report draws the timeline
 * and escapes the command, the loop hot during the planted start is named in text, JSON and HTML
 * (and left out with --no-advice), a failing program gives one line and exit 12 after its report,
 * and {@code hoist run} reports the workload's hot method.
 */
class StartupCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String java() {
        return ChildJvm.currentJavaHome().resolve("bin/java").toString();
    }

    private static String classes() {
        return ChildJvm.codeSourceOf(SlowStart.class).toString();
    }

    @Test
    void jsonReportHasTheDocumentedFieldsAndNamesThePlantedInitialiser(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("start.json");
        MainTest.Result r = MainTest.run("startup", "--runs", "1", "--until-log", "^ready$", "--format", "json", "--out",
                report.toString(), "--cache-dir", dir.resolve("cache").toString(), "--", java(), "-cp", classes(), SlowStart.class.getName(),
                "--boxing");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("rate of 1000").contains("wrote the json report");
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(dev.hoist.core.PrivateFiles.OWNER_ONLY);
        JsonNode root = JSON.readTree(report.toFile());
        assertThat(root.get("schema").asText()).isEqualTo("hoist.startup/1");
        assertThat(root.at("/breakdown/clinits/0/class").asText()).isEqualTo(SlowStart.class.getName() + "$RateTable");
        assertThat(root.at("/breakdown/clinits/0/millis").asDouble()).isPositive();
        assertThat(root.get("advice").findValuesAsText("id")).contains("lazy-holder", "tiered-stop-at-level-1");
        // the planted boxing loop of the start, named by the loop advisor with its place
        JsonNode boxing = first(root.at("/loops/items"), "rule", "boxing-in-loop");
        assertThat(boxing.get("class").asText()).isEqualTo(SlowStart.class.getName());
        assertThat(boxing.get("method").asText()).isEqualTo("loadIds");
        assertThat(boxing.get("message").asText()).contains("boxed to Integer");
        assertThat(boxing.at("/site/percent").asDouble()).isPositive();
        // every field is documented, and every documented field is there
        String doc = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("startup-json.md"));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| `([A-Za-z0-9]+)` \\|", Pattern.MULTILINE).matcher(doc);
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> present = new TreeSet<>();
        collect(root, present);
        assertThat(documented).containsAll(present);
        // the failure's fields are there only when the program failed (the failure test below)
        documented.removeAll(Set.of("exitCode", "message"));
        // a loop advice's caller loop is there only when the waste is in a method the loop calls
        documented.removeAll(Set.of("firstLine", "lastLine", "chain"));
        assertThat(present).containsAll(documented);
    }

    private static JsonNode first(JsonNode items, String field, String value) {
        for (JsonNode i : items) {
            if (i.get(field).asText().equals(value)) {
                return i;
            }
        }
        throw new AssertionError("no item with " + field + " " + value + " in " + items);
    }

    @Test
    void textNamesTheLoopHotDuringStartAndNoAdviceLeavesItOut() {
        MainTest.Result r = MainTest.run("startup", "--no-variants", "--until-log", "^ready$", "--", java(), "-cp", classes(),
                SlowStart.class.getName(), "--boxing");
        assertThat(r.code()).as(r.err()).isZero();
        String loops = r.out().substring(r.out().indexOf("Loops hot during start"));
        assertThat(loops).as(r.out()).contains("boxing-in-loop").contains(SlowStart.class.getName() + ".loadIds (SlowStart.java:")
                .contains("boxed to Integer").containsPattern("#1  [0-9.]+% cpu");
        MainTest.Result skipped = MainTest.run("startup", "--no-variants", "--no-advice", "--until-log", "^ready$", "--", java(), "-cp",
                classes(), SlowStart.class.getName(), "--boxing");
        assertThat(skipped.code()).as(skipped.err()).isZero();
        assertThat(skipped.out()).contains("Time to the end point").doesNotContain("Loops hot during start").doesNotContain("boxing-in-loop");
    }

    private static void collect(JsonNode n, Set<String> names) {
        if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                names.add(f);
                collect(n.get(f), names);
            }
        } else if (n.isArray()) {
            n.forEach(e -> collect(e, names));
        }
    }

    @Test
    void htmlReportDrawsTheTimelineAndEscapesTheCommand(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("start.html");
        MainTest.Result r = MainTest.run("startup", "--no-variants", "--format", "html", "--out", report.toString(), "--",
                java(), "-Dx=<script>alert(1)</script>", "-cp", classes(), SlowStart.class.getName(), "--boxing");
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(report);
        assertThat(html).contains("<svg").contains("JVM boot").contains("end point").contains("SlowStart$RateTable");
        assertThat(html).contains("Loops hot during start").contains("boxing-in-loop").contains("SlowStart.loadIds");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void aFailingProgramIsOneLineAndExit12AfterWhatWasMeasured(@TempDir Path dir) {
        MainTest.Result r = MainTest.run("startup", "--until-log", "^ready$", "--cache-dir", dir.toString(), "--", java(), "-cp", classes(),
                SlowStart.class.getName(), "--exit", "3");
        assertThat(r.code()).isEqualTo(Failure.PROGRAM_FAILED.exitCode()).isEqualTo(12);
        assertThat(r.out()).contains("FAILED: the program exited with code 3").contains("classes loaded");
        assertThat(r.err().lines().filter(l -> l.startsWith("hoist: the program"))).singleElement().asString()
                .contains("exited with code 3");
    }

    @Test
    void aCommandThatIsNotJavaIsAUsageError() {
        MainTest.Result r = MainTest.run("startup", "--", "sleep", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("must start with java");
    }

    @Test
    void runRecordsFromTheFirstInstructionAndReportsTheHotMethod(@TempDir Path dir) throws Exception {
        Path jfr = dir.resolve("run.jfr");
        MainTest.Result r = MainTest.run("run", "--recording", jfr.toString(), "--format", "json", "--", java(), "-cp",
                ChildJvm.codeSourceOf(HotAndAlloc.class).toString(), HotAndAlloc.class.getName(), "--seconds", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(jfr).isNotEmptyFile();
        assertThat(Files.getPosixFilePermissions(jfr)).isEqualTo(dev.hoist.core.PrivateFiles.OWNER_ONLY);
        JsonNode report = JSON.readTree(r.out());
        assertThat(ProfileCommandTest.methodNames(report).subList(0, 3)).contains(HotAndAlloc.class.getName() + ".crunch");
        assertThat(r.err()).contains("the program exited with 0");
    }
}

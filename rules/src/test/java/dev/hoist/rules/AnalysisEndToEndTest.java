package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hoist.core.classes.ClassLookup;
import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.RuleRegistry;
import dev.hoist.core.report.findings.FindingsJson;
import dev.hoist.core.report.findings.FindingsText;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine API the CLI uses: compiled classes in, findings with real names, source lines and suppression out. */
class AnalysisEndToEndTest {
    private static final Path SRC = Path.of("src/test/resources/e2e");

    private static Map<String, byte[]> compile() throws Exception {
        return InMemoryCompiler.compile(List.of(SRC.resolve("com/acme/util/SuppressHoist.java"), SRC.resolve("com/acme/app/Report.java")));
    }

    @Test
    void findingsCarryRealNamesLoopSourceAndBcis() throws Exception {
        Map<String, byte[]> classes = compile();
        Analysis analysis = new Analysis(new TestClassLookup(classes), List.copyOf(RuleRegistry.load().all()), List.of(SRC));
        Analysis.Result result = analysis.analyze(classes.values());
        assertThat(result.problems()).isEmpty();

        Finding concat = result.findings().stream().filter(f -> f.rule().equals("string-concat-in-loop")).findFirst().orElseThrow();
        assertThat(concat.className()).isEqualTo("com.acme.app.Report");
        assertThat(concat.method()).isEqualTo("render");
        assertThat(concat.file()).isEqualTo("Report.java");
        assertThat(concat.line()).isEqualTo(12);
        // javac gives the back-edge goto of a for-each the closing brace's line
        assertThat(concat.loopLines()).containsExactly(11, 13);
        assertThat(concat.loopBcis()).isNotEmpty();
        // the fix in the user's own code: the loop's real header, the flagged line, the rewrite under that header
        assertThat(concat.fix().before()).isEqualTo("for (String row : rows) {\n    text += row + \"\\n\";\n}");
        assertThat(concat.fix().after()).isEqualTo("StringBuilder textBuilder = new StringBuilder(text);\n"
                + "for (String row : rows) {\n    textBuilder.append(row).append(\"\\n\");\n}\ntext = textBuilder.toString();");
        assertThat(concat.loopSource()).containsExactly("        for (String row : rows) {", "            text += row + \"\\n\";", "        }");

        // @SuppressHoist from another package silences only the rule it names, only where it is put.
        assertThat(result.findings()).noneMatch(f -> f.method().equals("renderQuietly"));

        Finding field = result.findings().stream().filter(f -> f.rule().equals("invariant-field-in-loop")).findFirst().orElseThrow();
        assertThat(field.line()).isEqualTo(29);
        assertThat(field.message()).contains("this.weights").contains("Report.log()");
        assertThat(field.severity().ordinal()).isGreaterThanOrEqualTo(dev.hoist.core.rule.Severity.MEDIUM.ordinal());
        assertThat(result.findings()).anyMatch(f -> f.rule().equals("uninlinable-call-in-loop") && f.line() == 30);

        StringWriter json = new StringWriter();
        FindingsJson.write(result.findings(), json);
        JsonNode first = new ObjectMapper().readTree(json.toString()).get("findings").get(0);
        assertThat(first.get("class").asText()).isEqualTo("com.acme.app.Report");

        StringWriter text = new StringWriter();
        FindingsText.write(result.findings(), text);
        assertThat(text.toString()).contains(">   12 |             text += row + \"\\n\";");
    }

    @Test
    void aCorruptClassFileIsSkippedAndReportedWithoutLosingTheOthers() throws Exception {
        Map<String, byte[]> classes = compile();
        List<Analysis.Input> input = new ArrayList<>();
        classes.forEach((name, bytes) -> input.add(new Analysis.Input(name + ".class", bytes)));
        byte[] report = classes.get("com/acme/app/Report");
        input.add(0, new Analysis.Input("app.jar!/Truncated.class", java.util.Arrays.copyOf(report, report.length / 2)));
        input.add(0, new Analysis.Input("app.jar!/Junk.class", new byte[] {1, 2, 3}));
        Analysis.Result result = new Analysis(ClassLookup.empty(), List.copyOf(RuleRegistry.load().all())).analyzeInputs(input);
        assertThat(result.problems()).hasSize(2).allSatisfy(p -> assertThat(p).contains("not valid bytecode"));
        assertThat(result.problems().get(0)).startsWith("skipped app.jar!/Junk.class:");
        assertThat(result.classes()).isEqualTo(classes.size());
        assertThat(result.findings()).anyMatch(f -> f.rule().equals("string-concat-in-loop"));
    }
}

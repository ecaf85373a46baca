package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.rule.Analysis;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule cases: every file under {@code src/test/resources/cases/<rule-id>/} is compiled in
 * memory with javac and analyzed with all registered rules. A line ending in
 * {@code // expect: <id>[, <id>...]} must get exactly those rules' findings; every other line
 * must get none. An id may carry {@code @<severity>} (for example {@code @low}) to pin the
 * severity, and a quoted phrase ({@code "may block"}) that the finding's message must contain.
 */
class CaseFilesTest {
    private static final Path CASES = Path.of("src/test/resources/cases");
    private static final Pattern EXPECT = Pattern.compile("//\\s*expect:\\s*(.+)$");
    private static final Pattern ITEM = Pattern.compile("\\s*([a-z0-9-]+)(?:@([a-z]+))?(?:\\s+\"([^\"]*)\")?\\s*");

    static Stream<Path> caseFiles() throws Exception {
        try (Stream<Path> s = Files.walk(CASES)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseFiles")
    void caseFileGetsExactlyTheExpectedFindings(Path file) throws Exception {
        Map<String, byte[]> classes = InMemoryCompiler.compile(List.of(file));
        Analysis analysis = new Analysis(new TestClassLookup(classes), List.copyOf(RuleRegistry.load().all()));
        Analysis.Result result = analysis.analyze(classes.values());
        assertThat(result.problems()).as("analysis problems").isEmpty();

        TreeSet<String> expected = new TreeSet<>();
        Map<String, String> severities = new HashMap<>();
        Map<String, String> phrases = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = EXPECT.matcher(lines.get(i).strip());
            if (!m.find()) continue;
            for (String item : m.group(1).split(",")) {
                if (item.isBlank()) continue;
                Matcher im = ITEM.matcher(item);
                assertThat(im.matches()).as("expect marker '" + item + "' on line " + (i + 1) + " of " + file).isTrue();
                String k = key(i + 1, im.group(1));
                expected.add(k);
                if (im.group(2) != null) severities.put(k, im.group(2).toUpperCase(java.util.Locale.ROOT));
                if (im.group(3) != null) phrases.put(k, im.group(3));
            }
        }
        TreeSet<String> actual = new TreeSet<>();
        List<String> unexpected = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Finding f : result.findings()) {
            String k = key(f.line(), f.rule());
            actual.add(k);
            if (!expected.contains(k)) unexpected.add(k + "  " + f.message() + "  | " + source(lines, f.line()));
            String sev = severities.get(k);
            if (sev != null && !sev.equals(f.severity().name())) wrong.add(k + " is " + f.severity() + ", expected " + sev + ": " + f.message());
            String phrase = phrases.get(k);
            if (phrase != null && !f.message().contains(phrase)) wrong.add(k + " does not say \"" + phrase + "\": " + f.message());
        }
        List<String> missing = new ArrayList<>();
        for (String k : expected) {
            if (!actual.contains(k)) missing.add(k + "  | " + source(lines, Integer.parseInt(k.substring(5, 10).strip())));
        }
        assertThat(wrong).as("findings with the wrong severity or words, in " + file).isEmpty();
        assertThat(unexpected).as("findings on lines that must stay quiet, in " + file).isEmpty();
        assertThat(missing).as("expected findings that were not reported, in " + file).isEmpty();
    }

    private static String key(int line, String rule) {
        return String.format("line %5d %s", line, rule);
    }

    private static String source(List<String> lines, int line) {
        return line > 0 && line <= lines.size() ? lines.get(line - 1).strip() : "?";
    }
}

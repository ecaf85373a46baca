package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.classes.SourceFiles;
import dev.hoist.core.rule.Finding;
import dev.hoist.core.rule.RuleRegistry;
import dev.hoist.core.session.StaticAnalysis;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fix texts of every finding on real libraries from Maven Central (with their -sources jars, so
 * the fixes are written in the library's own lines) have none of the defects a script finds: a loop
 * header written twice, javac's synthetic names, a type test against an anonymous class, or a
 * character that is neither code nor the "..." of a pattern. The libraries are read as bytes, never
 * loaded. (docs/analyze-precision/mechanical.sh counts the same over six libraries.)
 */
class RealLibraryFixTextTest {
    private static final Pattern HEADER = Pattern.compile("^(for|while)\\s*\\(.*\\)\\s*\\{$");
    private static final Pattern SYNTHETIC = Pattern.compile("access\\$\\d+|this\\$\\d+|val\\$");
    private static final Pattern ANONYMOUS = Pattern.compile("instanceof\\s+[\\w.$]*\\.\\d+\\b|\\(\\s*[\\w.$]*\\.\\d+\\s*\\)\\s*\\w");

    private static Path onClassPath(String fileName) {
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Path.of(e).getFileName().toString().equals(fileName)) return Path.of(e);
        }
        throw new AssertionError(fileName + " is not on the test class path (rules/pom.xml)");
    }

    static List<String> defects(Finding f) {
        List<String> out = new ArrayList<>();
        String after = f.fix().after();
        List<String> lines = after.lines().map(String::strip).toList();
        for (String l : lines) {
            if (HEADER.matcher(l).matches() && !l.equals("for (...) {") && lines.indexOf(l) != lines.lastIndexOf(l)) {
                out.add("the loop header twice");
                break;
            }
        }
        if (SYNTHETIC.matcher(after + f.fix().before()).find()) out.add("a synthetic name");
        if (ANONYMOUS.matcher(after).find()) out.add("an anonymous class by name");
        if (after.contains("\u2026")) out.add("an ellipsis character");
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"commons-collections4-4.4", "commons-lang3-3.17.0"})
    void noFixTextHasAMechanicalDefect(String library) {
        Path jar = onClassPath(library + ".jar");
        onClassPath(library + "-sources.jar");
        StaticAnalysis.Result r = StaticAnalysis.run(List.of(jar), null, List.copyOf(RuleRegistry.load().all()),
                SourceFiles.of(List.of(), jar.toString()), 2);
        assertThat(r.findings()).as("findings on " + library).hasSizeGreaterThan(50);
        assertThat(r.findings().stream().filter(f -> !f.loopSource().isEmpty()).count())
                .as("findings whose fix is written in the library's own source").isGreaterThan(50);
        List<String> broken = new ArrayList<>();
        for (Finding f : r.findings()) {
            List<String> d = defects(f);
            if (!d.isEmpty()) broken.add(f.rule() + " " + f.className() + ":" + f.line() + " " + d + "\n" + f.fix().after());
        }
        assertThat(broken).as("fix texts with a mechanical defect").isEmpty();
    }
}

package dev.hoist.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hoist.core.rule.Rule;
import dev.hoist.core.rule.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine knows no rule by name: no class file of analyzer-core holds a registered rule id in
 * its constant pool. ArchUnit sees types, not strings; this sees the strings, so a rule's profile
 * meaning cannot creep back into the advisor as a list of ids.
 */
class EngineKnowsNoRuleIdsTest {

    @Test
    void noRuleIdInAnalyzerCoresClassFiles() throws Exception {
        List<String> ids = RuleRegistry.load().all().stream().map(Rule::id).toList();
        assertThat(ids).contains("boxing-in-loop", "invariant-field-in-loop");
        List<byte[]> classes = analyzerCoreClasses();
        assertThat(classes).hasSizeGreaterThan(50);
        List<String> hits = new ArrayList<>();
        for (byte[] c : classes) {
            // constant pool strings of ASCII text are the same bytes in modified UTF-8
            String text = new String(c, StandardCharsets.ISO_8859_1);
            for (String id : ids) {
                if (text.contains(id)) hits.add(className(text) + " names " + id);
            }
        }
        assertThat(hits).isEmpty();
    }

    private static String className(String classFile) {
        int i = classFile.indexOf("dev/hoist/core/");
        return i < 0 ? "?" : classFile.substring(i, Math.min(classFile.length(), i + 60)).split("[^A-Za-z0-9/$_]")[0];
    }

    private static List<byte[]> analyzerCoreClasses() throws IOException, URISyntaxException {
        Path where = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<byte[]> out = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> walk = Files.walk(where)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".class")).toList()) out.add(Files.readAllBytes(p));
            }
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry en = e.nextElement();
                    if (!en.getName().endsWith(".class")) continue;
                    try (InputStream in = jar.getInputStream(en)) {
                        out.add(in.readAllBytes());
                    }
                }
            }
        }
        return out;
    }
}

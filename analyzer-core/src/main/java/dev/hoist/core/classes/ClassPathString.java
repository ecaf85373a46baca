package dev.hoist.core.classes;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** A {@code java.class.path} string, expanded at build time so its problems reach the sink then set. */
record ClassPathString(String value) {
    List<Path> expand(ProblemSink problems) {
        List<Path> paths = new ArrayList<>();
        for (String element : value.split(Pattern.quote(File.pathSeparator), -1)) {
            if (element.equals("*") || element.endsWith(File.separator + "*") || element.endsWith("/*")) {
                Path dir = Path.of(element.length() == 1 ? "." : element.substring(0, element.length() - 2));
                try (var list = Files.list(dir)) {
                    // the JVM leaves the order of a wildcard's jars unspecified; sorted, runs repeat
                    List<Path> jars = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                            .sorted().toList();
                    if (jars.isEmpty()) {
                        problems.report(new Problem(element, null, "matches no jar; skipped"));
                    }
                    paths.addAll(jars);
                } catch (IOException | RuntimeException e) {
                    problems.report(new Problem(element, null, "cannot list (" + ClassBytes.describe(e)
                            + "); skipped"));
                }
                continue;
            }
            Path p = Path.of(element.isEmpty() ? "." : element);
            if (Files.exists(p)) {
                paths.add(p);
            } else {
                problems.report(new Problem(element, null, "not found; skipped, as the JVM skips it"));
            }
        }
        return paths;
    }
}

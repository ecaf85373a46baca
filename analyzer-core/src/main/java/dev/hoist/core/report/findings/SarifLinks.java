package dev.hoist.core.report.findings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a SARIF log points outside itself: each rule's docs page ({@code helpUri}, the page's
 * base URL plus {@code <rule-id>.md}), the tool's home ({@code informationUri}), and how result
 * locations are resolved. A finding knows its class's package folder and source file name; when
 * that file is found under one of {@code sourceRoots} inside {@code repositoryRoot}, the location
 * is the path from the repository root with {@code uriBaseId} {@value #REPOSITORY} (what code
 * scanning resolves against the checkout), else the package path with {@code uriBaseId}
 * {@value #SOURCE_ROOT}, and {@code originalUriBaseIds} in the run says what each base is.
 */
public record SarifLinks(String docsBase, String informationUri, Path repositoryRoot, List<Path> sourceRoots) {
    /** Hoist's home, the tool's {@code informationUri}. */
    public static final String PROJECT = "https://github.com/hoist-dev/hoist";
    /** The rules' docs pages in the repository ({@code rules/docs/<id>.md}). */
    public static final String DOCS = PROJECT + "/blob/main/rules/docs/";
    /** The base id of paths from the repository root. */
    public static final String REPOSITORY = "%SRCROOT%";
    /** The base id of package paths, relative to a Java source root that was not found. */
    public static final String SOURCE_ROOT = "JAVA_SOURCE_ROOT";

    public SarifLinks {
        docsBase = docsBase == null || docsBase.isBlank() ? DOCS : docsBase.endsWith("/") ? docsBase : docsBase + "/";
        sourceRoots = List.copyOf(sourceRoots);
    }

    /** Hoist's own docs, no source roots: every location is a package path. */
    public static SarifLinks defaults() {
        return new SarifLinks(DOCS, PROJECT, null, List.of());
    }

    /**
     * Links for a run whose sources are in {@code sourceRoots}: the repository is the nearest folder
     * above the first of them (or above the working folder) that holds {@code .git}; {@code docsBase}
     * null or blank means Hoist's own pages.
     */
    public static SarifLinks of(String docsBase, List<Path> sourceRoots) {
        Path start = (sourceRoots.isEmpty() ? Path.of("") : sourceRoots.get(0)).toAbsolutePath().normalize();
        Path repo = null;
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                repo = p;
                break;
            }
        }
        return new SarifLinks(docsBase, PROJECT, repo, sourceRoots.stream().map(s -> s.toAbsolutePath().normalize()).toList());
    }

    /** The docs page of a rule. */
    public String helpUri(String ruleId) {
        return docsBase + ruleId + ".md";
    }

    /** The path of {@code packagePath} from the repository root, when the file is under a source root in it; else null. */
    String fromRepository(String packagePath) {
        if (repositoryRoot == null) return null;
        for (Path root : sourceRoots) {
            Path file = root.resolve(packagePath).normalize();
            if (file.startsWith(root) && file.startsWith(repositoryRoot) && Files.isRegularFile(file)) {
                return repositoryRoot.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            }
        }
        return null;
    }
}

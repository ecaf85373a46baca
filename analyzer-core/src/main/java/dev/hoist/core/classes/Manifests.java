package dev.hoist.core.classes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Whether a jar's manifest says Multi-Release, read within a bound; a bad manifest is a problem, not a failure. */
final class Manifests {
    static final String NAME = "META-INF/MANIFEST.MF";
    static final long MAX_BYTES = 1024 * 1024;

    private Manifests() {
    }

    static boolean multiRelease(ZipFile z, String display, ProblemSink problems) {
        ZipEntry m = z.getEntry(NAME);
        if (m == null) {
            return false;
        }
        try (InputStream in = z.getInputStream(m)) {
            return multiRelease(ClassBytes.readBounded(in, m.getSize(), MAX_BYTES, "manifest"), display, NAME, problems);
        } catch (IOException | RuntimeException e) {
            problems.report(new Problem(display, NAME, "cannot read the manifest (" + ClassBytes.describe(e)
                    + "); multi-release entries are ignored"));
            return false;
        }
    }

    static boolean multiRelease(byte[] manifest, String display, String entry, ProblemSink problems) {
        try {
            String value = new Manifest(new ByteArrayInputStream(manifest)).getMainAttributes().getValue("Multi-Release");
            return "true".equalsIgnoreCase(value == null ? null : value.trim());
        } catch (IOException | RuntimeException e) {
            problems.report(new Problem(display, entry, "cannot parse the manifest (" + ClassBytes.describe(e)
                    + "); multi-release entries are ignored"));
            return false;
        }
    }
}

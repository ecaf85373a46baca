package dev.hoist.core.classes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Real class files for the tests: compiled in memory with javac, and jars built from them. */
final class TestClasses {

    private TestClasses() {
    }

    /**
     * Compiles Java sources (keyed by internal name of their top-level class, e.g. "a/Shape") and
     * returns every class file javac produced, keyed by internal name.
     */
    static Map<String, byte[]> compile(Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, null, null);
        JavaFileManager fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return out.computeIfAbsent(className.replace('.', '/'), k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new SimpleJavaFileObject(URI.create("mem:///" + name + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        }));
        boolean ok = javac.getTask(null, fm, diagnostics, List.of("--release", "17", "-proc:none"), null, units).call();
        if (!ok) {
            throw new AssertionError("test sources do not compile: " + diagnostics.getDiagnostics());
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        out.forEach((k, v) -> classes.put(k, v.toByteArray()));
        return classes;
    }

    /** Builds a zip/jar: entry name to bytes, in order; STORED entries when {@code stored}. */
    static byte[] zip(Map<String, byte[]> entries, boolean stored) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zos = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                if (stored) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(e.getValue().length);
                    ze.setCompressedSize(e.getValue().length);
                    ze.setCrc(crc.getValue());
                }
                zos.putNextEntry(ze);
                zos.write(e.getValue());
                zos.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Path writeJar(Path file, Map<String, byte[]> entries) throws IOException {
        Files.write(file, zip(entries, false));
        return file;
    }

    /** Class files as jar entries: "a/B" becomes "a/B.class" (with an optional path prefix). */
    static Map<String, byte[]> asEntries(String prefix, Map<String, byte[]> classes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        classes.forEach((k, v) -> entries.put(prefix + k + ".class", v));
        return entries;
    }

    /** Writes one zip entry of {@code size} zero bytes, streamed, so the test never holds it. */
    static void writeZeros(ZipOutputStream zos, String name, long size) throws IOException {
        zos.putNextEntry(new ZipEntry(name));
        byte[] zeros = new byte[1 << 16];
        for (long left = size; left > 0; left -= zeros.length) {
            zos.write(zeros, 0, (int) Math.min(left, zeros.length));
        }
        zos.closeEntry();
    }

    static void putEntry(ZipOutputStream zos, String name, byte[] bytes) throws IOException {
        zos.putNextEntry(new ZipEntry(name));
        zos.write(bytes);
        zos.closeEntry();
    }

    /** Three small classes in package "plain", compiled for real. */
    static Map<String, byte[]> plainClasses() {
        return compile(Map.of(
                "plain/Alpha", "package plain; public class Alpha { public int one() { return 1; } }",
                "plain/Beta", "package plain; public class Beta extends Alpha { class Inner {} }",
                "plain/Gamma", "package plain; public interface Gamma { void g(); }"));
    }
}

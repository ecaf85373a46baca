package dev.hoist.core.classes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class SourceFilesTest {

    @Test
    void findsSourcesInAFolderByPackage(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("com/acme"));
        Files.writeString(src.resolve("com/acme/Feed.java"), "package com.acme;\nclass Feed {}\n");
        SourceFiles s = SourceFiles.of(java.util.List.of(src));
        assertThat(s.lines("com.acme.Feed", "Feed.java")).hasValueSatisfying(l -> assertThat(l).hasSize(2));
        assertThat(s.lines("com.acme.Feed$Inner", "Feed.java")).as("nested classes share the file").isPresent();
        assertThat(s.lines("com.acme.Other", "Other.java")).isEmpty();
        assertThat(s.lines("com.acme.Feed", "../../etc/passwd")).as("a SourceFile attribute is not a path").isEmpty();
    }

    @Test
    void findsASourcesJarBesideTheJar(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("app-1.0.jar");
        Files.write(jar, new byte[0]);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(dir.resolve("app-1.0-sources.jar")))) {
            z.putNextEntry(new ZipEntry("com/acme/Feed.java"));
            z.write("package com.acme;\n// the loop\nclass Feed {}\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        SourceFiles s = SourceFiles.of(java.util.List.of(), jar.toString());
        assertThat(s.isEmpty()).isFalse();
        assertThat(s.lines("com.acme.Feed", "Feed.java")).hasValueSatisfying(l -> assertThat(l.get(1)).isEqualTo("// the loop"));
    }

    @Test
    void findsTheMavenSourceFolderOfAClassOutputFolder(@TempDir Path dir) throws IOException {
        Path classes = dir.resolve("proj/target/classes");
        Files.createDirectories(classes);
        Files.createDirectories(dir.resolve("proj/src/main/java/com/acme"));
        Files.writeString(dir.resolve("proj/src/main/java/com/acme/Feed.java"), "class Feed {}\n");
        SourceFiles s = SourceFiles.of(java.util.List.of(), classes + File.pathSeparator + dir.resolve("missing.jar"));
        assertThat(s.lines("com.acme.Feed", "Feed.java")).isPresent();
        Path jar = dir.resolve("proj/target/proj-1.0.jar");
        Files.write(jar, new byte[0]);
        assertThat(SourceFiles.of(java.util.List.of(), jar.toString()).lines("com.acme.Feed", "Feed.java"))
                .as("the jar a Maven build put in target/").isPresent();
        assertThat(SourceFiles.of(java.util.List.of(), dir.resolve("elsewhere.jar").toString()).isEmpty()).isTrue();
    }

    @Test
    void aDamagedSourcesJarIsNoSource(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("lib.jar");
        Files.write(jar, new byte[0]);
        Files.writeString(dir.resolve("lib-sources.jar"), "not a zip");
        assertThat(SourceFiles.of(java.util.List.of(), jar.toString()).lines("a.B", "B.java")).isEmpty();
    }
}

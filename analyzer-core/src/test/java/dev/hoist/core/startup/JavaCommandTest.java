package dev.hoist.core.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a java command line's own classes are, as the loop advice reads them: the class path, then
 * the module path (a folder of modular jars stands for its jars, an exploded module for itself), and
 * never the program's own arguments after its main.
 */
class JavaCommandTest {

    @Test
    void theCodePathIsTheClassPathThenTheModulePath(@TempDir Path dir) throws IOException {
        Path app = Files.createFile(dir.resolve("app.jar"));
        Path mods = Files.createDirectory(dir.resolve("mods"));
        Path a = Files.createFile(mods.resolve("a.jar"));
        Path b = Files.createFile(mods.resolve("b.jar"));
        Files.createFile(mods.resolve("notes.txt"));
        Path exploded = Files.createDirectory(dir.resolve("exploded"));
        Files.createFile(exploded.resolve("module-info.class"));
        JavaCommand cmd = JavaCommand.of(List.of("java", "-cp", app.toString(), "-p", mods + File.pathSeparator + exploded,
                "-m", "com.example/com.example.Main", "--module-path", "not-ours", "-cp", "nor-this"));
        assertThat(cmd.codePath()).containsExactly(app, a, b, exploded);
        assertThat(cmd.codePathString()).isEqualTo(String.join(File.pathSeparator, app.toString(), a.toString(), b.toString(),
                exploded.toString()));
    }

    @Test
    void aJdkModuleHasNoCodePathOfItsOwn() {
        JavaCommand javac = JavaCommand.of(List.of("java", "-m", "jdk.compiler/com.sun.tools.javac.Main", "-cp", "lib.jar", "Hello.java"));
        assertThat(javac.codePath()).isEqualTo(javac.classPath());
        assertThat(javac.codePath()).doesNotContain(Path.of("lib.jar"));
    }
}

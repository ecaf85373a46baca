package dev.hoist.workloads.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The demo as {@code hoist demo} starts it: a real child JVM that prints one throughput line a
 * second and stops after {@code --seconds N}; a bad argument is a one-line error and exit code 2.
 */
class DemoProcessTest {

    private static Process start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                DemoMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    @Test
    void printsThroughputEverySecondAndStopsAfterTheGivenTime() throws Exception {
        Process demo = start("--seconds", "3");
        try {
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).as("demo stopped by itself").isTrue();
            String out = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(demo.exitValue()).isZero();
            List<String> lines = out.lines().toList();
            assertThat(lines).hasSizeBetween(2, 3).allMatch(l -> l.matches("demo: [1-9]\\d* orders/s"));
        } finally {
            demo.destroyForcibly();
            demo.waitFor();
        }
    }

    @Test
    void aBadArgumentIsAOneLineErrorWithExitCode2() throws Exception {
        Process demo = start("--seconds", "soon");
        try {
            assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String err = new String(demo.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(demo.exitValue()).isEqualTo(2);
            assertThat(err.lines().toList()).singleElement().asString()
                    .startsWith("error:").contains("--seconds N").contains("soon");
        } finally {
            demo.destroyForcibly();
            demo.waitFor();
        }
    }
}

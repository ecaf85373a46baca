package dev.hoist.core.startup;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher against real child JVMs (the planted slow-start program): each end point is
 * reached and the child is gone afterwards, its output reaches the caller, and a program that
 * fails or never gets there says so with what it printed.
 */
class LauncherTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void endsAtTheFirstMatchingLineForwardsTheOutputAndStopsTheProgram() throws IOException {
        List<String> seen = new CopyOnWriteArrayList<>();
        JavaCommand cmd = StartupWorkload.fromClasses("--wait");
        Launcher.Launch l = Launcher.run(cmd.argv(), new EndPoint.LogLine(Pattern.compile("^ready$")), TIMEOUT, seen::add);
        assertThat(l.outcome()).isEqualTo(Launcher.Outcome.REACHED);
        assertThat(seen).contains("starting", "ready");
        // --wait would keep it running for ever: it was stopped (SIGTERM: exit 143)
        assertThat(l.exitCode()).isEqualTo(143);
        assertThat(l.nanos()).isPositive();
    }

    @Test
    void endsWhenThePortIsOpen() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> seen = new CopyOnWriteArrayList<>();
        Launcher.Launch l = Launcher.run(StartupWorkload.fromClasses("--port", Integer.toString(port)).argv(), new EndPoint.Port(port),
                TIMEOUT, seen::add);
        assertThat(l.outcome()).isEqualTo(Launcher.Outcome.REACHED);
        assertThat(Launcher.listening(port)).as("the program was stopped, its port closed").isFalse();
    }

    @Test
    void aProgramThatExitsNonZeroFailsWithItsCodeAndLastLines() throws IOException {
        Launcher.Launch l = Launcher.run(StartupWorkload.fromClasses("--exit", "3").argv(), new EndPoint.LogLine(Pattern.compile("ready")),
                TIMEOUT, null);
        assertThat(l.outcome()).isEqualTo(Launcher.Outcome.FAILED);
        assertThat(l.exitCode()).isEqualTo(3);
        assertThat(l.lastLines()).contains("starting, then failing");
    }

    @Test
    void aProgramThatNeverGetsThereTimesOutAndIsStopped() throws IOException {
        Launcher.Launch l = Launcher.run(StartupWorkload.fromClasses("--hang").argv(), new EndPoint.LogLine(Pattern.compile("^ready$")),
                Duration.ofSeconds(3), null);
        assertThat(l.outcome()).isEqualTo(Launcher.Outcome.TIMED_OUT);
        assertThat(l.exitCode()).as("stopped, not left running").isNotEqualTo(-1);
        assertThat(l.lastLines()).contains("starting, never ready");
    }

    @Test
    void aProgramThatExitsBeforeItsLineExitedEarly() throws IOException {
        Launcher.Launch l = Launcher.run(StartupWorkload.fromClasses().argv(), new EndPoint.LogLine(Pattern.compile("never printed")),
                TIMEOUT, null);
        assertThat(l.outcome()).isEqualTo(Launcher.Outcome.EXITED_EARLY);
        assertThat(l.exitCode()).isZero();
    }

    @Test
    void exitIsTheDefaultEndPoint() throws IOException {
        Launcher.Launch l = Launcher.run(StartupWorkload.fromClasses().argv(), new EndPoint.Exit(), TIMEOUT, null);
        assertThat(l.outcome()).isEqualTo(Launcher.Outcome.REACHED);
        assertThat(l.lastLines()).contains("ready");
    }
}

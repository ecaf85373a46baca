package dev.hoist.core.startup;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where a start ends, as the user chose: the program's exit, the first line of its output that
 * matches a pattern, a TCP port it listens on, or a fixed time after launch.
 */
public sealed interface EndPoint {
    /** Words for messages: "exit", "a line matching 'Started'", "port 8080 open", "2s". */
    String describe();

    /** The program exits (with 0: anything else is a failure). */
    record Exit() implements EndPoint {
        @Override
        public String describe() {
            return "its exit";
        }
    }

    /** The first line on stdout or stderr in which {@code pattern} is found. */
    record LogLine(Pattern pattern) implements EndPoint {
        @Override
        public String describe() {
            return "a line matching '" + pattern.pattern() + "'";
        }
    }

    /** A listening TCP socket on {@code port} (any local address). */
    record Port(int port) implements EndPoint {
        @Override
        public String describe() {
            return "port " + port + " open";
        }
    }

    /** A fixed time after launch; the program must still be running (or have exited with 0) then. */
    record After(Duration time) implements EndPoint {
        @Override
        public String describe() {
            return time.toMillis() + " ms after launch";
        }
    }
}

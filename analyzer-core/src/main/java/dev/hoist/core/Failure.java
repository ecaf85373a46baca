package dev.hoist.core;

/**
 * The kinds of failure a user can meet, each with its stable process exit code. The CLI maps a
 * {@link HoistException} to its kind's code; the window shows its message. Codes are part of the
 * documented interface (see {@code hoist --help}), so never renumber one.
 */
public enum Failure {
    /** Something Hoist did not expect: a bug. */
    INTERNAL(1),
    /** Wrong command line (picocli also uses 2). */
    USAGE(2),
    /** The PID or name matches no running process. */
    NO_SUCH_PROCESS(3),
    /** The process exists but is not a JVM that the Attach API can see. */
    NOT_A_JVM(4),
    /** The JVM belongs to another user; attach needs the same user. */
    OTHER_USER(5),
    /** The target refuses attach (-XX:+DisableAttachMechanism) or the attach handshake failed. */
    ATTACH_REFUSED(6),
    /** The target exited while it was being sampled; what was sampled so far is kept. */
    TARGET_EXITED(7),
    /** A recording, stack file, class file or jar cannot be read (missing, empty, corrupt, truncated). */
    BAD_INPUT(8),
    /** A name matches several JVMs; the message lists them. */
    AMBIGUOUS_TARGET(9),
    /** No sampler could start in the target (agent failed to load and the JFR fallback failed too). */
    SAMPLER_FAILED(10),
    /** {@code analyze --fail-on}: a finding at or above the severity, not in the baseline nor suppressed, was reported. */
    GATE_FAILED(11),
    /** {@code hoist startup}/{@code run}: the program exited with a non-zero code before its end point; what was measured is kept. */
    PROGRAM_FAILED(12),
    /** {@code hoist startup}: the program never reached its end point (timeout, or it exited first); what was measured is kept. */
    END_NOT_REACHED(13);

    private final int exitCode;

    Failure(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

package dev.hoist.core;

/**
 * A failure the user can act on. The message is one or two lines: what went wrong, and what to do.
 * Faces print only the message (the stack trace with --verbose) and exit with the kind's code.
 */
public class HoistException extends RuntimeException {
    private final Failure failure;

    public HoistException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public HoistException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}

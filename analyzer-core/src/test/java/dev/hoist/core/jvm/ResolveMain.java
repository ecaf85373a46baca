package dev.hoist.core.jvm;

import dev.hoist.core.HoistException;

/**
 * Resolves a target in a separate JVM and prints "exit-code|message", so a test can run the
 * resolution as another user (runuser) and check what that user is told.
 */
public final class ResolveMain {
    private ResolveMain() {}

    public static void main(String[] args) {
        try {
            JvmInfo info = Targets.resolve(args[0]);
            System.out.println("0|" + info);
        } catch (HoistException e) {
            System.out.println(e.failure().exitCode() + "|" + e.getMessage());
        }
    }
}

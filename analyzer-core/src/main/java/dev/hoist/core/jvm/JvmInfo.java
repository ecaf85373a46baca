package dev.hoist.core.jvm;

import java.time.Duration;
import java.util.Optional;

/**
 * One local JVM as Hoist sees it: what {@code hoist jvms} prints and what a resolved target is.
 * {@code displayName} is the main class or the jar as the JVM was launched; version and vendor
 * come from the target's own system properties when attach works, else from its Java home. When
 * {@code attachable} is false, {@code reason} says why in words a user can act on.
 *
 * @param pid         the process id
 * @param displayName main class or jar (never null; "?" when unknown)
 * @param javaVersion the target's {@code java.version}, or "?" when unknown
 * @param vendor      the target's {@code java.vendor}, or "?" when unknown
 * @param uptime      time since the process started, null when the OS does not say
 * @param user        the owning user, "?" when unknown
 * @param attachable  whether Hoist can attach to it
 * @param reason      why it cannot be attached, null when attachable
 */
public record JvmInfo(long pid, String displayName, String javaVersion, String vendor, Duration uptime,
                      String user, boolean attachable, String reason) {

    /** The target's feature release (11, 17, 21, 25...), empty when the version is unknown. */
    public Optional<Integer> featureVersion() {
        String v = javaVersion.startsWith("1.") ? javaVersion.substring(2) : javaVersion;
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!Character.isDigit(c)) {
                break;
            }
            digits.append(c);
        }
        return digits.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(digits.toString()));
    }
}

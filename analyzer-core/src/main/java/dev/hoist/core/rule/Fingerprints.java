package dev.hoist.core.rule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stable identities for findings, for a baseline a team keeps in CI and for code-scanning tools
 * (SARIF {@code partialFingerprints}). A fingerprint survives edits elsewhere in the file: it is
 * made of the rule, the class, the method and its descriptor and the message with every number
 * taken out (line numbers, counts), never the line itself; two findings that would be the same by
 * that are told apart by their order in the method.
 */
public final class Fingerprints {
    /** The name of the fingerprint in SARIF's {@code partialFingerprints}. */
    public static final String SARIF_KEY = "hoistFinding/v1";

    private Fingerprints() {
    }

    /** One fingerprint per finding, in the list's order (findings sorted by class and line, as analyses give them). */
    public static List<String> of(List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String key = f.rule() + '\n' + f.className() + '\n' + f.method() + f.descriptor() + '\n'
                    + f.message().replaceAll("\\d+", "#");
            int n = seen.merge(key, 1, Integer::sum);
            out.add(hash(key + '\n' + n));
        }
        return out;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

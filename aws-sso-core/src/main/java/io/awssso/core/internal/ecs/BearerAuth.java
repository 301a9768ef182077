package io.awssso.core.internal.ecs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Checks the {@code Authorization} header in constant time. Both sides are hashed first, so the
 * comparison takes the same time whatever the header's length or content.
 *
 * <p>With a token, the header must be exactly {@code Bearer <token>}. Without one (and auth not
 * disabled) the expected header is empty, as in aws-sso-cli: requests without the header are
 * served, and a request that carries one is refused, so a client that believes auth is on learns
 * that the server has no token instead of silently getting credentials.
 */
final class BearerAuth {
    private final boolean disabled;
    private final byte[] expected;

    private BearerAuth(boolean disabled, String expectedHeader) {
        this.disabled = disabled;
        this.expected = sha256(expectedHeader);
    }

    /** Accepts every request. */
    static BearerAuth disabled() {
        return new BearerAuth(true, "");
    }

    /** Requires {@code Authorization: Bearer <token>}, or no header when {@code token} is null. */
    static BearerAuth requiring(String token) {
        return new BearerAuth(false, token == null ? "" : "Bearer " + token);
    }

    boolean enabled() {
        return !disabled;
    }

    /** Whether the request's {@code Authorization} header values are acceptable. */
    boolean accepts(List<String> headerValues) {
        if (disabled) {
            return true;
        }
        String actual;
        if (headerValues == null || headerValues.isEmpty()) {
            actual = "";
        } else if (headerValues.size() == 1) {
            actual = headerValues.get(0);
        } else {
            return false;
        }
        return MessageDigest.isEqual(sha256(actual), expected);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

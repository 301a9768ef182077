package io.awssso.core.internal.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE verifier, its S256 challenge and the anti-forgery state of one authorization request.
 * {@code toString()} hides the verifier and state.
 *
 * @param verifier the code verifier (secret until the token exchange)
 * @param challenge base64url(SHA-256(verifier)), sent in the authorize URL
 * @param state the random state echoed by the redirect
 */
record Pkce(String verifier, String challenge, String state) {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    /** A fresh verifier (48 random bytes) and state (24 random bytes). */
    static Pkce create(SecureRandom random) {
        byte[] v = new byte[48];
        random.nextBytes(v);
        byte[] s = new byte[24];
        random.nextBytes(s);
        String verifier = B64URL.encodeToString(v);
        return new Pkce(verifier, challengeOf(verifier), B64URL.encodeToString(s));
    }

    static String challengeOf(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return B64URL.encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Compares a returned state with ours in constant time. */
    boolean stateMatches(String returned) {
        if (returned == null) {
            return false;
        }
        return MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                returned.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Pkce[verifier=****, challenge=" + challenge + ", state=****]";
    }
}

package io.awssso.core.internal.credentials;

import java.time.Duration;

/**
 * How long before their expiration stored role credentials stop being handed out (reference 5.1).
 * A class of its own so that the {@code process} fast path reads it without initialising
 * {@link CredentialService} (and, with it, the logging framework).
 */
public final class ReuseMargin {
    /** Stored role credentials count as expired this long before their expiration. */
    public static final Duration ROLE_CREDENTIALS = Duration.ofMinutes(1);

    private ReuseMargin() {
    }
}

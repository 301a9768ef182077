package io.awssso.core.internal.run;

import io.awssso.api.SsoToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The SSO token of one run across many roles: got once and shared by every role's fetch while it
 * stays valid, instead of read from the secure store (a key derivation for the encrypted file
 * store) once per role; a token the portal rejects is renewed once for all.
 */
final class RunToken {
    /** A token this close to its expiry is got again (renewed by the login service if needed). */
    static final Duration MARGIN = Duration.ofMinutes(2);

    private final Supplier<SsoToken> validToken;
    private final UnaryOperator<SsoToken> renewRejected;
    private final Clock clock;
    private SsoToken current;

    RunToken(Supplier<SsoToken> validToken, UnaryOperator<SsoToken> renewRejected, Clock clock) {
        this.validToken = Objects.requireNonNull(validToken, "validToken");
        this.renewRejected = Objects.requireNonNull(renewRejected, "renewRejected");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A valid token: the run's while it lasts, else a new one. */
    synchronized SsoToken get() {
        if (current == null || current.expiresWithin(MARGIN, clock)) {
            current = validToken.get();
        }
        return current;
    }

    /** A token instead of {@code rejected}: renewed once, however many roles saw it refused. */
    synchronized SsoToken renew(SsoToken rejected) {
        if (current != null && current != rejected) { // the very token handed out, not an equal one
            return current; // another role's fetch renewed it already
        }
        current = renewRejected.apply(rejected);
        return current;
    }
}

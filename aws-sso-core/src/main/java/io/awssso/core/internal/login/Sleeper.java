package io.awssso.core.internal.login;

import io.awssso.api.AwsSsoException;
import java.time.Duration;

/** Waits between polls; injected so that tests advance a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Waits for {@code duration}. */
    void sleep(Duration duration);

    /** A sleeper that really sleeps; an interrupt ends the wait with an error. */
    static Sleeper system() {
        return d -> {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwsSsoException("interrupted while waiting for the login to be approved", e);
            }
        };
    }
}

package io.awssso.core;

import java.time.Instant;

/**
 * What {@link Session#login} did.
 *
 * @param instance the SSO instance logged in to
 * @param alreadyLoggedIn true when a valid session existed and nothing was done
 * @param expiresAt when the access token expires (it is renewed silently while the session lasts)
 */
public record LoginResult(String instance, boolean alreadyLoggedIn, Instant expiresAt) {
}

/**
 * Role credentials: reuse from the secure store, fetch with GetRoleCredentials, role chaining
 * through {@code Via}, and the environment variables {@code exec} and {@code eval} set.
 *
 * <p>A fetch runs inside one {@code SecureStore.update}, which the stores guard with a
 * cross-process lock, and re-checks the store first: many processes asking for the same expired
 * role make one call, the rest reuse its result.
 */
package io.awssso.core.internal.credentials;

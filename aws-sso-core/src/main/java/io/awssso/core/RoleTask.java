package io.awssso.core;

import io.awssso.api.CatalogRole;

/**
 * The work {@link Roles#forEach} does for one role, given the role and its credentials.
 * Runs on a worker thread; when the run is cancelled the thread is interrupted, and a task that
 * waits (for a process, a socket) should give up then.
 *
 * @param <T> what the task returns for a role
 */
@FunctionalInterface
public interface RoleTask<T> {
    /**
     * Does the work for one role.
     *
     * @param role the role, as the catalog lists it
     * @param credentials the role's credentials, for any AWS SDK client
     *     ({@code S3Client.builder().credentialsProvider(credentials)})
     * @return the role's result (may be null)
     * @throws Exception anything; it becomes that role's failure and the other roles go on
     */
    T run(CatalogRole role, RunCredentials credentials) throws Exception;
}

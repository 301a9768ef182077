package io.awssso.core;

import io.awssso.api.RoleCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One role's credentials during a {@link RoleTask}: an {@link AwsCredentialsProvider} for AWS SDK
 * clients, the {@link RoleCredentials} themselves, and the variables that give a process the role.
 * A task that outlives them gets fresh ones, fetched under the same pacing as the rest of the run.
 * Thread-safe.
 */
public interface RunCredentials extends AwsCredentialsProvider {
    /**
     * The role's credentials, valid for more than a minute: those the run started with, else
     * fresh ones.
     *
     * @throws io.awssso.api.AwsSsoException when fresh ones cannot be had
     */
    RoleCredentials roleCredentials();

    /**
     * The variables that give a process this role, as {@link Credentials#environment} makes them,
     * from {@link #roleCredentials()} and the role the run holds (no lookup in the role cache).
     *
     * @param region whether the region variables are set
     */
    RoleEnvironment environment(RegionPolicy region);
}

package io.awssso.api;

/**
 * Hands out role credentials: from the secure store while they are valid, else fetched from
 * Identity Center (or by role chaining) and stored.
 */
public interface CredentialProvider {

    /**
     * Credentials for a role, reusing stored ones that are still valid.
     *
     * @throws LoginRequiredException when a fetch is needed and there is no usable SSO token
     * @throws RoleNotFoundException when the user cannot reach the role
     */
    RoleCredentials credentials(RoleArn role);

    /** Credentials for a role, always freshly fetched (the {@code --sts-refresh} behaviour). */
    RoleCredentials refreshedCredentials(RoleArn role);
}

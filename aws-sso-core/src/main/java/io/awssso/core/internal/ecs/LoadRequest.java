package io.awssso.core.internal.ecs;

import io.awssso.api.RoleCredentials;
import java.util.Objects;

/**
 * A parsed {@code ECSClientRequest}: the profile name and the role credentials to serve under it.
 *
 * @param profileName the {@code ProfileName}
 * @param credentials the {@code Creds}
 */
public record LoadRequest(String profileName, RoleCredentials credentials) {

    /** Checks that both parts are present. */
    public LoadRequest {
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public String toString() {
        return "LoadRequest[profileName=" + profileName + ", credentials=" + credentials + "]";
    }
}

package io.awssso.api.spi;

import java.util.List;
import java.util.Objects;

/**
 * What to ask RegisterClient for. The client type is always {@code public}.
 *
 * @param clientName the client's name
 * @param grantTypes the grant types wanted
 * @param scopes the scopes wanted (for example {@code sso:account:access})
 * @param redirectUris the redirect URIs (PKCE flow), possibly empty
 * @param issuerUrl the start URL the client is for, or {@code null}
 */
public record ClientRegistrationRequest(
        String clientName,
        List<String> grantTypes,
        List<String> scopes,
        List<String> redirectUris,
        String issuerUrl) {

    /** Copies the lists. */
    public ClientRegistrationRequest {
        Objects.requireNonNull(clientName, "clientName");
        grantTypes = List.copyOf(grantTypes);
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    }
}

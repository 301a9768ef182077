package io.awssso.api.spi;

import io.awssso.api.ClientRegistration;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoToken;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything a {@link SecureStore} keeps, as one immutable value: client registrations and tokens
 * per SSO instance name, role credentials per role, and the ECS server's bearer token and TLS
 * pair. Changes return a new value. {@code toString()} shows counts only.
 *
 * @param registrations client registrations by SSO instance name
 * @param tokens SSO tokens by SSO instance name
 * @param roleCredentials role credentials by role
 * @param ecsBearerToken the ECS server bearer token, or {@code null}
 * @param ecsPrivateKey the ECS server's PKCS#8 PEM private key, or {@code null}
 * @param ecsCertChain the ECS server's PEM certificate chain, or {@code null}
 */
public record StoredSecrets(
        Map<String, ClientRegistration> registrations,
        Map<String, SsoToken> tokens,
        Map<RoleArn, RoleCredentials> roleCredentials,
        String ecsBearerToken,
        String ecsPrivateKey,
        String ecsCertChain) {

    /** Nothing stored. */
    public static final StoredSecrets EMPTY =
            new StoredSecrets(Map.of(), Map.of(), Map.of(), null, null, null);

    /** Copies the maps (sorted, so that serialised forms are stable). */
    public StoredSecrets {
        registrations = copy(registrations);
        tokens = copy(tokens);
        roleCredentials = copy(roleCredentials);
    }

    private static <K, V> Map<K, V> copy(Map<K, V> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(m));
    }

    /** The registration of an instance. */
    public Optional<ClientRegistration> registration(String ssoName) {
        return Optional.ofNullable(registrations.get(ssoName));
    }

    /** The token of an instance. */
    public Optional<SsoToken> token(String ssoName) {
        return Optional.ofNullable(tokens.get(ssoName));
    }

    /** The stored credentials of a role. */
    public Optional<RoleCredentials> credentials(RoleArn role) {
        return Optional.ofNullable(roleCredentials.get(role));
    }

    /** A copy with the instance's registration set, or removed when {@code r} is null. */
    public StoredSecrets withRegistration(String ssoName, ClientRegistration r) {
        return new StoredSecrets(put(registrations, ssoName, r), tokens, roleCredentials,
                ecsBearerToken, ecsPrivateKey, ecsCertChain);
    }

    /** A copy with the instance's token set, or removed when {@code t} is null. */
    public StoredSecrets withToken(String ssoName, SsoToken t) {
        return new StoredSecrets(registrations, put(tokens, ssoName, t), roleCredentials,
                ecsBearerToken, ecsPrivateKey, ecsCertChain);
    }

    /** A copy with the role's credentials set, or removed when {@code c} is null. */
    public StoredSecrets withCredentials(RoleArn role, RoleCredentials c) {
        return new StoredSecrets(registrations, tokens, put(roleCredentials, role, c),
                ecsBearerToken, ecsPrivateKey, ecsCertChain);
    }

    /** A copy with the ECS bearer token set, or removed when null. */
    public StoredSecrets withEcsBearerToken(String token) {
        return new StoredSecrets(registrations, tokens, roleCredentials, token, ecsPrivateKey,
                ecsCertChain);
    }

    /** A copy with the ECS TLS pair set, or removed when both are null. */
    public StoredSecrets withEcsTls(String privateKeyPem, String certChainPem) {
        return new StoredSecrets(registrations, tokens, roleCredentials, ecsBearerToken,
                privateKeyPem, certChainPem);
    }

    private static <K, V> Map<K, V> put(Map<K, V> m, K key, V value) {
        Map<K, V> copy = new HashMap<>(m);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    @Override
    public String toString() {
        return "StoredSecrets[registrations=" + registrations.keySet() + ", tokens="
                + tokens.keySet() + ", roleCredentials=" + roleCredentials.size()
                + ", ecsBearerToken=" + (ecsBearerToken == null ? "absent" : "****")
                + ", ecsTls=" + (ecsPrivateKey == null ? "absent" : "****") + "]";
    }
}

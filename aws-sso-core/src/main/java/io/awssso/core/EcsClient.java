package io.awssso.core;

import io.awssso.api.AccountId;
import io.awssso.api.AwsSsoException;
import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleCredentials;
import io.awssso.core.internal.ecs.EcsHttpClient;
import io.awssso.core.internal.ecs.PemTls;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Talks to a running ECS credentials server: load and unload credentials, list what it serves.
 * Get one with {@link Ecs#client()} (token and certificate
 * from the secure store) or {@link #create}.
 */
public final class EcsClient {
    /** The server {@link Ecs#client()} talks to when {@code AWS_SSO_ECS_SERVER} is not set. */
    public static final String DEFAULT_SERVER = "localhost:" + EcsServerOptions.DEFAULT_PORT;

    private final EcsHttpClient http;

    private EcsClient(EcsHttpClient http) {
        this.http = http;
    }

    /**
     * A client.
     *
     * @param server {@code host:port}, or a URL {@code http(s)://host:port}; without a scheme HTTPS is
     *     used when {@code certChainPem} is given
     * @param bearerToken the server's token (sent as {@code Authorization: Bearer <token>}), or null
     * @param certChainPem the server's PEM certificate to trust (only it), or null for plain HTTP or
     *     a publicly trusted certificate
     * @throws ConfigurationException when the server address or certificate is unusable
     */
    public static EcsClient create(String server, String bearerToken, String certChainPem) {
        String s = server == null || server.isBlank() ? DEFAULT_SERVER : server.strip();
        if (!s.contains("://")) {
            s = (certChainPem != null ? "https://" : "http://") + s;
        }
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("invalid ECS server address '" + server + "': expected host:port");
        }
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new ConfigurationException("invalid ECS server address '" + server + "': expected host:port");
        }
        URI base = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
        return new EcsClient(new EcsHttpClient(base, bearerToken,
                certChainPem == null ? null : PemTls.trusting(certChainPem)));
    }

    /** The server's base URL. */
    public URI server() {
        return http.base();
    }

    /**
     * Loads credentials into the default slot, or into {@code /slot/<profileName>} when
     * {@code slotted}.
     *
     * @throws AwsSsoException with the server's message when it refuses them
     */
    public void load(String profileName, RoleCredentials credentials, boolean slotted) {
        http.load(profileName, credentials, slotted);
    }

    /**
     * Unloads the default slot (empty {@code profileName}) or a named slot.
     *
     * @return false when nothing was loaded there
     */
    public boolean unload(Optional<String> profileName) {
        return http.unload(profileName);
    }

    /** The named slots holding unexpired credentials, by profile name. */
    public List<Profile> list() {
        return http.list().stream().map(Profile::of).toList();
    }

    /** The default slot's profile; empty when nothing unexpired is loaded there. */
    public Optional<Profile> profile() {
        return http.profile().map(Profile::of);
    }

    /**
     * What a slot holds (never the credentials themselves).
     *
     * @param profileName the profile name
     * @param accountId the account
     * @param roleName the role
     * @param expiration when the credentials expire
     * @param expires the time left as the server wrote it ({@code " 1h  5m"}, {@code "< 1m"})
     */
    public record Profile(String profileName, AccountId accountId, String roleName, Instant expiration,
            String expires) {
        static Profile of(EcsHttpClient.Profile p) {
            return new Profile(p.profileName(), p.accountId(), p.roleName(), p.expiration(), p.expires());
        }
    }

    @Override
    public String toString() {
        return "EcsClient[" + http.base() + "]";
    }
}

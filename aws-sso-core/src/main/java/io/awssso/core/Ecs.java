package io.awssso.core;

import io.awssso.api.ConfigurationException;
import io.awssso.api.spi.StoredSecrets;
import io.awssso.core.internal.di.CoreComponent;
import java.util.Objects;
import java.util.Optional;

/**
 * The ECS credentials server: the endpoint containers and AWS SDKs read role credentials from
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}), its client, and its bearer token and TLS pair kept
 * in the secure store. Get it with {@link AwsSso#ecs()}.
 *
 * <pre>{@code
 * try (EcsServer server = sso.ecs().startServer(EcsServerOptions.defaults())) {
 *     server.awaitClosed();
 * }
 * }</pre>
 */
public final class Ecs {
    /** The variable naming the server ({@code host:port}) that {@link #client()} talks to. */
    public static final String SERVER_VARIABLE = "AWS_SSO_ECS_SERVER";

    private final CoreComponent graph;

    Ecs(CoreComponent graph) {
        this.graph = graph;
    }

    /**
     * Starts a server. Unless the options give them or disable them, the bearer token and the TLS
     * pair come from the secure store.
     *
     * @throws io.awssso.api.AwsSsoException when the address cannot be bound
     * @throws ConfigurationException when the stored TLS pair is unusable
     */
    public EcsServer startServer(EcsServerOptions options) {
        EcsServerOptions.Builder b = options.toBuilder();
        StoredSecrets stored = null;
        if (!options.disableAuth() && options.bearerToken().isEmpty()) {
            stored = graph.store().read();
            b.bearerToken(stored.ecsBearerToken());
        }
        if (!options.disableTls() && options.certChainPem().isEmpty()) {
            stored = stored != null ? stored : graph.store().read();
            if (stored.ecsCertChain() != null && stored.ecsPrivateKey() != null) {
                b.tls(stored.ecsCertChain(), stored.ecsPrivateKey());
            }
        }
        return EcsServer.start(b.build());
    }

    /**
     * A client for the server {@code $AWS_SSO_ECS_SERVER} names, else {@code localhost:4144}, with
     * the bearer token and the certificate to trust from the secure store.
     *
     * @throws ConfigurationException when the address is not {@code host:port}
     */
    public EcsClient client() {
        return client(graph.inputs().env().get(SERVER_VARIABLE).filter(v -> !v.isBlank())
                .orElse(EcsClient.DEFAULT_SERVER));
    }

    /**
     * A client for the server at {@code host:port} (or a URL), with the bearer token and the
     * certificate to trust from the secure store.
     *
     * @throws ConfigurationException when the address is not {@code host:port}
     */
    public EcsClient client(String server) {
        Objects.requireNonNull(server, "server");
        StoredSecrets stored = graph.store().read();
        return EcsClient.create(server, stored.ecsBearerToken(), stored.ecsCertChain());
    }

    /**
     * Stores the server's bearer token (clients send it as {@code Authorization: Bearer <token>}).
     *
     * @throws ConfigurationException when the token starts with {@code Bearer }, is empty or holds
     *     whitespace or control characters
     */
    public void storeBearerToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ConfigurationException("give the token without the 'Bearer ' prefix");
        }
        if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new ConfigurationException("the ECS bearer token must be non-empty, without spaces or "
                    + "control characters");
        }
        graph.store().update(s -> s.withEcsBearerToken(token));
    }

    /** Deletes the stored bearer token. */
    public void deleteBearerToken() {
        graph.store().update(s -> s.withEcsBearerToken(null));
    }

    /**
     * The stored bearer token, if any (a server in a container, which cannot read the secure
     * store, is handed it).
     */
    public Optional<String> bearerToken() {
        return Optional.ofNullable(graph.store().read().ecsBearerToken());
    }

    /** Stores the server's TLS pair (checked when it was made). */
    public void storeTls(EcsServer.TlsPair pair) {
        Objects.requireNonNull(pair, "pair");
        graph.store().update(s -> s.withEcsTls(pair.privateKeyPem(), pair.certChainPem()));
    }

    /** Deletes the stored TLS pair. */
    public void deleteTls() {
        graph.store().update(s -> s.withEcsTls(null, null));
    }

    /** The stored TLS pair, if both halves are stored. */
    public Optional<EcsServer.TlsPair> tls() {
        StoredSecrets stored = graph.store().read();
        return stored.ecsCertChain() == null || stored.ecsPrivateKey() == null ? Optional.empty()
                : Optional.of(new EcsServer.TlsPair(stored.ecsCertChain(), stored.ecsPrivateKey()));
    }

    /** The stored certificate chain (PEM), if any. */
    public Optional<String> certificate() {
        return Optional.ofNullable(graph.store().read().ecsCertChain());
    }
}

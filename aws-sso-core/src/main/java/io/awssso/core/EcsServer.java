package io.awssso.core;

import io.awssso.api.AwsSsoException;
import io.awssso.api.RoleCredentials;
import io.awssso.core.internal.ecs.EcsCredentialsServer;
import io.awssso.core.internal.ecs.LoadRequest;
import io.awssso.core.internal.ecs.PemTls;
import io.awssso.core.internal.ecs.SelfSignedCertificates;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLContext;

/**
 * A running ECS credentials server: the endpoint AWS SDKs read with
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:4144/} (default slot) or
 * {@code .../slot/<profile>} (named slots) and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN='Bearer <token>'}.
 *
 * <p>It serves only what clients load into it ({@link EcsClient#load}, or {@link #loadDefault}),
 * keeps that in memory only, and forgets it on {@link #close()}. Start one with
 * {@link Ecs#startServer} (token and TLS pair from the secure store) or {@link #start} (only what
 * the options say).
 *
 * <p>Auth: with a bearer token, every route but {@code /healthcheck} requires exactly
 * {@code Authorization: Bearer <token>} (403 otherwise). Without a token, as in aws-sso-cli,
 * requests without the header are served and any request that sends one is refused (so a client
 * configured for auth notices that the server has none); the server warns loudly at start.
 * {@code disableAuth} serves everyone. Whatever the bind address, requests whose {@code Host} header
 * is not {@code localhost}, an IP address, {@code host.docker.internal} or one of
 * {@link EcsServerOptions#allowedHosts()} are refused, which stops DNS-rebinding web pages.
 */
public final class EcsServer implements AutoCloseable {
    private final EcsCredentialsServer server;
    private final URI uri;

    private EcsServer(EcsCredentialsServer server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    /**
     * Starts a server with exactly these options (nothing is read from a store).
     *
     * @throws AwsSsoException when the address cannot be bound
     * @throws io.awssso.api.ConfigurationException when the TLS pair is unusable
     */
    public static EcsServer start(EcsServerOptions options) {
        InetAddress address;
        try {
            address = InetAddress.getByName(literal(options.bindAddress()));
        } catch (UnknownHostException e) {
            throw new io.awssso.api.ConfigurationException("invalid bind address '" + options.bindAddress()
                    + "': give an IP address such as 127.0.0.1");
        }
        SSLContext tls = options.disableTls() || options.certChainPem().isEmpty() ? null
                : PemTls.serverContext(options.certChainPem().get(), options.privateKeyPem().orElseThrow());
        EcsCredentialsServer s;
        try {
            s = EcsCredentialsServer.start(new EcsCredentialsServer.Settings(address, options.port(),
                    options.bearerToken().orElse(null), options.disableAuth(), tls, options.clock(),
                    options.allowedHosts()));
        } catch (IllegalArgumentException e) {
            throw new io.awssso.api.ConfigurationException("invalid allowed host: " + e.getMessage());
        }
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        host = host.contains(":") ? "[" + host + "]" : host;
        return new EcsServer(s, URI.create((tls != null ? "https" : "http") + "://" + host + ":" + s.port() + "/"));
    }

    /**
     * A new random bearer token (32 bytes from {@link java.security.SecureRandom}, hex): what
     * {@code ecs server} and {@code ecs docker start} store when docker or remote mode finds none.
     */
    public static String newBearerToken() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /** Refuses host names: resolving one could pick any interface. */
    private static String literal(String address) {
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        if (!a.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new io.awssso.api.ConfigurationException("invalid bind address '" + address
                    + "': give an IP address such as 127.0.0.1");
        }
        return a;
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** The default slot's URL, the value for {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
    public URI uri() {
        return uri;
    }

    /** Whether the server speaks HTTPS. */
    public boolean tls() {
        return server.tls();
    }

    /** Whether requests are checked against a bearer token (false with {@code disableAuth}). */
    public boolean authEnabled() {
        return server.authEnabled();
    }

    /** Loads credentials into the default slot in-process ({@code ecs server --default <profile>}). */
    public void loadDefault(String profileName, RoleCredentials credentials) {
        server.slots().putDefault(new LoadRequest(profileName, credentials));
    }

    /** Blocks until {@link #close()} runs (from another thread or a shutdown hook), or an interrupt. */
    public void awaitClosed() {
        server.awaitClosed();
    }

    /** Stops at once and forgets every loaded credential. Idempotent. */
    @Override
    public void close() {
        server.close();
    }

    /**
     * A new self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} with an
     * EC P-256 key, for {@code setup ecs ssl}. The AWS SDKs do not trust such certificates for
     * container credentials unless the certificate is added to their trust store; aws-sso's own
     * client trusts the stored one.
     *
     * @param validityDays how long it is valid, at least 1
     * @return the PEM certificate and the PKCS#8 PEM private key
     */
    public static TlsPair selfSignedTls(int validityDays) {
        SelfSignedCertificates.Pair p = SelfSignedCertificates.generate(validityDays);
        return new TlsPair(p.certificatePem(), p.privateKeyPem());
    }

    /**
     * A PEM certificate chain and PKCS#8 PEM private key. {@code toString()} hides the key.
     *
     * @param certChainPem the certificate chain, leaf first
     * @param privateKeyPem the private key
     */
    public record TlsPair(String certChainPem, String privateKeyPem) {
        /**
         * Checks that both parse and belong together.
         *
         * @throws io.awssso.api.ConfigurationException saying what is wrong
         */
        public TlsPair {
            PemTls.validate(certChainPem, privateKeyPem);
        }

        @Override
        public String toString() {
            return "TlsPair[certChainPem=" + PemTls.certificates(certChainPem).get(0).getSubjectX500Principal()
                    + ", privateKeyPem=****]";
        }
    }

    @Override
    public String toString() {
        return "EcsServer[" + uri + ", auth=" + authEnabled() + "]";
    }
}

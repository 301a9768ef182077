package io.awssso.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the ECS credentials server. Every setting is optional: the defaults are 127.0.0.1,
 * port 4144, the bearer token and TLS pair from the secure store (when started through
 * {@link Ecs#startServer}), and the system clock.
 *
 * <pre>{@code
 * try (EcsServer server = sso.ecs().startServer(EcsServerOptions.builder().port(4144).build())) {
 *     server.awaitClosed();
 * }
 * }</pre>
 */
public final class EcsServerOptions {
    /** The port aws-sso-cli listens on. */
    public static final int DEFAULT_PORT = 4144;

    private final String bindAddress;
    private final int port;
    private final Optional<String> bearerToken;
    private final boolean disableAuth;
    private final Optional<String> certChainPem;
    private final Optional<String> privateKeyPem;
    private final boolean disableTls;
    private final Clock clock;
    private final List<String> allowedHosts;

    private EcsServerOptions(Builder b) {
        this.bindAddress = b.bindAddress;
        this.port = b.port;
        this.bearerToken = b.bearerToken;
        this.disableAuth = b.disableAuth;
        this.certChainPem = b.certChainPem;
        this.privateKeyPem = b.privateKeyPem;
        this.disableTls = b.disableTls;
        this.clock = b.clock;
        this.allowedHosts = List.copyOf(b.allowedHosts);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static EcsServerOptions defaults() {
        return builder().build();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder().bindAddress(bindAddress).port(port).bearerToken(bearerToken.orElse(null))
                .disableAuth(disableAuth).disableTls(disableTls).clock(clock).allowedHosts(allowedHosts);
        if (certChainPem.isPresent()) {
            b.tls(certChainPem.get(), privateKeyPem.orElseThrow());
        }
        return b;
    }

    /** The address to listen on. */
    public String bindAddress() {
        return bindAddress;
    }

    /** The port; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** The bearer token given here, if any (the store's is used otherwise). */
    public Optional<String> bearerToken() {
        return bearerToken;
    }

    /** Whether every request is served whatever its {@code Authorization} header. */
    public boolean disableAuth() {
        return disableAuth;
    }

    /** The PEM certificate chain given here, if any. */
    public Optional<String> certChainPem() {
        return certChainPem;
    }

    /** The PKCS#8 PEM private key given here, if any. */
    public Optional<String> privateKeyPem() {
        return privateKeyPem;
    }

    /** Whether to serve plain HTTP even with a stored TLS pair. */
    public boolean disableTls() {
        return disableTls;
    }

    /** The clock that decides expiry. */
    public Clock clock() {
        return clock;
    }

    /**
     * Host names served besides {@code localhost}, IP addresses and {@code host.docker.internal}:
     * a request whose {@code Host} header names anything else is refused
     * with 403, which stops DNS-rebinding web pages.
     */
    public List<String> allowedHosts() {
        return allowedHosts;
    }

    @Override
    public String toString() {
        return "EcsServerOptions[bindAddress=" + bindAddress + ", port=" + port + ", bearerToken="
                + bearerToken.map(t -> "****").orElse("default") + ", disableAuth=" + disableAuth
                + ", tls=" + (certChainPem.isPresent() ? "given" : "default") + ", disableTls=" + disableTls
                + ", allowedHosts=" + allowedHosts + "]";
    }

    /** Builds {@link EcsServerOptions}. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Optional<String> bearerToken = Optional.empty();
        private boolean disableAuth;
        private Optional<String> certChainPem = Optional.empty();
        private Optional<String> privateKeyPem = Optional.empty();
        private boolean disableTls;
        private Clock clock = Clock.systemUTC();
        private final List<String> allowedHosts = new ArrayList<>();

        private Builder() {
        }

        /**
         * The IP address to listen on; default {@code 127.0.0.1}. Any non-loopback address makes the
         * credentials reachable from other machines, and the server logs a warning when it starts.
         */
        public Builder bindAddress(String address) {
            if (address == null || address.isBlank()) {
                throw new IllegalArgumentException("bind address must not be empty");
            }
            this.bindAddress = address.strip();
            return this;
        }

        /** The port, 0 to 65535 (0 picks a free one); default 4144. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The bearer token to require, instead of the store's (null or empty: none given here). */
        public Builder bearerToken(String token) {
            this.bearerToken = Optional.ofNullable(token).filter(t -> !t.isEmpty());
            return this;
        }

        /** Serve every request whatever its {@code Authorization} header. */
        public Builder disableAuth(boolean disable) {
            this.disableAuth = disable;
            return this;
        }

        /** Serve HTTPS with this PEM certificate chain (leaf first) and PKCS#8 PEM key. */
        public Builder tls(String certChainPem, String privateKeyPem) {
            this.certChainPem = Optional.of(Objects.requireNonNull(certChainPem, "certChainPem"));
            this.privateKeyPem = Optional.of(Objects.requireNonNull(privateKeyPem, "privateKeyPem"));
            return this;
        }

        /** Serve plain HTTP even when a TLS pair is stored. */
        public Builder disableTls(boolean disable) {
            this.disableTls = disable;
            return this;
        }

        /** The clock that decides expiry; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds host names the server answers to besides {@code localhost}, IP addresses and
         * {@code host.docker.internal} (for example a Docker Compose service name), checked when
         * the server starts.
         */
        public Builder allowedHosts(List<String> names) {
            for (String n : names) {
                this.allowedHosts.add(Objects.requireNonNull(n, "allowed host"));
            }
            return this;
        }

        /** The options. */
        public EcsServerOptions build() {
            return new EcsServerOptions(this);
        }
    }
}

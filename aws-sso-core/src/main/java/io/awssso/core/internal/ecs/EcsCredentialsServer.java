package io.awssso.core.internal.ecs;

import io.awssso.api.AwsSsoException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ECS credentials server (reference section 7): the container-credentials endpoint that AWS
 * SDKs read through {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, on the JDK's HTTP(S) server.
 *
 * <p>This class binds, announces and stops the server; what each request gets is
 * {@link EcsRoutes}'. Bodies are capped at {@value #MAX_BODY} bytes (413 beyond).
 */
public final class EcsCredentialsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EcsCredentialsServer.class);

    /** The largest request body accepted (an ECSClientRequest is well under 4 KiB). */
    public static final int MAX_BODY = 64 * 1024;

    /**
     * How to run.
     *
     * @param bindAddress where to listen (loopback unless the user asked otherwise)
     * @param port the port, 0 for any free one
     * @param bearerToken the token requests must carry, or null for none
     * @param authDisabled accept every request whatever its {@code Authorization} header
     * @param tls the TLS context to serve HTTPS with, or null for plain HTTP
     * @param clock decides expiry
     * @param allowedHosts host names served besides localhost, IP literals and {@code host.docker.internal}
     */
    public record Settings(InetAddress bindAddress, int port, String bearerToken, boolean authDisabled,
            SSLContext tls, Clock clock, List<String> allowedHosts) {

        /** Checks the ranges. */
        public Settings {
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(clock, "clock");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
            allowedHosts = List.copyOf(allowedHosts);
            if (bearerToken != null && bearerToken.isEmpty()) {
                bearerToken = null;
            }
        }

        @Override
        public String toString() {
            return "Settings[bindAddress=" + bindAddress.getHostAddress() + ", port=" + port + ", bearerToken="
                    + (bearerToken == null ? "none" : "****") + ", authDisabled=" + authDisabled + ", tls="
                    + (tls != null) + ", allowedHosts=" + allowedHosts + "]";
        }
    }

    private final SlotStore slots;
    private final BearerAuth auth;
    private final HostCheck hosts;
    private final boolean loopbackOnly;
    private final boolean tls;
    private final CountDownLatch closed = new CountDownLatch(1);
    private ConnectionServer server;

    private EcsCredentialsServer(Settings s) {
        this.slots = new SlotStore(s.clock());
        this.auth = s.authDisabled() ? BearerAuth.disabled() : BearerAuth.requiring(s.bearerToken());
        this.hosts = HostCheck.allowing(s.allowedHosts());
        this.loopbackOnly = s.bindAddress().isLoopbackAddress();
        this.tls = s.tls() != null;
    }

    /**
     * Binds and starts serving.
     *
     * @throws AwsSsoException when the address cannot be bound (port in use, ...)
     * @throws IllegalArgumentException when an allowed host is not a host name
     */
    public static EcsCredentialsServer start(Settings s) {
        return start(s, ConnectionServer.Limits.defaults());
    }

    /** Binds and starts serving with these connection limits (tests shorten them). */
    static EcsCredentialsServer start(Settings s, ConnectionServer.Limits limits) {
        EcsCredentialsServer ecs = new EcsCredentialsServer(s);
        try {
            ecs.server = ConnectionServer.start(new InetSocketAddress(s.bindAddress(), s.port()), s.tls(),
                    new EcsRoutes(ecs.slots, ecs.auth, ecs.hosts), limits, s.clock());
        } catch (IOException e) {
            throw new AwsSsoException("cannot listen on " + s.bindAddress().getHostAddress() + ":" + s.port()
                    + ": " + e.getMessage() + " (is another ECS server running? choose another --port)", e);
        }
        ecs.announce(s);
        return ecs;
    }

    private void announce(Settings s) {
        String where = (tls ? "https" : "http") + "://" + hostForUrl(s.bindAddress()) + ":" + port() + "/";
        if (!loopbackOnly) {
            LOG.warn("the ECS server listens on {}, which is reachable from other machines: anyone who can "
                    + "reach it{} can read the loaded credentials", where, auth.enabled() && s.bearerToken() != null
                    ? " and knows the bearer token" : "");
        }
        if (s.authDisabled()) {
            LOG.warn("ECS server authentication is DISABLED (--disable-auth): any local process can read the "
                    + "loaded credentials");
        } else if (s.bearerToken() == null) {
            LOG.warn("NO ECS SERVER BEARER TOKEN IS CONFIGURED: any local process can read the loaded credentials, "
                    + "and requests that send an Authorization header are refused. "
                    + "Set one with `aws-sso setup ecs auth --bearer-token <token>`");
        } else {
            LOG.info("ECS server authentication is enabled (bearer token)");
        }
        if (!tls) {
            LOG.info("ECS server serves plain HTTP");
        }
        LOG.info("ECS server listening on {}; Host headers accepted: {}", where, hosts);
    }

    private static String hostForUrl(InetAddress a) {
        String h = a.getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /** The bound port. */
    public int port() {
        return server.address().getPort();
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** Whether the server speaks HTTPS. */
    public boolean tls() {
        return tls;
    }

    /** Whether requests are checked against a token (false with {@code --disable-auth}). */
    public boolean authEnabled() {
        return auth.enabled();
    }

    /** The server's memory, for loading the default slot in-process ({@code ecs server --default}). */
    public SlotStore slots() {
        return slots;
    }

    /** Blocks until {@link #close()} has run (or the thread is interrupted). */
    public void awaitClosed() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops listening at once, lets answers in progress finish (up to two seconds), drops every
     * loaded credential, and ends the threads. Idempotent.
     */
    @Override
    public void close() {
        if (closed.getCount() == 0) {
            return;
        }
        synchronized (this) {
            if (closed.getCount() == 0) {
                return;
            }
            server.close();
            slots.clear();
            closed.countDown();
        }
        LOG.info("ECS server stopped");
    }
}

package io.awssso.core.internal.ecs;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.awssso.api.AwsSsoException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ECS credentials server (reference section 7): the container-credentials endpoint that AWS
 * SDKs read through {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, on the JDK's HTTP(S) server.
 *
 * <p>Routes: {@code GET|PUT|DELETE /} (default slot), {@code GET /profile}, {@code GET /slot},
 * {@code GET|PUT|DELETE /slot/<escaped profile>}, and the unauthenticated {@code GET /healthcheck}
 * and {@code /healthcheck/slot/<p>}. Every other answer is {@code {"code":"<n>","message":"..."}}.
 * Bodies are capped at {@value #MAX_BODY} bytes (413 beyond). Each request logs one line at
 * INFO (remote address, method, path, status, duration), never a header or a body.
 */
public final class EcsCredentialsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EcsCredentialsServer.class);

    /** The largest request body accepted (an ECSClientRequest is well under 4 KiB). */
    public static final int MAX_BODY = 64 * 1024;

    static {
        // The JDK server writes headers and body as two segments; without TCP_NODELAY, Nagle plus the
        // client's delayed ACK add ~40 ms to every keep-alive request. Read once per JVM, so set it
        // before the first HttpServer exists, unless the user chose otherwise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // A client that sends half a request holds a handler thread until this many seconds pass; without
        // it a few stalled connections could starve the pool.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
    }

    private static final byte[] OK = EcsJson.status(200, "OK");
    private static final byte[] EXPIRED = EcsJson.status(404, "Credentials expired");
    private static final byte[] UNAVAILABLE = EcsJson.status(404, "Credentials unavailable");
    private static final byte[] FORBIDDEN = EcsJson.status(403, "Invalid authorization token");
    private static final byte[] BAD_HOST = EcsJson.status(403, "Invalid Host header");
    private static final byte[] BAD_REQUEST = EcsJson.status(400, "Bad request");
    private static final byte[] TOO_LARGE = EcsJson.status(413, "Request body too large");
    private static final byte[] INTERNAL = EcsJson.status(500, "Internal server error");

    /**
     * How to run.
     *
     * @param bindAddress where to listen (loopback unless the user asked otherwise)
     * @param port the port, 0 for any free one
     * @param bearerToken the token requests must carry, or null for none
     * @param authDisabled accept every request whatever its {@code Authorization} header
     * @param tls the TLS context to serve HTTPS with, or null for plain HTTP
     * @param clock decides expiry
     * @param threads request-handling threads
     */
    public record Settings(InetAddress bindAddress, int port, String bearerToken, boolean authDisabled,
            SSLContext tls, Clock clock, int threads) {

        /** Checks the ranges. */
        public Settings {
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(clock, "clock");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            if (bearerToken != null && bearerToken.isEmpty()) {
                bearerToken = null;
            }
        }

        @Override
        public String toString() {
            return "Settings[bindAddress=" + bindAddress.getHostAddress() + ", port=" + port + ", bearerToken="
                    + (bearerToken == null ? "none" : "****") + ", authDisabled=" + authDisabled + ", tls="
                    + (tls != null) + ", threads=" + threads + "]";
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final SlotStore slots;
    private final BearerAuth auth;
    private final boolean loopbackOnly;
    private final boolean tls;
    private final CountDownLatch closed = new CountDownLatch(1);

    private EcsCredentialsServer(HttpServer server, ExecutorService executor, Settings s) {
        this.server = server;
        this.executor = executor;
        this.slots = new SlotStore(s.clock());
        this.auth = s.authDisabled() ? BearerAuth.disabled() : BearerAuth.requiring(s.bearerToken());
        this.loopbackOnly = s.bindAddress().isLoopbackAddress();
        this.tls = s.tls() != null;
    }

    /**
     * Binds and starts serving.
     *
     * @throws AwsSsoException when the address cannot be bound (port in use, ...)
     */
    public static EcsCredentialsServer start(Settings s) {
        InetSocketAddress address = new InetSocketAddress(s.bindAddress(), s.port());
        HttpServer server;
        try {
            if (s.tls() != null) {
                HttpsServer https = HttpsServer.create(address, 256);
                https.setHttpsConfigurator(new HttpsConfigurator(s.tls()) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters p = s.tls().getDefaultSSLParameters();
                        p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                        params.setSSLParameters(p);
                    }
                });
                server = https;
            } else {
                server = HttpServer.create(address, 256);
            }
        } catch (IOException e) {
            throw new AwsSsoException("cannot listen on " + s.bindAddress().getHostAddress() + ":" + s.port()
                    + ": " + e.getMessage() + " (is another ECS server running? choose another --port)", e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(s.threads(), s.threads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "aws-sso-ecs-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        server.setExecutor(executor);
        EcsCredentialsServer ecs = new EcsCredentialsServer(server, executor, s);
        server.createContext("/", ecs::handle);
        server.start();
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
        LOG.info("ECS server listening on {}", where);
    }

    private static String hostForUrl(InetAddress a) {
        String h = a.getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The bound address. */
    public InetSocketAddress address() {
        return server.getAddress();
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
     * Stops listening at once, lets requests in progress finish (up to two seconds), drops every
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
            server.stop(0);
            // Requests already being answered finish (and log their line) before close returns.
            executor.shutdown();
            try {
                if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            slots.clear();
            closed.countDown();
        }
        LOG.info("ECS server stopped");
    }

    private void handle(HttpExchange ex) {
        long start = System.nanoTime();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        int status = 0;
        try {
            Answer a;
            try {
                a = answer(ex, method, path);
            } catch (EcsRequestException e) {
                a = new Answer(e.status(), EcsJson.status(e.status(), e.getMessage()));
            }
            status = a.status();
            send(ex, a);
        } catch (IOException e) {
            LOG.debug("ECS server: {} {}: connection failed: {}", method, path, e.toString());
        } catch (RuntimeException e) {
            // Answer rather than drop the connection, and keep serving; the message may hold data, so it
            // is not logged above debug.
            LOG.warn("ECS server: {} {} failed with {}", method, path, e.getClass().getName());
            LOG.debug("ECS server failure", e);
            status = 500;
            try {
                send(ex, new Answer(500, INTERNAL));
            } catch (IOException | RuntimeException ignored) {
                status = 0;
            }
        } finally {
            ex.close();
            if (LOG.isInfoEnabled()) {
                InetSocketAddress remote = ex.getRemoteAddress();
                LOG.info("{} {} {} {} {}ms", remote == null ? "-" : remote.getAddress().getHostAddress(), method,
                        path, status == 0 ? "-" : status, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    /** A status and a prepared JSON body. */
    private record Answer(int status, byte[] body) {
    }

    private static void send(HttpExchange ex, Answer a) throws IOException {
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(a.status(), a.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(a.body());
        }
    }

    private Answer answer(HttpExchange ex, String method, String path) throws IOException {
        if (loopbackOnly && !loopbackHost(ex.getRequestHeaders().getFirst("Host"))) {
            // A web page that rebinds its DNS name to 127.0.0.1 would be same-origin with us; it
            // cannot choose the Host header, which still names its own domain.
            return new Answer(403, BAD_HOST);
        }
        if (path.equals("/healthcheck")) {
            return get(method) ? health(slots.defaultSlot(), "no credentials loaded") : bad();
        }
        if (path.startsWith("/healthcheck/slot/")) {
            Optional<String> name = decode(path.substring("/healthcheck/slot/".length()));
            return get(method) ? health(name.flatMap(slots::slot), "slot not found") : bad();
        }
        if (!auth.accepts(ex.getRequestHeaders().get("Authorization"))) {
            return new Answer(403, FORBIDDEN);
        }
        if (path.equals("/")) {
            return defaultSlot(ex, method);
        }
        if (path.equals("/profile")) {
            return get(method) ? profile() : bad();
        }
        if (path.equals("/slot")) {
            return switch (method) {
                case "GET" -> list();
                case "DELETE" -> new Answer(404, UNAVAILABLE); // "delete all" is documented, never implemented
                default -> bad();
            };
        }
        if (path.startsWith("/slot/")) {
            Optional<String> name = decode(path.substring("/slot/".length()));
            if (name.isEmpty()) {
                return new Answer(404, UNAVAILABLE);
            }
            return namedSlot(ex, method, name.get());
        }
        return new Answer(404, UNAVAILABLE);
    }

    private static boolean get(String method) {
        return method.equals("GET");
    }

    private static Answer bad() {
        return new Answer(400, BAD_REQUEST);
    }

    private Answer defaultSlot(HttpExchange ex, String method) throws IOException {
        switch (method) {
            case "GET": {
                Optional<SlotStore.Slot> s = slots.defaultSlot();
                return s.isEmpty() || slots.expired(s.get().credentials())
                        ? new Answer(404, EXPIRED) : new Answer(200, s.get().body());
            }
            case "PUT": {
                LoadRequest r = EcsJson.parseLoadRequest(body(ex));
                if (slots.expired(r.credentials())) {
                    return new Answer(404, EXPIRED);
                }
                slots.putDefault(r);
                return new Answer(200, OK);
            }
            case "DELETE":
                return slots.clearDefault() ? new Answer(200, OK) : new Answer(404, EXPIRED);
            default:
                return bad();
        }
    }

    private Answer namedSlot(HttpExchange ex, String method, String name) throws IOException {
        switch (method) {
            case "GET": {
                Optional<SlotStore.Slot> s = slots.slot(name);
                if (s.isEmpty()) {
                    return new Answer(404, UNAVAILABLE);
                }
                return slots.expired(s.get().credentials()) ? new Answer(404, EXPIRED) : new Answer(200, s.get().body());
            }
            case "PUT": {
                LoadRequest r = EcsJson.parseLoadRequest(body(ex));
                if (slots.expired(r.credentials())) {
                    return new Answer(500, EcsJson.status(500, "Credentials expired"));
                }
                slots.putSlot(r);
                return new Answer(200, OK);
            }
            case "DELETE":
                return slots.remove(name) ? new Answer(200, OK) : new Answer(404, UNAVAILABLE);
            default:
                return bad();
        }
    }

    private Answer profile() {
        Optional<SlotStore.Slot> s = slots.defaultSlot();
        if (s.isEmpty()) {
            return new Answer(404, UNAVAILABLE);
        }
        if (slots.expired(s.get().credentials())) {
            return new Answer(404, EXPIRED);
        }
        return new Answer(200, EcsJson.profile(s.get().profileName(), s.get().credentials(), slots.now())
                .getBytes(StandardCharsets.UTF_8));
    }

    private Answer list() {
        List<String> out = new ArrayList<>();
        for (SlotStore.Slot s : slots.unexpiredSlots()) {
            out.add(EcsJson.profile(s.profileName(), s.credentials(), slots.now()));
        }
        return new Answer(200, EcsJson.array(out));
    }

    private Answer health(Optional<SlotStore.Slot> slot, String missing) {
        if (slot.isEmpty()) {
            return new Answer(503, EcsJson.unhealthy(missing));
        }
        if (slots.expired(slot.get().credentials())) {
            return new Answer(503, EcsJson.unhealthy("credentials expired"));
        }
        return new Answer(200, EcsJson.healthy(slot.get().profileName(), slot.get().credentials()));
    }

    /** The request body, at most {@link #MAX_BODY} bytes. */
    private static byte[] body(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY) {
                    throw new EcsRequestException(413, "Request body too large");
                }
            } catch (NumberFormatException e) {
                throw new EcsRequestException(400, "Bad request");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) > 0) {
                if (buffer.size() + n > MAX_BODY) {
                    throw new EcsRequestException(413, "Request body too large");
                }
                buffer.write(chunk, 0, n);
            }
            return buffer.toByteArray();
        }
    }

    /** Percent-decodes one path segment ({@code +} stays a plus, as in a URL path). */
    static Optional<String> decode(String raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }

    /** Whether a Host header names this machine: {@code localhost} or a loopback IP literal. */
    static boolean loopbackHost(String host) {
        if (host == null) {
            return true; // HTTP/1.0 clients send none; a browser always does
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).equals("::1");
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            h = h.substring(0, colon);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }
}

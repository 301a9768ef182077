package io.awssso.testkit.internal.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.awssso.testkit.Call;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.Operation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: one {@link HttpServer} on 127.0.0.1 serving all services (their paths are
 * disjoint), applying latency, rate limits and injected failures before dispatching.
 */
public final class EmulatorServer implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

    static {
        // The JDK server writes headers and body as two segments; without TCP_NODELAY, Nagle plus the
        // client's delayed ACK add ~40 ms to every keep-alive request, which would swamp benchmarks.
        // The JDK reads this once per JVM, so set it before any HttpServer exists (unless the user chose).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final EmulatorState state;
    private final OidcApi oidc;
    private final PortalApi portal;
    private final StsApi sts;
    private final FederationApi federation;
    private final WebPages pages;
    private HttpServer server;
    private ExecutorService executor;

    public EmulatorServer(EmulatorState state) {
        this.state = state;
        this.oidc = new OidcApi(state);
        this.portal = new PortalApi(state);
        this.sts = new StsApi(state);
        this.federation = new FederationApi(state);
        this.pages = new WebPages(state);
    }

    /** Binds 127.0.0.1:{@code port} (0 = ephemeral) and starts serving; returns the bound port. */
    public synchronized int start(int port, int threads) {
        if (server != null) {
            throw new IllegalStateException("the emulator is already started");
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "identity-center-emulator-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(executor);
            s.createContext("/", this);
            s.start();
            server = s;
            return s.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
    }

    /** Stops serving; idempotent. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** Issues tokens directly (no OIDC flow); see IdentityCenterEmulator.signIn. */
    public IssuedTokens signIn() {
        return oidc.signIn();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            Request req = Request.read(exchange);
            Operation op = classify(req);
            Map<String, String> params = new HashMap<>();
            params.put(Call.METHOD, req.method);
            params.put(Call.PATH, req.path);
            Response resp;
            try {
                resp = serve(op, req, params);
            } catch (IllegalArgumentException e) {
                resp = badRequest(op, e.getMessage());
            } catch (RuntimeException | LinkageError e) {
                // Answer rather than drop the connection, so a bug shows up as a 500 in the test.
                LOG.warn("{} failed", op, e);
                resp = failure(op);
            }
            // Record before answering, so a test that has its answer also sees the call in the log.
            state.record(op, resp.status, resp.errorCode, params);
            LOG.debug("{} {} -> {} {} {}", req.method, req.path, op, resp.status,
                    resp.errorCode == null ? "" : resp.errorCode);
            write(exchange, resp);
        } catch (IOException | RuntimeException e) {
            LOG.debug("connection problem", e);
        } finally {
            exchange.close();
        }
    }

    private Operation classify(Request req) {
        String m = req.method;
        switch (req.path) {
            case "/client/register":
                return m.equals("POST") ? Operation.REGISTER_CLIENT : Operation.UNKNOWN;
            case "/device_authorization":
                return m.equals("POST") ? Operation.START_DEVICE_AUTHORIZATION : Operation.UNKNOWN;
            case "/token":
                return m.equals("POST") ? Operation.CREATE_TOKEN : Operation.UNKNOWN;
            case "/authorize":
                return Operation.AUTHORIZE;
            case "/device":
                return Operation.VERIFY_DEVICE;
            case "/start", "/start/":
                return Operation.START_PAGE;
            case "/assignment/accounts":
                return m.equals("GET") ? Operation.LIST_ACCOUNTS : Operation.UNKNOWN;
            case "/assignment/roles":
                return m.equals("GET") ? Operation.LIST_ACCOUNT_ROLES : Operation.UNKNOWN;
            case "/federation/credentials":
                return m.equals("GET") ? Operation.GET_ROLE_CREDENTIALS : Operation.UNKNOWN;
            case "/logout":
                return m.equals("POST") ? Operation.LOGOUT : Operation.UNKNOWN;
            case "/federation": {
                String action = req.query.getOrDefault("Action", "");
                if (action.equalsIgnoreCase("getSigninToken")) {
                    return Operation.GET_SIGNIN_TOKEN;
                }
                return action.equalsIgnoreCase("login") ? Operation.CONSOLE_LOGIN : Operation.UNKNOWN;
            }
            case "/", "": {
                String action = req.form().getOrDefault("Action", "");
                if (action.equals("AssumeRole")) {
                    return Operation.ASSUME_ROLE;
                }
                return action.equals("GetCallerIdentity") ? Operation.GET_CALLER_IDENTITY : Operation.UNKNOWN;
            }
            default:
                return Operation.UNKNOWN;
        }
    }

    /**
     * Like a real service, the emulator decides a call (rate limit, injected failure, answer) when
     * the request arrives, half-way through its latency, and the answer takes the other half back:
     * a client learns of a throttle only after calls it sent meanwhile have reached the bucket.
     */
    private Response serve(Operation op, Request req, Map<String, String> params) {
        long latency = state.latency(op).toNanos();
        try {
            if (latency == 0) {
                return decide(op, req, params);
            }
            TimeUnit.NANOSECONDS.sleep(latency / 2);
            Response r = decide(op, req, params);
            TimeUnit.NANOSECONDS.sleep(latency - latency / 2);
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(op);
        }
    }

    private Response decide(Operation op, Request req, Map<String, String> params) {
        if (!state.allow(op)) {
            return throttled(op);
        }
        if (state.injectFailure(op)) {
            return failure(op);
        }
        return switch (op) {
            case REGISTER_CLIENT -> oidc.registerClient(req, params);
            case START_DEVICE_AUTHORIZATION -> oidc.startDeviceAuthorization(req, params);
            case CREATE_TOKEN -> oidc.createToken(req, params);
            case AUTHORIZE -> req.method.equals("POST") ? pages.authorizePost(req, params) : pages.authorizeGet(req, params);
            case VERIFY_DEVICE -> req.method.equals("POST") ? pages.devicePost(req) : pages.deviceGet(req);
            case START_PAGE -> pages.start();
            case LIST_ACCOUNTS -> portal.listAccounts(req, params);
            case LIST_ACCOUNT_ROLES -> portal.listAccountRoles(req, params);
            case GET_ROLE_CREDENTIALS -> portal.getRoleCredentials(req, params);
            case LOGOUT -> portal.logout(req);
            case ASSUME_ROLE -> sts.assumeRole(req, params);
            case GET_CALLER_IDENTITY -> sts.getCallerIdentity(req, params);
            case GET_SIGNIN_TOKEN -> federation.getSigninToken(req, params);
            case CONSOLE_LOGIN -> federation.login(req);
            case UNKNOWN -> unknown(req);
        };
    }

    private Response unknown(Request req) {
        if (req.path.equals("/") || req.path.isEmpty()) {
            return sts.invalidAction(req.form().getOrDefault("Action", "(none)"));
        }
        return Response.portalError(404, "UnknownOperationException", "No operation at " + req.method + " " + req.path);
    }

    private static Response throttled(Operation op) {
        return switch (op.service()) {
            case OIDC -> Response.oidcError(400, "SlowDownException", "slow_down", "Too many requests, slow down");
            case PORTAL -> Response.portalError(429, "TooManyRequestsException", "Too many requests");
            case STS -> Response.stsError(400, "Throttling", "Rate exceeded");
            default -> Response.text(429, "Too many requests", "Throttling");
        };
    }

    private static Response failure(Operation op) {
        return switch (op.service()) {
            case OIDC -> Response.oidcError(500, "InternalServerException", "server_error", "An internal error occurred");
            case PORTAL -> Response.portalError(500, "InternalServerException", "An internal error occurred");
            case STS -> Response.stsError(500, "InternalFailure", "An internal error occurred");
            default -> Response.text(500, "An internal error occurred", "InternalFailure");
        };
    }

    private static Response badRequest(Operation op, String message) {
        return switch (op.service()) {
            case OIDC -> Response.oidcError(400, "InvalidRequestException", "invalid_request", message);
            case PORTAL -> Response.portalError(400, "InvalidRequestException", message);
            case STS -> Response.stsError(400, "ValidationError", message);
            default -> Response.text(400, message, "BadRequest");
        };
    }

    private static void write(HttpExchange exchange, Response resp) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("x-amzn-RequestId", UUID.randomUUID().toString());
        headers.set("Date", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.now().atZone(java.time.ZoneOffset.UTC)));
        if (resp.contentType != null) {
            headers.set("Content-Type", resp.contentType);
        }
        resp.headers.forEach(headers::set);
        boolean head = exchange.getRequestMethod().toUpperCase(Locale.ROOT).equals("HEAD");
        if (resp.body.length == 0 || head) {
            exchange.sendResponseHeaders(resp.status, -1);
        } else {
            exchange.sendResponseHeaders(resp.status, resp.body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(resp.body);
            }
        }
    }
}

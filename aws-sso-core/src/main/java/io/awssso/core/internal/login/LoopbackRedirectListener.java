package io.awssso.core.internal.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.awssso.api.AwsSsoException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback HTTP listener that receives the browser's redirect in the PKCE flow. It is bound
 * on 127.0.0.1 (random port) <em>before</em> the browser is opened, so the redirect can never
 * race a listener that is not there yet.
 */
final class LoopbackRedirectListener implements AutoCloseable {

    static final String CALLBACK_PATH = "/oauth/callback";

    private static final String SUCCESS_PAGE = page("Authentication complete",
            "You are signed in to AWS IAM Identity Center. You can close this window and return to aws-sso.");

    private final HttpServer server;
    private final Pkce pkce;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private LoopbackRedirectListener(HttpServer server, Pkce pkce) {
        this.server = server;
        this.pkce = pkce;
    }

    /** Binds 127.0.0.1 on a free port and starts listening. */
    static LoopbackRedirectListener start(Pkce pkce) {
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            LoopbackRedirectListener l = new LoopbackRedirectListener(server, pkce);
            server.createContext("/", l::handle);
            server.start();
            return l;
        } catch (IOException e) {
            throw new AwsSsoException("cannot listen on 127.0.0.1 for the login redirect: "
                    + e.getMessage() + "; try AuthWorkflow: device_code", e);
        }
    }

    /** The redirect URI to put in the authorize request. */
    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + CALLBACK_PATH;
    }

    /**
     * Waits for the redirect and returns the authorization code.
     *
     * @throws AwsSsoException on timeout, a denied login or a forged redirect
     */
    String awaitCode(Duration timeout) {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AwsSsoException("no answer from the browser within " + timeout.toMinutes()
                    + " minutes; run `aws-sso login` again (or use AuthWorkflow: device_code"
                    + " when the browser runs on another machine)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsSsoException("interrupted while waiting for the browser", e);
        } catch (ExecutionException e) {
            throw (AwsSsoException) e.getCause();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(CALLBACK_PATH)) {
                respond(exchange, 404, page("Not found", "This is aws-sso's login listener."));
                return;
            }
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            if (!pkce.stateMatches(q.get("state"))) {
                // Not our request (or a forged one): refuse it and give up, as a browser replay
                // cannot be told apart from an attack.
                respond(exchange, 400, page("Login failed",
                        "The answer did not match this login request. Run aws-sso login again."));
                code.completeExceptionally(new AwsSsoException(
                        "the browser's answer did not match this login request (state mismatch);"
                                + " run `aws-sso login` again"));
                return;
            }
            String error = q.get("error");
            if (error != null) {
                respond(exchange, 400, page("Login failed", "IAM Identity Center answered: "
                        + escape(error) + ". Run aws-sso login again."));
                code.completeExceptionally(new AwsSsoException("the login was not approved ("
                        + error + "); run `aws-sso login` again"));
                return;
            }
            String c = q.get("code");
            if (c == null || c.isEmpty()) {
                respond(exchange, 400, page("Login failed", "No authorization code was received."));
                code.completeExceptionally(new AwsSsoException(
                        "the browser's answer carried no authorization code; run `aws-sso login` again"));
                return;
            }
            respond(exchange, 200, SUCCESS_PAGE);
            code.complete(c);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8),
                    URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String page(String title, String text) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>aws-sso: " + title
                + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + title
                + "</h1><p>" + text + "</p></body></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

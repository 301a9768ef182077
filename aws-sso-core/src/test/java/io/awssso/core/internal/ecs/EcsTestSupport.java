package io.awssso.core.internal.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;

/** A real HTTP client for the tests, and sample credentials. */
final class EcsTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "s3cr3t-T0ken_for-tests";

    private EcsTestSupport() {
    }

    static EcsCredentialsServer start(String token, boolean authDisabled, SSLContext tls, Clock clock) {
        return EcsCredentialsServer.start(new EcsCredentialsServer.Settings(InetAddress.getLoopbackAddress(), 0,
                token, authDisabled, tls, clock, java.util.List.of()));
    }

    static RoleCredentials credentials(String account, String role, Instant expiration) {
        return new RoleCredentials(RoleArn.of(AccountId.parse(account), role), "ASIA" + role.toUpperCase().replace('-', 'X'),
                "secret-of-" + role, "session-token-of-" + role, expiration, false);
    }

    /**
     * A status and body.
     *
     * @param status the HTTP status
     * @param body the body text
     */
    record Reply(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** java.net.http against a server, keep-alive by default. */
    static final class Client {
        private final HttpClient http;
        private final URI base;
        private final String authorization;

        Client(URI base, String authorization, SSLContext trust) {
            HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10));
            if (trust != null) {
                b.sslContext(trust);
            }
            this.http = b.build();
            this.base = base;
            this.authorization = authorization;
        }

        Client(EcsCredentialsServer server, String authorization) {
            this(URI.create((server.tls() ? "https" : "http") + "://127.0.0.1:" + server.port() + "/"), authorization,
                    null);
        }

        Client withAuthorization(String header) {
            return new Client(base, header, null);
        }

        Reply send(String method, String path, String body) throws IOException, InterruptedException {
            HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                r.header("Authorization", authorization);
            }
            HttpResponse<String> resp = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(resp.statusCode(), resp.body(),
                    resp.headers().firstValue("Content-Type").orElse(null));
        }

        Reply get(String path) throws IOException, InterruptedException {
            return send("GET", path, null);
        }

        Reply put(String path, String body) throws IOException, InterruptedException {
            return send("PUT", path, body);
        }

        Reply delete(String path) throws IOException, InterruptedException {
            return send("DELETE", path, null);
        }
    }

    static String loadBody(String profile, RoleCredentials c) {
        return new String(EcsJson.loadRequest(profile, c), StandardCharsets.UTF_8);
    }

    /** Writes raw bytes on a fresh connection and returns the status line and the rest. */
    static String raw(int port, byte[] request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

package io.awssso.core.internal.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.awssso.api.AccountId;
import io.awssso.api.AwsSsoException;
import io.awssso.api.RoleCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;

/**
 * Talks to a running ECS server ({@code ecs load|unload|list|profile}) with the JDK's
 * {@link HttpURLConnection}: one request per call, the bearer token in the header.
 */
public final class EcsHttpClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final String authorization;
    private final SSLContext trust;

    /**
     * A client for {@code base} ({@code http://host:port} or {@code https://...}).
     *
     * @param bearerToken the token, or null to send no {@code Authorization} header
     * @param trust the TLS context for HTTPS servers, or null for the JDK's defaults
     */
    public EcsHttpClient(URI base, String bearerToken, SSLContext trust) {
        this.base = base;
        this.authorization = bearerToken == null || bearerToken.isEmpty() ? null : "Bearer " + bearerToken;
        this.trust = trust;
    }

    /**
     * A one-line summary of one loaded profile ({@code ListProfilesResponse}).
     *
     * @param profileName the profile name
     * @param accountId the account
     * @param roleName the role
     * @param expiration when the credentials expire
     * @param expires the time left as the server wrote it
     */
    public record Profile(String profileName, AccountId accountId, String roleName, Instant expiration,
            String expires) {
    }

    /** The server's base URI. */
    public URI base() {
        return base;
    }

    /** PUTs credentials to the default slot, or to {@code /slot/<profile>} when {@code slotted}. */
    public void load(String profileName, RoleCredentials credentials, boolean slotted) {
        String path = slotted ? "/slot/" + escape(profileName) : "/";
        Reply r = call("PUT", path, EcsJson.loadRequest(profileName, credentials));
        r.requireOk();
    }

    /**
     * Deletes the default slot, or the named one.
     *
     * @return false when nothing was loaded there
     */
    public boolean unload(Optional<String> profileName) {
        Reply r = call("DELETE", profileName.map(p -> "/slot/" + escape(p)).orElse("/"), null);
        if (r.status() == 404) {
            return false;
        }
        r.requireOk();
        return true;
    }

    /** The named slots with unexpired credentials. */
    public List<Profile> list() {
        Reply r = call("GET", "/slot", null);
        r.requireOk();
        JsonNode array = r.json();
        List<Profile> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(profile(n)));
        }
        return out;
    }

    /** The default slot's profile, or empty when nothing (unexpired) is loaded there. */
    public Optional<Profile> profile() {
        Reply r = call("GET", "/profile", null);
        if (r.status() == 404) {
            return Optional.empty();
        }
        r.requireOk();
        return Optional.of(profile(r.json()));
    }

    private Profile profile(JsonNode n) {
        return new Profile(n.path("ProfileName").asText(), AccountId.parse(n.path("AccountId").asText()),
                n.path("RoleName").asText(), Instant.ofEpochSecond(n.path("Expiration").asLong()),
                n.path("Expires").asText());
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String escape(String segment) {
        StringBuilder b = new StringBuilder();
        for (byte x : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    private record Reply(String what, int status, byte[] body) {
        JsonNode json() {
            try {
                return EcsJson.read(body);
            } catch (IOException e) {
                throw new AwsSsoException(what + ": the ECS server sent a body that is not JSON");
            }
        }

        void requireOk() {
            if (status / 100 == 2) {
                return;
            }
            String message;
            try {
                JsonNode n = EcsJson.read(body);
                message = n.path("message").asText(new String(body, StandardCharsets.UTF_8));
            } catch (IOException e) {
                message = new String(body, StandardCharsets.UTF_8);
            }
            throw new AwsSsoException(what + ": the ECS server answered " + status + ": " + message
                    + (status == 403 ? " (does `aws-sso setup ecs auth` hold the token the server was started with?)"
                    : ""));
        }
    }

    private Reply call(String method, String path, byte[] body) {
        URI uri = base.resolve(path);
        String what = method + " " + uri;
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            if (c instanceof HttpsURLConnection https && trust != null) {
                https.setSSLSocketFactory(trust.getSocketFactory());
            }
            c.setRequestMethod(method);
            c.setConnectTimeout((int) TIMEOUT.toMillis());
            c.setReadTimeout((int) TIMEOUT.toMillis());
            c.setRequestProperty("Accept", "application/json");
            if (authorization != null) {
                c.setRequestProperty("Authorization", authorization);
            }
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            byte[] reply = in == null ? new byte[0] : readAll(in);
            return new Reply(what, status, reply);
        } catch (IOException e) {
            throw new AwsSsoException("cannot reach the ECS server at " + base + ": " + e.getMessage()
                    + " (is `aws-sso ecs server` running there? set --server or AWS_SSO_ECS_SERVER)", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readNBytes(EcsCredentialsServer.MAX_BODY * 16);
        }
    }
}

package io.awssso.core.internal.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.api.AwsSsoException;
import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The console federation endpoint ({@code /federation}): trades role credentials for a sign-in
 * token and builds the login URL. Neither the credentials nor the token ever reach a log or an
 * exception message: the request URL carries the credentials, the login URL the token.
 */
public final class FederationClient {
    /** The shortest console session, in minutes. */
    public static final int MIN_MINUTES = 15;
    /** The longest console session Identity Center allows, in minutes. */
    public static final int MAX_MINUTES = 720;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI endpoint;
    private final Duration timeout;

    /**
     * @param endpoint the {@code /federation} URL ({@link ConsoleEndpoints#federationUrl}, or an override)
     * @param timeout connect and read timeout
     */
    public FederationClient(URI endpoint, Duration timeout) {
        if (!endpoint.isAbsolute() || endpoint.getRawQuery() != null) {
            throw new ConfigurationException("the federation endpoint must be an absolute URL without a query: "
                    + endpoint);
        }
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    /** Checks a console duration ({@code --duration}, {@code ConsoleDuration}). */
    public static int checkMinutes(int minutes) {
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("the console duration must be " + MIN_MINUTES + " to "
                    + MAX_MINUTES + " minutes, not " + minutes);
        }
        return minutes;
    }

    /**
     * A sign-in token for {@code credentials} ({@code Action=getSigninToken}). Role-chained
     * credentials get no {@code SessionDuration}, which the endpoint refuses for them.
     *
     * @param minutes the console session length, when the credentials allow one
     * @throws AwsSsoException with the HTTP status when the endpoint refuses
     */
    public String signinToken(RoleCredentials credentials, int minutes) {
        ObjectNode session = MAPPER.createObjectNode();
        session.put("sessionId", credentials.accessKeyId());
        session.put("sessionKey", credentials.secretAccessKey());
        session.put("sessionToken", credentials.sessionToken());
        StringBuilder query = new StringBuilder("Action=getSigninToken");
        if (!credentials.roleChaining()) {
            query.append("&SessionDuration=").append(checkMinutes(minutes) * 60);
        }
        query.append("&Session=").append(encode(session.toString()));
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create(endpoint + "?" + query).toURL().openConnection();
            c.setConnectTimeout((int) timeout.toMillis());
            c.setReadTimeout((int) timeout.toMillis());
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("Accept", "application/json");
            int status = c.getResponseCode();
            if (status != 200) {
                throw new AwsSsoException("unable to sign in to the AWS console: the federation endpoint answered "
                        + status + detail(c));
            }
            JsonNode body;
            try (InputStream in = c.getInputStream()) {
                body = MAPPER.readTree(in);
            }
            JsonNode token = body == null ? null : body.get("SigninToken");
            if (token == null || !token.isTextual() || token.asText().isEmpty()) {
                throw new AwsSsoException("unable to sign in to the AWS console: the federation endpoint sent no"
                        + " SigninToken");
            }
            return token.asText();
        } catch (IOException e) {
            // the exception text of URLConnection may hold the URL, which holds the credentials
            throw new AwsSsoException("unable to sign in to the AWS console: cannot reach " + endpoint.getHost()
                    + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /**
     * The console login URL ({@code Action=login}).
     *
     * @param issuer where the console sends the user when the session ends (the start URL)
     * @param destination the console page to open
     */
    public String loginUrl(String issuer, String destination, String signinToken) {
        return endpoint + "?Action=login&Issuer=" + encode(issuer) + "&Destination=" + encode(destination)
                + "&SigninToken=" + encode(signinToken);
    }

    /** The endpoint's own short error text, which names what it refused (it holds no secrets). */
    private static String detail(HttpURLConnection c) {
        try (InputStream err = c.getErrorStream()) {
            if (err == null) {
                return "";
            }
            String text = new String(err.readNBytes(300), StandardCharsets.UTF_8).strip();
            if (text.isEmpty() || text.toLowerCase(Locale.ROOT).contains("<html")) {
                return "";
            }
            return ": " + text.lines().findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The default endpoint of {@code ssoRegion}'s partition, or {@code override} when given. */
    public static URI endpoint(String ssoRegion, Optional<String> override) {
        return URI.create(override.filter(s -> !s.isBlank()).orElseGet(() -> ConsoleEndpoints.of(ssoRegion)
                .federationUrl(ssoRegion)));
    }
}

package io.awssso.testkit.internal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.testkit.Approval;
import io.awssso.testkit.Call;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.internal.emulator.EmulatorState.AccessTokenEntry;
import io.awssso.testkit.internal.emulator.EmulatorState.AuthCodeEntry;
import io.awssso.testkit.internal.emulator.EmulatorState.ClientEntry;
import io.awssso.testkit.internal.emulator.EmulatorState.DeviceEntry;
import io.awssso.testkit.internal.emulator.EmulatorState.DeviceStatus;
import io.awssso.testkit.internal.emulator.EmulatorState.RefreshTokenEntry;
import io.awssso.testkit.internal.emulator.EmulatorState.Session;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SSO OIDC: RegisterClient, StartDeviceAuthorization, CreateToken (restJson1). */
final class OidcApi {
    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String AUTHORIZATION_CODE_GRANT = "authorization_code";
    static final String REFRESH_TOKEN_GRANT = "refresh_token";
    private static final Set<String> GRANT_TYPES = Set.of(DEVICE_CODE_GRANT, AUTHORIZATION_CODE_GRANT, REFRESH_TOKEN_GRANT);

    private final EmulatorState state;

    OidcApi(EmulatorState state) {
        this.state = state;
    }

    Response registerClient(Request req, Map<String, String> params) {
        JsonNode in = req.json(Response.MAPPER);
        String name = text(in, "clientName");
        String type = text(in, "clientType");
        if (name == null || name.isBlank() || type == null) {
            return invalidRequest("clientName and clientType are required");
        }
        if (!"public".equals(type)) {
            return Response.oidcError(400, "InvalidClientMetadataException", "invalid_client_metadata",
                    "Invalid client type: " + type);
        }
        List<String> scopes = list(in, "scopes");
        List<String> redirectUris = list(in, "redirectUris");
        List<String> grantTypes = list(in, "grantTypes");
        for (String g : grantTypes) {
            if (!GRANT_TYPES.contains(g)) {
                return Response.oidcError(400, "UnsupportedGrantTypeException", "unsupported_grant_type",
                        "Unsupported grant type: " + g);
            }
        }
        for (String uri : redirectUris) {
            if (!loopback(uri)) {
                return Response.oidcError(400, "InvalidRedirectUriException", "invalid_redirect_uri",
                        "Redirect URI must be a loopback http URI");
            }
        }
        Instant now = state.clock.instant();
        ClientEntry c = new ClientEntry(Secrets.alnum(22), "eyJ" + Secrets.base64Url(180), name, scopes, redirectUris,
                grantTypes, now, now.plus(state.clientRegistrationLifetime));
        state.clients.put(c.clientId(), c);
        state.secret(c.clientSecret());
        params.put(Call.CLIENT_ID, c.clientId());
        ObjectNode out = Response.MAPPER.createObjectNode();
        out.put("clientId", c.clientId());
        out.put("clientSecret", c.clientSecret());
        out.put("clientIdIssuedAt", c.issuedAt().getEpochSecond());
        out.put("clientSecretExpiresAt", c.expiresAt().getEpochSecond());
        out.put("authorizationEndpoint", state.endpoint + "/authorize");
        out.put("tokenEndpoint", state.endpoint + "/token");
        return Response.json(200, out);
    }

    Response startDeviceAuthorization(Request req, Map<String, String> params) {
        JsonNode in = req.json(Response.MAPPER);
        String clientId = text(in, "clientId");
        String clientSecret = text(in, "clientSecret");
        String startUrl = text(in, "startUrl");
        if (clientId == null || clientSecret == null || startUrl == null || startUrl.isBlank()) {
            return invalidRequest("clientId, clientSecret and startUrl are required");
        }
        params.put(Call.CLIENT_ID, clientId);
        ClientEntry client = client(clientId, clientSecret);
        if (client == null) {
            return invalidClient();
        }
        Instant now = state.clock.instant();
        String userCode;
        do {
            userCode = Secrets.userCode();
        } while (state.devicesByUserCode.containsKey(userCode));
        Duration interval = state.pollInterval;
        DeviceEntry d = new DeviceEntry(Secrets.base64Url(43), userCode, clientId,
                now.plus(state.deviceCodeLifetime), interval);
        state.devicesByCode.put(d.deviceCode, d);
        state.devicesByUserCode.put(userCode, d);
        state.secret(d.deviceCode);
        ObjectNode out = Response.MAPPER.createObjectNode();
        out.put("deviceCode", d.deviceCode);
        out.put("userCode", userCode);
        out.put("verificationUri", state.endpoint + "/device");
        out.put("verificationUriComplete", state.endpoint + "/device?user_code=" + userCode);
        out.put("expiresIn", state.deviceCodeLifetime.toSeconds());
        out.put("interval", Math.max(1, interval.toSeconds()));
        return Response.json(200, out);
    }

    Response createToken(Request req, Map<String, String> params) {
        JsonNode in = req.json(Response.MAPPER);
        String clientId = text(in, "clientId");
        String clientSecret = text(in, "clientSecret");
        String grantType = text(in, "grantType");
        // The verifier is a secret the client sent us; a leak test must be able to look for it.
        state.secret(text(in, "codeVerifier"));
        if (grantType != null) {
            params.put(Call.GRANT_TYPE, grantType);
        }
        if (clientId == null || clientSecret == null || grantType == null) {
            return invalidRequest("clientId, clientSecret and grantType are required");
        }
        params.put(Call.CLIENT_ID, clientId);
        ClientEntry client = client(clientId, clientSecret);
        if (client == null) {
            return invalidClient();
        }
        return switch (grantType) {
            case DEVICE_CODE_GRANT -> deviceCode(client, text(in, "deviceCode"));
            case AUTHORIZATION_CODE_GRANT -> authorizationCode(client, text(in, "code"), text(in, "redirectUri"),
                    text(in, "codeVerifier"));
            case REFRESH_TOKEN_GRANT -> refresh(client, text(in, "refreshToken"));
            default -> Response.oidcError(400, "UnsupportedGrantTypeException", "unsupported_grant_type",
                    "Unsupported grant type: " + grantType);
        };
    }

    private Response deviceCode(ClientEntry client, String deviceCode) {
        if (deviceCode == null) {
            return invalidRequest("deviceCode is required for the device_code grant");
        }
        DeviceEntry d = state.devicesByCode.get(deviceCode);
        if (d == null || !d.clientId.equals(client.clientId())) {
            return invalidGrant("Invalid device code provided");
        }
        Instant now = state.clock.instant();
        synchronized (d) {
            if (d.status == DeviceStatus.REDEEMED) {
                return invalidGrant("Device code has already been used");
            }
            if (!now.isBefore(d.expiresAt)) {
                return Response.oidcError(400, "ExpiredTokenException", "expired_token", "Device code has expired");
            }
            Instant previous = d.lastPoll;
            d.lastPoll = now;
            if (previous != null && now.isBefore(previous.plus(d.interval))) {
                return Response.oidcError(400, "SlowDownException", "slow_down", "Client is polling too fast");
            }
            d.polls++;
            Approval approval = state.approval;
            if (d.status == DeviceStatus.PENDING) {
                if (approval.mode() == Approval.Mode.DENY) {
                    d.status = DeviceStatus.DENIED;
                } else if (approval.mode() == Approval.Mode.AUTOMATIC && d.polls > approval.pendingPolls()) {
                    d.status = DeviceStatus.APPROVED;
                }
            }
            switch (d.status) {
                case DENIED:
                    return Response.oidcError(400, "AccessDeniedException", "access_denied",
                            "The user denied the authorization request");
                case PENDING:
                    return Response.oidcError(400, "AuthorizationPendingException", "authorization_pending",
                            "Authorization is still pending");
                default:
                    d.status = DeviceStatus.REDEEMED;
            }
        }
        return tokens(client, state.newSession(now), now);
    }

    private Response authorizationCode(ClientEntry client, String code, String redirectUri, String verifier) {
        if (code == null) {
            return invalidRequest("code is required for the authorization_code grant");
        }
        AuthCodeEntry e = state.authCodes.get(code);
        Instant now = state.clock.instant();
        if (e == null || !e.request.clientId().equals(client.clientId())) {
            return invalidGrant("Invalid authorization code provided");
        }
        synchronized (e) {
            if (e.used) {
                return invalidGrant("Authorization code has already been used");
            }
            if (!now.isBefore(e.expiresAt)) {
                return invalidGrant("Authorization code has expired");
            }
            if (redirectUri == null || !redirectUri.equals(e.request.redirectUri())) {
                return invalidGrant("Redirect URI does not match the authorization request");
            }
            if (verifier == null || !s256(verifier).equals(e.request.codeChallenge())) {
                return invalidGrant("Code verifier does not match the code challenge");
            }
            e.used = true;
        }
        return tokens(client, state.newSession(now), now);
    }

    private Response refresh(ClientEntry client, String refreshToken) {
        if (refreshToken == null) {
            return invalidRequest("refreshToken is required for the refresh_token grant");
        }
        RefreshTokenEntry e = state.refreshTokens.get(refreshToken);
        Instant now = state.clock.instant();
        if (e == null || !e.clientId().equals(client.clientId())) {
            return invalidGrant("Invalid refresh token provided");
        }
        if (!state.alive(e.session(), now)) {
            return invalidGrant("Refresh token has expired: the session has ended");
        }
        return tokens(client, e.session(), now);
    }

    private Response tokens(ClientEntry client, Session session, Instant now) {
        String accessToken = "aoa" + Secrets.base64Url(160);
        AccessTokenEntry a = state.issueAccessToken(accessToken, session, client, now);
        ObjectNode out = Response.MAPPER.createObjectNode();
        out.put("accessToken", accessToken);
        out.put("tokenType", "Bearer");
        out.put("expiresIn", Math.max(0, Duration.between(now, a.expiresAt()).toSeconds()));
        if (!client.legacy()) {
            String refresh = "aor" + Secrets.base64Url(160);
            state.refreshTokens.put(refresh, new RefreshTokenEntry(session, client.clientId()));
            state.secret(refresh);
            out.put("refreshToken", refresh);
        }
        return Response.json(200, out);
    }

    /** The registration, or null when unknown, the secret is wrong or the registration expired. */
    private ClientEntry client(String clientId, String clientSecret) {
        ClientEntry c = state.clients.get(clientId);
        if (c == null || !MessageDigest.isEqual(c.clientSecret().getBytes(StandardCharsets.UTF_8),
                clientSecret.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return state.clock.instant().isBefore(c.expiresAt()) ? c : null;
    }

    /** Issues tokens for a session started outside the wire (IdentityCenterEmulator.signIn). */
    IssuedTokens signIn() {
        Instant now = state.clock.instant();
        ClientEntry c = new ClientEntry(Secrets.alnum(22), "eyJ" + Secrets.base64Url(180), "emulator-sign-in",
                List.of("sso:account:access"), List.of(), List.of(), now, now.plus(state.clientRegistrationLifetime));
        state.clients.put(c.clientId(), c);
        state.secret(c.clientSecret());
        Session s = state.newSession(now);
        String accessToken = "aoa" + Secrets.base64Url(160);
        AccessTokenEntry a = state.issueAccessToken(accessToken, s, c, now);
        String refresh = "aor" + Secrets.base64Url(160);
        state.refreshTokens.put(refresh, new RefreshTokenEntry(s, c.clientId()));
        state.secret(refresh);
        return new IssuedTokens(accessToken, refresh, c.clientId(), c.clientSecret(), a.expiresAt(), s.endsAt);
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** An http URI on a loopback host, as RFC 8252 allows for native apps. */
    static boolean loopback(String uri) {
        try {
            URI u = new URI(uri);
            String host = u.getHost();
            return "http".equalsIgnoreCase(u.getScheme()) && host != null
                    && (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost") || host.equals("[::1]"));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * Whether {@code uri} fits one of the registered redirect URIs: same scheme and host, any port
     * (RFC 8252 section 7.3), and the same path unless the registered one has none.
     */
    static boolean redirectAllowed(ClientEntry client, String uri) {
        if (uri == null || !loopback(uri)) {
            return false;
        }
        URI u = URI.create(uri);
        for (String registered : client.redirectUris()) {
            URI r = URI.create(registered);
            String rp = r.getPath() == null ? "" : r.getPath();
            boolean anyPath = rp.isEmpty() || rp.equals("/");
            if (r.getHost().equalsIgnoreCase(u.getHost()) && (anyPath || rp.equals(u.getPath()))) {
                return true;
            }
        }
        return false;
    }

    private static Response invalidRequest(String description) {
        return Response.oidcError(400, "InvalidRequestException", "invalid_request", description);
    }

    private static Response invalidGrant(String description) {
        return Response.oidcError(400, "InvalidGrantException", "invalid_grant", description);
    }

    private static Response invalidClient() {
        return Response.oidcError(401, "InvalidClientException", "invalid_client",
                "Invalid client: unknown client id, wrong secret or expired registration");
    }

    private static String text(JsonNode in, String field) {
        JsonNode n = in.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> list(JsonNode in, String field) {
        JsonNode n = in.get(field);
        List<String> out = new ArrayList<>();
        if (n instanceof ArrayNode a) {
            a.forEach(e -> out.add(e.asText()));
        }
        return out;
    }
}

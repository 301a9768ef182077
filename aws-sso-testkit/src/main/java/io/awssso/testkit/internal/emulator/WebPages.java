package io.awssso.testkit.internal.emulator;

import io.awssso.testkit.Approval;
import io.awssso.testkit.Call;
import io.awssso.testkit.internal.emulator.EmulatorState.AuthCodeEntry;
import io.awssso.testkit.internal.emulator.EmulatorState.AuthorizeRequest;
import io.awssso.testkit.internal.emulator.EmulatorState.ClientEntry;
import io.awssso.testkit.internal.emulator.EmulatorState.DeviceEntry;
import io.awssso.testkit.internal.emulator.EmulatorState.DeviceStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pages a person sees: the PKCE authorize page, the device verification page, the start page. */
final class WebPages {
    private final EmulatorState state;

    WebPages(EmulatorState state) {
        this.state = state;
    }

    Response start() {
        return Response.html(200, "AWS access portal (emulated)",
                "<p>This is the IdentityCenterEmulator's start URL. Sign in with a device code or PKCE.</p>");
    }

    Response authorizeGet(Request req, Map<String, String> params) {
        Map<String, String> q = req.query;
        String clientId = q.get("client_id");
        if (clientId != null) {
            params.put(Call.CLIENT_ID, clientId);
        }
        ClientEntry client = clientId == null ? null : state.clients.get(clientId);
        if (client == null || !state.clock.instant().isBefore(client.expiresAt())) {
            return Response.html(400, "Invalid client", "<p>The client_id is unknown or its registration expired.</p>");
        }
        String redirectUri = q.get("redirect_uri");
        if (!OidcApi.redirectAllowed(client, redirectUri)) {
            return Response.html(400, "Invalid redirect URI",
                    "<p>redirect_uri must be a loopback http URI registered for this client.</p>");
        }
        String st = q.get("state");
        if (!"code".equals(q.get("response_type"))) {
            return redirectError(redirectUri, "unsupported_response_type", st, 302);
        }
        String challenge = q.get("code_challenge");
        if (challenge == null || challenge.isBlank() || !"S256".equals(q.get("code_challenge_method"))) {
            return redirectError(redirectUri, "invalid_request", st, 302);
        }
        String scopeText = q.getOrDefault("scopes", q.getOrDefault("scope", ""));
        List<String> scopes = Arrays.stream(scopeText.split("[ ,]+")).filter(s -> !s.isBlank()).toList();
        AuthorizeRequest ar = new AuthorizeRequest(Secrets.hex(32), clientId, redirectUri, st, challenge, scopes);
        Approval approval = state.approval;
        switch (approval.mode()) {
            case DENY:
                return redirectError(redirectUri, "access_denied", st, 302);
            case AUTOMATIC:
                return redirectCode(ar, 302);
            default:
                state.pendingAuthorizations.put(ar.id(), ar);
                return Response.html(200, "Allow access?",
                        "<p>Application <b>" + Response.escape(client.clientName())
                        + "</b> asks to access your AWS accounts"
                        + (scopes.isEmpty() ? "" : " (" + Response.escape(String.join(" ", scopes)) + ")") + ".</p>\n"
                        + "<form method=\"post\" action=\"/authorize\">\n"
                        + "<input type=\"hidden\" name=\"request_id\" value=\"" + ar.id() + "\">\n"
                        + "<button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\">Allow</button>\n"
                        + "<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button>\n"
                        + "</form>");
        }
    }

    Response authorizePost(Request req, Map<String, String> params) {
        Map<String, String> f = req.form();
        String id = f.get("request_id");
        AuthorizeRequest ar = id == null ? null : state.pendingAuthorizations.remove(id);
        if (ar == null) {
            return Response.html(400, "Unknown request", "<p>This authorization request is unknown or already decided.</p>");
        }
        params.put(Call.CLIENT_ID, ar.clientId());
        if ("allow".equalsIgnoreCase(f.get("decision"))) {
            return redirectCode(ar, 303);
        }
        return redirectError(ar.redirectUri(), "access_denied", ar.state(), 303);
    }

    private Response redirectCode(AuthorizeRequest ar, int status) {
        String code = Secrets.base64Url(48);
        state.authCodes.put(code, new AuthCodeEntry(code, ar, state.clock.instant().plus(state.authCodeLifetime)));
        state.secret(code);
        StringBuilder loc = new StringBuilder(ar.redirectUri()).append(ar.redirectUri().contains("?") ? '&' : '?')
                .append("code=").append(enc(code));
        if (ar.state() != null) {
            loc.append("&state=").append(enc(ar.state()));
        }
        return Response.redirect(status, loc.toString());
    }

    private static Response redirectError(String redirectUri, String error, String st, int status) {
        StringBuilder loc = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?')
                .append("error=").append(enc(error));
        if (st != null) {
            loc.append("&state=").append(enc(st));
        }
        // Recorded under the OAuth error, though the HTTP answer itself is a redirect.
        return new Response(status, new byte[0], null, error).header("Location", loc.toString());
    }

    Response deviceGet(Request req) {
        String userCode = req.query.get("user_code");
        if (userCode == null || userCode.isBlank()) {
            return Response.html(200, "Authorize request",
                    "<form method=\"get\" action=\"/device\">\n<label>Code <input name=\"user_code\"></label>\n"
                    + "<button type=\"submit\">Next</button>\n</form>");
        }
        DeviceEntry d = device(userCode);
        if (d == null) {
            return Response.html(404, "Unknown code", "<p>This code is unknown.</p>");
        }
        if (!state.clock.instant().isBefore(d.expiresAt)) {
            return Response.html(400, "Expired code", "<p>This code has expired. Start again.</p>");
        }
        Approval approval = state.approval;
        if (approval.mode() == Approval.Mode.AUTOMATIC) {
            state.decideDevice(d.userCode, true);
            return decided(d);
        }
        if (approval.mode() == Approval.Mode.DENY) {
            state.decideDevice(d.userCode, false);
            return decided(d);
        }
        synchronized (d) {
            if (d.status != DeviceStatus.PENDING) {
                return decided(d);
            }
        }
        return Response.html(200, "Allow access?",
                "<p>Code <b>" + Response.escape(d.userCode) + "</b> asks to access your AWS accounts.</p>\n"
                + "<form method=\"post\" action=\"/device\">\n"
                + "<input type=\"hidden\" name=\"user_code\" value=\"" + Response.escape(d.userCode) + "\">\n"
                + "<button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\">Allow</button>\n"
                + "<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button>\n"
                + "</form>");
    }

    Response devicePost(Request req) {
        Map<String, String> f = req.form();
        DeviceEntry d = device(f.get("user_code"));
        if (d == null) {
            return Response.html(404, "Unknown code", "<p>This code is unknown.</p>");
        }
        if (!state.clock.instant().isBefore(d.expiresAt)) {
            return Response.html(400, "Expired code", "<p>This code has expired. Start again.</p>");
        }
        state.decideDevice(d.userCode, "allow".equalsIgnoreCase(f.get("decision")));
        return decided(d);
    }

    /** Finds a device authorization by user code as a person types it: any case, dash optional. */
    private DeviceEntry device(String userCode) {
        if (userCode == null) {
            return null;
        }
        String code = userCode.trim().toUpperCase(Locale.ROOT);
        if (code.length() == 8 && code.indexOf('-') < 0) {
            code = code.substring(0, 4) + "-" + code.substring(4);
        }
        return state.devicesByUserCode.get(code);
    }

    private static Response decided(DeviceEntry d) {
        DeviceStatus s;
        synchronized (d) {
            s = d.status;
        }
        return s == DeviceStatus.DENIED
                ? Response.html(200, "Request denied", "<p>You denied access. You can close this window.</p>")
                : Response.html(200, "Request approved", "<p>You can close this window and return to the application.</p>");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package io.awssso.testkit.internal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.testkit.Call;
import io.awssso.testkit.internal.emulator.EmulatorState.IssuedKey;
import io.awssso.testkit.internal.emulator.EmulatorState.SigninTokenEntry;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/** The console federation endpoint ({@code signin.aws.amazon.com/federation}): getSigninToken and login. */
final class FederationApi {
    private final EmulatorState state;

    FederationApi(EmulatorState state) {
        this.state = state;
    }

    Response getSigninToken(Request req, Map<String, String> params) {
        String session = req.query.get("Session");
        if (session == null) {
            return Response.federationError(400, "Session is required");
        }
        JsonNode json;
        try {
            json = Response.MAPPER.readTree(session);
        } catch (IOException e) {
            return Response.federationError(400, "Session is not valid JSON");
        }
        if (json == null || !json.hasNonNull("sessionId") || !json.hasNonNull("sessionKey")
                || !json.hasNonNull("sessionToken")) {
            return Response.federationError(400, "Session needs sessionId, sessionKey and sessionToken");
        }
        String akid = json.get("sessionId").asText();
        params.put(Call.ACCESS_KEY_ID, akid);
        IssuedKey key = state.keys.get(akid);
        if (key == null || !key.secretAccessKey().equals(json.get("sessionKey").asText())
                || !key.sessionToken().equals(json.get("sessionToken").asText())) {
            return Response.federationError(401, "The session credentials are not valid");
        }
        params.put(Call.ACCOUNT_ID, key.accountId());
        params.put(Call.ROLE_NAME, key.roleName());
        Instant now = state.clock.instant();
        if (!now.isBefore(key.expiresAt())) {
            return Response.federationError(401, "The session credentials have expired");
        }
        String duration = req.query.get("SessionDuration");
        if (duration != null) {
            // AWS refuses a console duration for role-chained credentials.
            if (key.chained()) {
                return Response.federationError(400,
                        "SessionDuration is not allowed for credentials obtained by role chaining");
            }
            int seconds;
            try {
                seconds = Integer.parseInt(duration);
            } catch (NumberFormatException e) {
                return Response.federationError(400, "SessionDuration must be a number");
            }
            if (seconds < 900 || seconds > 43200) {
                return Response.federationError(400, "SessionDuration must be between 900 and 43200");
            }
        }
        String token = Secrets.base64Url(300);
        state.signinTokens.put(token, new SigninTokenEntry(token, akid, now.plus(state.signinTokenLifetime)));
        state.secret(token);
        ObjectNode out = Response.MAPPER.createObjectNode();
        out.put("SigninToken", token);
        return Response.json(200, out);
    }

    Response login(Request req) {
        String token = req.query.get("SigninToken");
        String destination = req.query.get("Destination");
        SigninTokenEntry e = token == null ? null : state.signinTokens.get(token);
        if (e == null || !state.clock.instant().isBefore(e.expiresAt())) {
            return Response.federationError(400, "The sign-in token is not valid or has expired");
        }
        if (destination == null || destination.isBlank()) {
            return Response.federationError(400, "Destination is required");
        }
        return Response.redirect(302, destination);
    }
}

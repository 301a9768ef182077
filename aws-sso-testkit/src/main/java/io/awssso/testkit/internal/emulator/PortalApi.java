package io.awssso.testkit.internal.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.testkit.Call;
import io.awssso.testkit.internal.emulator.Directory.AccountEntry;
import io.awssso.testkit.internal.emulator.EmulatorState.AccessTokenEntry;
import io.awssso.testkit.internal.emulator.EmulatorState.IssuedKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SSO portal: ListAccounts, ListAccountRoles, GetRoleCredentials, Logout (restJson1). */
final class PortalApi {
    static final String BEARER_HEADER = "x-amz-sso_bearer_token";
    /** Page size when the caller gives none. */
    private static final int DEFAULT_PAGE = 20;

    private final EmulatorState state;

    PortalApi(EmulatorState state) {
        this.state = state;
    }

    Response listAccounts(Request req, Map<String, String> params) {
        AccessTokenEntry token = state.validAccessToken(req.header(BEARER_HEADER));
        if (token == null) {
            return unauthorized();
        }
        return page(req, params, "accounts", state.directory.size(), (offset, limit) -> {
            ArrayNode list = Response.MAPPER.createArrayNode();
            for (AccountEntry a : state.directory.accounts(offset, limit)) {
                ObjectNode n = list.addObject();
                n.put("accountId", a.accountId());
                n.put("accountName", a.name());
                n.put("emailAddress", a.email());
            }
            return Map.entry("accountList", list);
        });
    }

    Response listAccountRoles(Request req, Map<String, String> params) {
        AccessTokenEntry token = state.validAccessToken(req.header(BEARER_HEADER));
        if (token == null) {
            return unauthorized();
        }
        String accountId = req.query.get("account_id");
        if (accountId == null || accountId.isEmpty()) {
            return Response.portalError(400, "InvalidRequestException", "account_id is required");
        }
        params.put(Call.ACCOUNT_ID, accountId);
        Optional<AccountEntry> account = state.directory.account(accountId);
        if (account.isEmpty()) {
            return Response.portalError(404, "ResourceNotFoundException", "Account not found: " + accountId);
        }
        List<String> roles = account.get().roles();
        return page(req, params, "roles:" + accountId, roles.size(), (offset, limit) -> {
            ArrayNode list = Response.MAPPER.createArrayNode();
            for (int i = offset; i < roles.size() && i < offset + limit; i++) {
                ObjectNode n = list.addObject();
                n.put("roleName", roles.get(i));
                n.put("accountId", accountId);
            }
            return Map.entry("roleList", list);
        });
    }

    Response getRoleCredentials(Request req, Map<String, String> params) {
        AccessTokenEntry token = state.validAccessToken(req.header(BEARER_HEADER));
        String accountId = req.query.get("account_id");
        String roleName = req.query.get("role_name");
        if (accountId != null) {
            params.put(Call.ACCOUNT_ID, accountId);
        }
        if (roleName != null) {
            params.put(Call.ROLE_NAME, roleName);
        }
        if (token == null) {
            return unauthorized();
        }
        if (accountId == null || accountId.isEmpty() || roleName == null || roleName.isEmpty()) {
            return Response.portalError(400, "InvalidRequestException", "account_id and role_name are required");
        }
        if (!state.directory.hasRole(accountId, roleName)) {
            return Response.portalError(404, "ResourceNotFoundException", "No access");
        }
        Instant now = state.clock.instant();
        IssuedKey key = new IssuedKey("ASIA" + Secrets.upper(16), Secrets.base64(40),
                "IQoJb3JpZ2luX2Vj" + Secrets.base64(380), accountId, roleName, state.userName,
                now.plus(state.roleCredentialsLifetime), false, null);
        state.keys.put(key.accessKeyId(), key);
        state.secret(key.secretAccessKey());
        state.secret(key.sessionToken());
        ObjectNode out = Response.MAPPER.createObjectNode();
        ObjectNode rc = out.putObject("roleCredentials");
        rc.put("accessKeyId", key.accessKeyId());
        rc.put("secretAccessKey", key.secretAccessKey());
        rc.put("sessionToken", key.sessionToken());
        rc.put("expiration", key.expiresAt().toEpochMilli());
        return Response.json(200, out);
    }

    Response logout(Request req) {
        AccessTokenEntry token = state.validAccessToken(req.header(BEARER_HEADER));
        if (token == null) {
            return unauthorized();
        }
        // Ends the whole Identity Center session: its access and refresh tokens all die.
        // Role credentials already issued keep working, as the Logout documentation says.
        token.session().loggedOut = true;
        return Response.empty(200);
    }

    private interface PageWriter {
        Map.Entry<String, ArrayNode> write(int offset, int limit);
    }

    private Response page(Request req, Map<String, String> params, String listing, int total, PageWriter writer) {
        String max = req.query.get("max_result");
        int limit = DEFAULT_PAGE;
        if (max != null) {
            params.put(Call.MAX_RESULTS, max);
            try {
                limit = Integer.parseInt(max);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 100) {
                return Response.portalError(400, "InvalidRequestException",
                        "max_result must be between 1 and 100, got " + max);
            }
        }
        int offset = 0;
        String next = req.query.get("next_token");
        if (next != null) {
            EmulatorState.PageCursor cursor = state.pageTokens.get(next);
            if (cursor == null || !listing.equals(cursor.listing())) {
                return Response.portalError(400, "InvalidRequestException", "Invalid next_token");
            }
            offset = cursor.offset();
        }
        Map.Entry<String, ArrayNode> items = writer.write(offset, limit);
        ObjectNode out = Response.MAPPER.createObjectNode();
        int end = offset + items.getValue().size();
        if (end < total) {
            // Opaque and not base64-JSON, so that the AWS CLI's own --starting-token cannot be confused with it.
            String token = "pt." + Secrets.hex(40);
            state.pageTokens.put(token, new EmulatorState.PageCursor(listing, end));
            out.put("nextToken", token);
        }
        out.set(items.getKey(), items.getValue());
        return Response.json(200, out);
    }

    private static Response unauthorized() {
        return Response.portalError(401, "UnauthorizedException", "Session token not found or invalid");
    }
}

package io.awssso.testkit.internal.emulator;

import io.awssso.testkit.Call;
import io.awssso.testkit.internal.emulator.EmulatorState.IssuedKey;
import io.awssso.testkit.internal.emulator.EmulatorState.TrustRule;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** STS (awsQuery): AssumeRole and GetCallerIdentity, callers identified by their SigV4 access key. */
final class StsApi {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/(?:[\\w+=,.@/-]*/)?([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    /** Role chaining caps sessions at one hour, whatever the role's maximum. */
    private static final int CHAINED_MAX_SECONDS = 3600;

    private final EmulatorState state;

    StsApi(EmulatorState state) {
        this.state = state;
    }

    /** The caller's issued key, or an error response. */
    private Object caller(Request req, Map<String, String> params) {
        String auth = req.header("Authorization");
        Matcher m = auth == null ? null : CREDENTIAL.matcher(auth);
        if (m == null || !m.find()) {
            return Response.stsError(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }
        String akid = m.group(1);
        params.put(Call.ACCESS_KEY_ID, akid);
        IssuedKey key = state.keys.get(akid);
        String token = req.header("X-Amz-Security-Token");
        if (key == null || (token != null && !token.equals(key.sessionToken()))) {
            return Response.stsError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        if (!state.clock.instant().isBefore(key.expiresAt())) {
            return Response.stsError(400, "ExpiredTokenException", "The security token included in the request is expired");
        }
        return key;
    }

    Response getCallerIdentity(Request req, Map<String, String> params) {
        Object c = caller(req, params);
        if (c instanceof Response r) {
            return r;
        }
        IssuedKey key = (IssuedKey) c;
        return Response.xml(200, "<GetCallerIdentityResponse xmlns=\"" + Response.STS_NS + "\">\n"
                + "  <GetCallerIdentityResult>\n"
                + "    <Arn>" + Response.escape(key.assumedRoleArn()) + "</Arn>\n"
                + "    <UserId>" + Response.escape(key.userId()) + "</UserId>\n"
                + "    <Account>" + key.accountId() + "</Account>\n"
                + "  </GetCallerIdentityResult>\n"
                + metadata() + "</GetCallerIdentityResponse>\n", null);
    }

    Response assumeRole(Request req, Map<String, String> params) {
        Map<String, String> f = req.form();
        String roleArn = f.get("RoleArn");
        String sessionName = f.get("RoleSessionName");
        if (roleArn != null) {
            params.put(Call.ROLE_ARN, roleArn);
        }
        if (sessionName != null) {
            params.put(Call.ROLE_SESSION_NAME, sessionName);
        }
        Object c = caller(req, params);
        if (c instanceof Response r) {
            return r;
        }
        IssuedKey caller = (IssuedKey) c;
        if (roleArn == null || sessionName == null) {
            return Response.stsError(400, "MissingParameter", "RoleArn and RoleSessionName are required");
        }
        Matcher arn = ROLE_ARN.matcher(roleArn);
        if (!arn.matches()) {
            return Response.stsError(400, "ValidationError", "Invalid RoleArn: " + roleArn);
        }
        String accountId = arn.group(1);
        String roleName = arn.group(2);
        params.put(Call.ACCOUNT_ID, accountId);
        params.put(Call.ROLE_NAME, roleName);
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            return Response.stsError(400, "ValidationError",
                    "1 validation error detected: Value at 'roleSessionName' failed to satisfy constraint");
        }
        int seconds = 3600;
        String duration = f.get("DurationSeconds");
        if (duration != null) {
            try {
                seconds = Integer.parseInt(duration);
            } catch (NumberFormatException e) {
                return Response.stsError(400, "ValidationError", "DurationSeconds must be a number");
            }
            if (seconds < 900 || seconds > 43200) {
                return Response.stsError(400, "ValidationError",
                        "1 validation error detected: Value at 'durationSeconds' failed to satisfy constraint");
            }
        }
        // Credentials from GetRoleCredentials are role credentials too, so every AssumeRole here is chaining.
        if (seconds > CHAINED_MAX_SECONDS) {
            return Response.stsError(400, "ValidationError",
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        String externalId = f.get("ExternalId");
        TrustRule rule = state.trustRules.get(roleArn);
        String denied = "User: " + caller.assumedRoleArn() + " is not authorized to perform: sts:AssumeRole on resource: "
                + roleArn;
        if (rule != null) {
            if (rule.denyAll()) {
                return Response.stsError(403, "AccessDenied", denied);
            }
            if (rule.externalId() != null && !rule.externalId().equals(externalId)) {
                return Response.stsError(403, "AccessDenied", denied);
            }
            if (rule.allowedCallers() != null && !rule.allowedCallers().contains(caller.roleArn())) {
                return Response.stsError(403, "AccessDenied", denied);
            }
        }
        String sourceIdentity = f.get("SourceIdentity");
        if (caller.sourceIdentity() != null) {
            if (sourceIdentity != null && !sourceIdentity.equals(caller.sourceIdentity())) {
                return Response.stsError(403, "AccessDenied", "SourceIdentity cannot be changed once set: " + denied);
            }
            sourceIdentity = caller.sourceIdentity();
        }
        Instant now = state.clock.instant();
        Instant expires = now.plus(Duration.ofSeconds(seconds)).truncatedTo(ChronoUnit.SECONDS);
        IssuedKey key = new IssuedKey("ASIA" + Secrets.upper(16), Secrets.base64(40),
                "FwoGZXIvYXdzE" + Secrets.base64(380), accountId, roleName, sessionName, expires, true, sourceIdentity);
        state.keys.put(key.accessKeyId(), key);
        state.secret(key.secretAccessKey());
        state.secret(key.sessionToken());
        StringBuilder xml = new StringBuilder();
        xml.append("<AssumeRoleResponse xmlns=\"").append(Response.STS_NS).append("\">\n  <AssumeRoleResult>\n");
        if (sourceIdentity != null) {
            xml.append("    <SourceIdentity>").append(Response.escape(sourceIdentity)).append("</SourceIdentity>\n");
        }
        xml.append("    <AssumedRoleUser>\n      <AssumedRoleId>").append(Response.escape(key.userId()))
                .append("</AssumedRoleId>\n      <Arn>").append(Response.escape(key.assumedRoleArn()))
                .append("</Arn>\n    </AssumedRoleUser>\n    <Credentials>\n      <AccessKeyId>")
                .append(key.accessKeyId()).append("</AccessKeyId>\n      <SecretAccessKey>")
                .append(Response.escape(key.secretAccessKey())).append("</SecretAccessKey>\n      <SessionToken>")
                .append(Response.escape(key.sessionToken())).append("</SessionToken>\n      <Expiration>")
                .append(DateTimeFormatter.ISO_INSTANT.format(expires)).append("</Expiration>\n    </Credentials>\n")
                .append("  </AssumeRoleResult>\n").append(metadata()).append("</AssumeRoleResponse>\n");
        return Response.xml(200, xml.toString(), null);
    }

    Response invalidAction(String action) {
        return Response.stsError(400, "InvalidAction", "Could not find operation " + action + " for version 2011-06-15");
    }

    private static String metadata() {
        return "  <ResponseMetadata>\n    <RequestId>" + UUID.randomUUID() + "</RequestId>\n  </ResponseMetadata>\n";
    }
}

package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the emulator with the AWS CLI installed on this machine, as a separate process, to prove
 * that a second, independent implementation of the wire protocols (botocore) accepts it.
 */
class AwsCliInteropTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-01T10:00:00Z"));
    private IdentityCenterEmulator emulator;
    private String token;

    @TempDir
    Path home;

    @BeforeEach
    void start() {
        emulator = IdentityCenterEmulator.builder().clock(clock)
                .addAccount("000000000042", "lz", "lz@example.com", "Admin", "ReadOnly")
                .generateAccounts(44, 1)
                .build().start();
        token = emulator.signIn().accessToken();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    record Result(int exit, String out, String err) {
    }

    private static Path awsOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "aws");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail("The AWS CLI ('aws') is not on the PATH. Install it (pip install awscli, or "
                + "apt-get install awscli; .ci/run does this) to run the interop tests.");
    }

    private Result aws(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        return awsWithConfig(extraEnv, "", args);
    }

    private Result awsWithConfig(Map<String, String> extraEnv, String moreConfig, String... args)
            throws IOException, InterruptedException {
        Path config = home.resolve("config");
        // cli_follow_urlparam=false: AWS CLI v1 would otherwise fetch any argument starting with http://.
        Files.writeString(config, "[default]\ncli_follow_urlparam = false\nregion = us-east-1\n" + moreConfig);
        Files.writeString(home.resolve("credentials"), "");
        List<String> cmd = new ArrayList<>();
        cmd.add(awsOnPath().toString());
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--region", "us-east-1", "--endpoint-url", emulator.endpoint().toString(), "--output", "json"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile())
                .redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.putAll(extraEnv);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("aws " + String.join(" ", args) + " did not finish within " + TIMEOUT);
        }
        return new Result(p.exitValue(), Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    /** Whether an {@code aws --version} line names a CLI that honours AWS_ENDPOINT_URL_<SERVICE>. */
    static boolean honoursServiceEndpointVariables(String versionLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("aws-cli/(\\d+)\\.(\\d+)").matcher(versionLine);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major == 1 ? minor >= 29 : major == 2 && minor >= 13 || major > 2;
    }

    private JsonNode ok(Result r) throws IOException {
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isZero();
        return json.readTree(r.out());
    }

    @Test
    void listAccounts_awsCli_allAccountsAcrossPagesWithLeadingZeros() throws Exception {
        JsonNode out = ok(aws(Map.of(), "sso", "list-accounts", "--access-token", token));

        List<String> ids = new ArrayList<>();
        out.get("accountList").forEach(a -> ids.add(a.get("accountId").asText()));
        assertThat(ids).hasSize(45).doesNotHaveDuplicates().contains("000000000042", "000000010000");
        assertThat(out.get("accountList").get(0).get("accountName").asText()).isEqualTo("lz");
        // 45 accounts at the default page size of 20: the CLI followed nextToken twice.
        assertThat(emulator.calls(Operation.LIST_ACCOUNTS)).hasSize(3).allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
    }

    @Test
    void listAccountRolesAndGetRoleCredentials_awsCli_jsonAsTheRealService() throws Exception {
        JsonNode roles = ok(aws(Map.of(), "sso", "list-account-roles", "--access-token", token,
                "--account-id", "000000000042"));
        JsonNode creds = ok(aws(Map.of(), "sso", "get-role-credentials", "--access-token", token,
                "--account-id", "000000000042", "--role-name", "Admin"));

        assertThat(roles.get("roleList")).extracting(r -> r.get("roleName").asText()).containsExactly("Admin", "ReadOnly");
        JsonNode rc = creds.get("roleCredentials");
        assertThat(rc.get("expiration").asLong()).isEqualTo(clock.instant().plus(Duration.ofHours(1)).toEpochMilli());
        assertThat(emulator.issuedSecrets()).contains(rc.get("secretAccessKey").asText(), rc.get("sessionToken").asText());
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, c -> "Admin".equals(c.roleName()))).hasSize(1);

        JsonNode identity = ok(aws(Map.of("AWS_ACCESS_KEY_ID", rc.get("accessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", rc.get("secretAccessKey").asText(),
                "AWS_SESSION_TOKEN", rc.get("sessionToken").asText()), "sts", "get-caller-identity"));
        assertThat(identity.get("Account").asText()).isEqualTo("000000000042");
        assertThat(identity.get("Arn").asText()).isEqualTo("arn:aws:sts::000000000042:assumed-role/Admin/" + emulator.userName());
    }

    @Test
    void ssoSessionProfile_expiredCachedToken_cliRefreshesTokenThenCallsPortalAndSts() throws Exception {
        // The SSO credential provider can only be routed here by AWS_ENDPOINT_URL_SSO(_OIDC), which the
        // CLI honours since 1.29.0 / 2.13.0 (Debian's 2.9.19 does not).
        Result version = aws(Map.of(), "--version");
        Assumptions.assumeTrue(honoursServiceEndpointVariables(version.out() + version.err()),
                "this AWS CLI ignores AWS_ENDPOINT_URL_SSO_OIDC: " + version.out() + version.err());
        // botocore compares expiry times with the real clock, so this test runs on real time.
        clock.set(Instant.now());
        IssuedTokens tokens = emulator.signIn();
        emulator.expireAccessTokens();
        Path cache = home.resolve(".aws/sso/cache");
        Files.createDirectories(cache);
        String key = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest("emu".getBytes(StandardCharsets.UTF_8)));
        Path cacheFile = cache.resolve(key + ".json");
        Files.writeString(cacheFile, json.writeValueAsString(json.createObjectNode()
                .put("startUrl", emulator.startUrl().toString()).put("region", "us-east-1")
                .put("accessToken", tokens.accessToken()).put("expiresAt", "2020-01-01T00:00:00Z")
                .put("refreshToken", tokens.refreshToken()).put("clientId", tokens.clientId())
                .put("clientSecret", tokens.clientSecret()).put("registrationExpiresAt", "2099-01-01T00:00:00Z")));
        String profile = "[profile emu]\nsso_session = emu\nsso_account_id = 000000000042\nsso_role_name = Admin\n"
                + "region = us-east-1\n[sso-session emu]\nsso_start_url = " + emulator.startUrl()
                + "\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n";
        String endpoint = emulator.endpoint().toString();

        JsonNode identity = ok(awsWithConfig(Map.of("AWS_ENDPOINT_URL_SSO", endpoint, "AWS_ENDPOINT_URL_SSO_OIDC", endpoint,
                "AWS_ENDPOINT_URL_STS", endpoint, "AWS_PROFILE", "emu"), profile, "sts", "get-caller-identity"));

        assertThat(identity.get("Arn").asText()).isEqualTo("arn:aws:sts::000000000042:assumed-role/Admin/" + emulator.userName());
        assertThat(emulator.calls(Operation.CREATE_TOKEN)).singleElement()
                .satisfies(c -> assertThat(c.grantType()).isEqualTo("refresh_token"));
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, c -> "Admin".equals(c.roleName()))).hasSize(1);
        assertThat(json.readTree(Files.readString(cacheFile)).get("accessToken").asText())
                .isNotEqualTo(tokens.accessToken()).isIn(emulator.issuedSecrets());
    }

    @Test
    void honoursServiceEndpointVariables_versionLines_fromV1_29AndV2_13() {
        assertThat(honoursServiceEndpointVariables("aws-cli/1.45.11 Python/3.11.7 Linux botocore/1.43.11")).isTrue();
        assertThat(honoursServiceEndpointVariables("aws-cli/1.28.0 Python/3.11.7")).isFalse();
        assertThat(honoursServiceEndpointVariables("aws-cli/2.9.19 Python/3.11.2 Linux")).isFalse();
        assertThat(honoursServiceEndpointVariables("aws-cli/2.13.0 Python/3.11.4")).isTrue();
    }

    @Test
    void listAccounts_awsCliBadToken_unauthorizedExceptionReported() throws Exception {
        Result r = aws(Map.of(), "sso", "list-accounts", "--access-token", "not-a-token");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("UnauthorizedException").contains("Session token not found or invalid");
    }

    @Test
    void listAccountRoles_awsCliRateLimited_retriesThenReportsTooManyRequests() throws Exception {
        emulator.rateLimit(Operation.LIST_ACCOUNT_ROLES, 1, 1);
        ok(aws(Map.of(), "sso", "list-account-roles", "--access-token", token, "--account-id", "000000000042"));

        // The clock is frozen, so the bucket never refills: every retry is throttled too.
        Result r = aws(Map.of("AWS_RETRY_MODE", "standard", "AWS_MAX_ATTEMPTS", "3"),
                "sso", "list-account-roles", "--access-token", token, "--account-id", "000000000042");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("TooManyRequestsException");
        assertThat(emulator.calls(Operation.LIST_ACCOUNT_ROLES, Call::throttled)).hasSize(3)
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(429));
    }
}

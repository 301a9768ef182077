package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK for Java's own SSO support (an {@code sso_session} profile, the token cache in
 * {@code ~/.aws/sso/cache}, refresh through OIDC, GetRoleCredentials) works against the emulator when
 * routed only by the standard {@code AWS_ENDPOINT_URL_*} variables. Runs in a child JVM because the
 * SDK finds the home directory through {@code HOME}.
 */
class JavaSdkSsoProfileInteropTest {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;

    /** The child JVM: prints the caller ARN seen through the profile's credentials. */
    public static void main(String[] args) {
        try (StsClient sts = StsClient.builder().region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(ProfileCredentialsProvider.create(args[0])).build()) {
            System.out.println(sts.getCallerIdentity().arn());
        }
    }

    @Test
    void profileCredentialsProvider_expiredCachedToken_refreshesAndAssumesSsoRole() throws Exception {
        try (IdentityCenterEmulator emulator = IdentityCenterEmulator.builder()
                .addAccount("000000000042", "dev", "dev@example.com", "Admin").build().start()) {
            IssuedTokens tokens = emulator.signIn();
            emulator.expireAccessTokens();
            Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest("emu".getBytes(StandardCharsets.UTF_8)));
            Files.writeString(cache.resolve(key + ".json"), json.writeValueAsString(json.createObjectNode()
                    .put("startUrl", emulator.startUrl().toString()).put("region", "us-east-1")
                    .put("accessToken", tokens.accessToken()).put("expiresAt", "2020-01-01T00:00:00Z")
                    .put("refreshToken", tokens.refreshToken()).put("clientId", tokens.clientId())
                    .put("clientSecret", tokens.clientSecret()).put("registrationExpiresAt", "2099-01-01T00:00:00Z")));
            Path config = home.resolve("config");
            Files.writeString(config, "[profile emu]\nsso_session = emu\nsso_account_id = 000000000042\n"
                    + "sso_role_name = Admin\nregion = us-east-1\n[sso-session emu]\nsso_start_url = "
                    + emulator.startUrl() + "\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    JavaSdkSsoProfileInteropTest.class.getName(), "emu")
                    .redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_"));
            String endpoint = emulator.endpoint().toString();
            env.putAll(Map.of("HOME", home.toString(), "AWS_CONFIG_FILE", config.toString(),
                    "AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString(),
                    "AWS_ENDPOINT_URL_SSO", endpoint, "AWS_ENDPOINT_URL_SSO_OIDC", endpoint, "AWS_ENDPOINT_URL_STS", endpoint,
                    "AWS_EC2_METADATA_DISABLED", "true"));
            Process p = pb.start();
            assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();

            assertThat(p.exitValue()).as(Files.readString(home.resolve("err.txt"))).isZero();
            assertThat(Files.readString(home.resolve("out.txt")).strip())
                    .isEqualTo("arn:aws:sts::000000000042:assumed-role/Admin/" + emulator.userName());
            assertThat(emulator.calls(Operation.CREATE_TOKEN)).singleElement()
                    .satisfies(c -> assertThat(c.grantType()).isEqualTo("refresh_token"));
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
            assertThat(emulator.count(Operation.GET_CALLER_IDENTITY)).isEqualTo(1);
        }
    }
}

package io.awssso.core.internal.ecs;

import static io.awssso.core.internal.ecs.EcsTestSupport.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.core.EcsClient;
import io.awssso.core.EcsServer;
import io.awssso.core.EcsServerOptions;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.Operation;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;

/**
 * Real AWS clients read credentials from our server exactly as they would from ECS, configured
 * only by {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} and {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}:
 * the AWS SDK for Java v2 (in this JVM), boto3/botocore and the AWS CLI (child processes). The
 * credentials are real ones issued by the emulator, so the CLI's signed STS call proves the whole
 * chain. With a wrong token each client fails instead of getting credentials.
 */
class ContainerCredentialsInteropTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static IdentityCenterEmulator emulator;
    private static EcsServer server;
    private static RoleCredentials issued;

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        // botocore and the SDK judge expiry by the real clock
        emulator = IdentityCenterEmulator.builder().clock(Clock.systemUTC()).build().start();
        emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess");
        String accessToken = emulator.signIn().accessToken();
        try (SsoClient portal = SsoClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            var rc = portal.getRoleCredentials(r -> r.accessToken(accessToken).accountId("012345678901")
                    .roleName("AdministratorAccess")).roleCredentials();
            issued = new RoleCredentials(RoleArn.of(AccountId.parse("012345678901"), "AdministratorAccess"), rc.accessKeyId(),
                    rc.secretAccessKey(), rc.sessionToken(), Instant.ofEpochMilli(rc.expiration()), false);
        }
        server = EcsServer.start(EcsServerOptions.builder().port(0).bearerToken(TOKEN).build());
        EcsClient.create("127.0.0.1:" + server.port(), TOKEN, null).load("prod-admin", issued, false);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static String fullUri() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    // ---- AWS SDK for Java v2 ----

    private static AwsCredentials javaSdk(String authorization) {
        // SdkSystemSetting reads these system properties before the environment variables.
        System.setProperty("aws.containerCredentialsFullUri", fullUri());
        System.setProperty("aws.containerAuthorizationToken", authorization);
        try {
            return ContainerCredentialsProvider.builder().build().resolveCredentials();
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
        }
    }

    @Test
    void javaSdkContainerProvider_rightToken_getsTheLoadedCredentials() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null,
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI would win over the full URI");

        AwsCredentials c = javaSdk("Bearer " + TOKEN);

        assertThat(c).isInstanceOf(AwsSessionCredentials.class);
        AwsSessionCredentials s = (AwsSessionCredentials) c;
        assertThat(s.accessKeyId()).isEqualTo(issued.accessKeyId());
        assertThat(s.secretAccessKey()).isEqualTo(issued.secretAccessKey());
        assertThat(s.sessionToken()).isEqualTo(issued.sessionToken());
        assertThat(s.expirationTime()).contains(issued.expiration().truncatedTo(ChronoUnit.SECONDS));
        // SDK 2.57's HttpCredentialsLoader reads only the four standard keys, not AccountId (botocore does).
    }

    @Test
    void javaSdkContainerProvider_wrongToken_failsWithoutCredentials() {
        assertThatThrownBy(() -> javaSdk("Bearer wrong-token")).isInstanceOf(SdkClientException.class);
    }

    // ---- child processes: boto3 and the AWS CLI ----

    record Result(int exit, String out, String err) {
    }

    private Result run(List<String> command, String authorization) throws IOException, InterruptedException {
        Path config = home.resolve("config");
        Files.writeString(config, "[default]\nregion = us-east-1\ncli_follow_urlparam = false\n");
        Files.writeString(home.resolve("credentials"), "");
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        // Nothing else may supply credentials: no profile, no keys, no relative URI (it wins over FULL_URI).
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("BOTO"));
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fullUri());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", authorization);
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command.get(0) + " did not finish within " + TIMEOUT);
        }
        return new Result(p.exitValue(), Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static final String BOTO3 = String.join("\n",
            "import boto3, json",
            "c = boto3.Session().get_credentials()",
            "f = c.get_frozen_credentials()",
            "print(json.dumps({'method': c.method, 'key': f.access_key, 'secret': f.secret_key,",
            "                  'token': f.token, 'expiry': c._expiry_time.isoformat(),",
            "                  'account': getattr(f, 'account_id', None)}))");

    @Test
    void boto3_rightToken_getsTheLoadedCredentialsFromContainerRole() throws Exception {
        Result r = run(List.of("python3", "-c", BOTO3), "Bearer " + TOKEN);

        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        JsonNode out = EcsTestSupport.JSON.readTree(r.out());
        assertThat(out.get("method").asText()).isEqualTo("container-role");
        assertThat(out.get("key").asText()).isEqualTo(issued.accessKeyId());
        assertThat(out.get("secret").asText()).isEqualTo(issued.secretAccessKey());
        assertThat(out.get("token").asText()).isEqualTo(issued.sessionToken());
        assertThat(Instant.parse(out.get("expiry").asText().replace("+00:00", "Z")))
                .isEqualTo(issued.expiration().truncatedTo(ChronoUnit.SECONDS));
        assertThat(out.get("account").asText()).isEqualTo("012345678901");
    }

    @Test
    void boto3_wrongToken_errorWithTheServersMessage() throws Exception {
        Result r = run(List.of("python3", "-c", BOTO3), "Bearer wrong-token");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("Invalid authorization token");
        assertThat(r.out()).doesNotContain(issued.accessKeyId());
    }

    private static Path awsOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "aws");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail("The AWS CLI ('aws') is not on the PATH (pip install awscli, or apt-get install awscli)");
    }

    private Result awsGetCallerIdentity(String authorization) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(awsOnPath().toString(), "sts", "get-caller-identity",
                "--endpoint-url", emulator.endpoint().toString(), "--region", "us-east-1", "--output", "json"));
        return run(cmd, authorization);
    }

    @Test
    void awsCli_rightToken_signsStsCallWithTheLoadedCredentials() throws Exception {
        emulator.clearCallLog();

        Result r = awsGetCallerIdentity("Bearer " + TOKEN);

        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        JsonNode identity = EcsTestSupport.JSON.readTree(r.out());
        assertThat(identity.get("Account").asText()).isEqualTo("012345678901");
        assertThat(identity.get("Arn").asText())
                .isEqualTo("arn:aws:sts::012345678901:assumed-role/AdministratorAccess/" + emulator.userName());
        assertThat(emulator.calls(Operation.GET_CALLER_IDENTITY)).singleElement()
                .satisfies(c -> assertThat(c.status()).isEqualTo(200));
    }

    @Test
    void awsCli_wrongToken_failsAndNeverCallsSts() throws Exception {
        emulator.clearCallLog();

        Result r = awsGetCallerIdentity("Bearer wrong-token");

        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("container-role").contains("403").contains("Invalid authorization token");
        assertThat(emulator.calls(Operation.GET_CALLER_IDENTITY)).isEmpty();
    }
}

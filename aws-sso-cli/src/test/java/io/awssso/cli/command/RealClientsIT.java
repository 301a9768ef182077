package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.cli.e2e.CliHarness;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS CLI and boto3 on this machine use a hand-written {@code credential_process} profile that
 * runs ./aws-sso process, and reach the emulator's STS with what it printed.
 */
class RealClientsIT {
    static final String ADMIN = "arn:aws:iam::012345678901:role/AdministratorAccess";
    private CliHarness h;
    private Path awsConfig;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        h.writeConfig(h.defaultConfig().replace("SecureStore: file", "SecureStore: json"));
        assertThat(h.run("login").exitCode()).isZero();
        awsConfig = h.home().resolve(".aws/config");
        Files.createDirectories(awsConfig.getParent());
        // quoted path: a space in the checkout path must survive both sh -c and botocore's split
        Files.writeString(awsConfig, "[profile it]\n"
                + "credential_process = \"" + CliHarness.ROOT.resolve("aws-sso") + "\" process --arn " + ADMIN + "\n"
                + "region = us-east-1\n"
                + "cli_follow_urlparam = false\n");
        h.emulator().clearCallLog();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(h.home().toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(h.environment());
        pb.environment().put("AWS_SSO_NO_BUILD", "1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path err = Files.createTempFile(h.home(), "err", ".txt");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("%s\n%s", out, Files.readString(err)).isZero();
        return out;
    }

    @Test
    void awsCli_credentialProcessProfile_getCallerIdentityAnsweredForTheRole() throws Exception {
        String out = run(List.of("aws", "sts", "get-caller-identity", "--profile", "it", "--output", "json",
                "--endpoint-url", h.emulator().endpoint().toString()));

        JsonNode id = new ObjectMapper().readTree(out);
        assertThat(id.get("Account").asText()).isEqualTo("012345678901");
        assertThat(id.get("Arn").asText()).contains("AdministratorAccess");
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
        assertThat(h.emulator().count(Operation.GET_CALLER_IDENTITY)).isEqualTo(1);
    }

    @Test
    void boto3_credentialProcessProfile_getsTheEmulatorsCredentials() throws Exception {
        String out = run(List.of("python3", "-c", "import boto3\n"
                + "c = boto3.Session(profile_name='it').get_credentials().get_frozen_credentials()\n"
                + "print(c.access_key); print(c.secret_key)\n"));

        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).startsWith("ASIA");
        assertThat(h.emulator().issuedSecrets()).contains(lines.get(1));
    }

    @Test
    void javaSdk_profileCredentialsProvider_runsTheCredentialProcess() throws Exception {
        Path program = h.home().resolve("ProfileCheck.java");
        Files.writeString(program, "import software.amazon.awssdk.auth.credentials.*;\n"
                + "import software.amazon.awssdk.profiles.ProfileFile;\n"
                + "public class ProfileCheck { public static void main(String[] a) {\n"
                + "  AwsCredentials c = ProfileCredentialsProvider.builder().profileName(\"it\")\n"
                + "      .profileFile(ProfileFile.builder().content(java.nio.file.Path.of(a[0]))\n"
                + "      .type(ProfileFile.Type.CONFIGURATION).build()).build().resolveCredentials();\n"
                + "  System.out.println(c.accessKeyId()); System.out.println(c.secretAccessKey());\n"
                + "  System.out.println(((AwsSessionCredentials) c).expirationTime().orElseThrow()); } }\n");
        String path = System.getProperty("jdk.module.path", "") + java.io.File.pathSeparator
                + System.getProperty("java.class.path", "");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        String out = run(List.of(javaBin, "-cp", path, program.toString(), awsConfig.toString()));

        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).startsWith("ASIA");
        assertThat(h.emulator().issuedSecrets()).contains(lines.get(1));
        assertThat(java.time.Instant.parse(lines.get(2))).isAfter(java.time.Instant.now());
    }
}

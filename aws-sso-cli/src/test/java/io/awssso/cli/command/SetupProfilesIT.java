package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.cli.e2e.CliHarness;
import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Call;
import io.awssso.testkit.Operation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code aws-sso setup profiles} as users run it (./aws-sso against the emulator), and the real
 * clients that then use the profiles it wrote: the AWS SDK for Java's ProfileCredentialsProvider,
 * the AWS CLI and boto3, each running {@code credential_process} its own way (sh -c, or split
 * without a shell).
 */
class SetupProfilesIT {
    private static final String PROFILE = "prod:AdministratorAccess";
    /** The user's own file: a comment, CRLF lines, a profile of theirs, a last line without newline. */
    private static final String USER_FILE = "# my own settings\n[default]\r\nregion = eu-west-1\r\n\n"
            + "[profile mine]\noutput = text ; keep me\n# no newline at the end";
    private CliHarness h;
    private Path awsConfig;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        assertThat(h.run("login").exitCode()).isZero();
        awsConfig = h.home().resolve(".aws/config");
        Files.createDirectories(awsConfig.getParent());
        h.emulator().clearCallLog();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private String file() throws Exception {
        return Files.readString(awsConfig, StandardCharsets.UTF_8);
    }

    /**
     * Config whose profiles run ./aws-sso through a wrapper in a directory whose name needs
     * quoting, and carry ConfigVariables.
     */
    private void awkwardBinaryConfig() throws Exception {
        Path dir = Files.createDirectories(h.home().resolve("my tools/it's $here"));
        Path wrapper = dir.resolve("aws-sso");
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + CliHarness.ROOT.resolve("aws-sso") + "' \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        h.writeConfig(h.defaultConfig() + "DefaultRegion: us-east-1\n"
                + "ConfigProfilesBinaryPath: '" + wrapper.toString().replace("'", "''") + "'\n"
                + "ConfigVariables:\n  cli_follow_urlparam: 'false'\n  output: json\n");
    }

    private String runClient(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(h.home().toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(h.environment());
        pb.environment().put("AWS_SSO_NO_BUILD", "1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path err = Files.createTempFile(h.home(), "err", ".txt");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("%s\n%s", out, Files.readString(err)).isZero();
        return out;
    }

    @Test
    void setupProfiles_force_addsTheBlockAndKeepsEveryUserByte() throws Exception {
        Files.writeString(awsConfig, USER_FILE);

        Result r = h.run("setup", "profiles", "--force");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEmpty();
        String launcher = CliHarness.ROOT.resolve("aws-sso").toString();
        assertThat(file()).isEqualTo(USER_FILE + "\n\n"
                + "# BEGIN_AWS_SSO_CLI\n\n"
                + "[profile prod:AdministratorAccess]\n"
                + "credential_process = " + launcher + " -S \"Default\" process --arn "
                + "arn:aws:iam::012345678901:role/AdministratorAccess\n"
                + "region = us-east-1\n\n"
                + "[profile prod:ReadOnlyAccess]\n"
                + "credential_process = " + launcher + " -S \"Default\" process --arn "
                + "arn:aws:iam::012345678901:role/ReadOnlyAccess\n"
                + "region = us-east-1\n\n"
                + "# END_AWS_SSO_CLI\n");
        assertThat(file()).doesNotContain("sso_");
    }

    @Test
    void setupProfiles_secondRun_isUpToDateAndChangesNothing() throws Exception {
        Files.writeString(awsConfig, USER_FILE);
        h.run("setup", "profiles", "--force");
        String first = file();

        Result r = h.run("setup", "profiles", "--force");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).contains("up to date");
        assertThat(file()).isEqualTo(first);
    }

    @Test
    void setupProfiles_roleRemoved_rewritesOnlyTheBlock() throws Exception {
        h.run("setup", "profiles", "--force");
        String tail = "\n[profile after]\nregion = x\n";
        Files.writeString(awsConfig, "; before\n" + file() + tail);
        h.writeConfig(h.defaultConfig() + "ProfileFormat: '{{ .AccountIdPad }}-{{ .RoleName }}'\n");

        Result r = h.run("setup", "profiles", "--force");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(file()).startsWith("; before\n# BEGIN_AWS_SSO_CLI\n").endsWith("# END_AWS_SSO_CLI\n" + tail)
                .contains("[profile 012345678901-ReadOnlyAccess]").doesNotContain("prod:");
    }

    @Test
    void setupProfiles_notATerminalWithoutForce_refusesAndWritesNothing() throws Exception {
        Files.writeString(awsConfig, USER_FILE);

        Result r = h.run("setup", "profiles");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(1);
        assertThat(r.err()).contains("--force").contains("+[profile prod:AdministratorAccess]");
        assertThat(file()).isEqualTo(USER_FILE);
    }

    @Test
    void setupProfiles_diff_printsAUnifiedDiffThatPatchAppliesAndWritesNothing() throws Exception {
        Files.writeString(awsConfig, USER_FILE);

        Result r = h.run("setup", "profiles", "--diff");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).startsWith("--- " + awsConfig + "\n+++ ").contains("\n+# BEGIN_AWS_SSO_CLI\n");
        assertThat(file()).isEqualTo(USER_FILE);
        Path copy = h.home().resolve("copy");
        Files.writeString(copy, USER_FILE);
        Path patch = h.home().resolve("d.patch");
        Files.writeString(patch, r.out());
        runClient(List.of("patch", "-s", copy.toString(), patch.toString()));
        h.run("setup", "profiles", "--force");
        assertThat(Files.readString(copy)).isEqualTo(file());
    }

    @Test
    void setupProfiles_print_printsOnlyTheBlock() throws Exception {
        h.writeConfig(h.instanceBlock("Default", "Sandbox") + h.commonSettings());
        assertThat(h.run("-S", "Sandbox", "login").exitCode()).isZero();

        Result r = h.run("-S", "Sandbox", "setup", "profiles", "--print");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).startsWith("# BEGIN_AWS_SSO_CLI_Sandbox\n").endsWith("# END_AWS_SSO_CLI_Sandbox\n")
                .contains("-S \"Sandbox\" process --arn");
        assertThat(awsConfig).doesNotExist();
    }

    /** Runs {@code ./aws-sso args} on a pseudo-terminal (util-linux script), typing {@code input}. */
    private Result onTerminal(String input, String args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("script", "-qec",
                "'" + CliHarness.ROOT.resolve("aws-sso") + "' " + args, "/dev/null"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(h.home().toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(h.environment());
        pb.environment().put("AWS_SSO_NO_BUILD", "1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out, "");
    }

    @Test
    void setupProfiles_onATerminal_showsTheDiffAndWritesAfterYes() throws Exception {
        Files.writeString(awsConfig, USER_FILE);

        Result r = onTerminal("y\n", "setup profiles");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("+[profile prod:AdministratorAccess]").contains("Write these changes to")
                .contains("Wrote 2 profiles");
        assertThat(file()).startsWith(USER_FILE).contains("# END_AWS_SSO_CLI");
    }

    @Test
    void setupProfiles_onATerminal_answerNo_writesNothing() throws Exception {
        Files.writeString(awsConfig, USER_FILE);

        Result r = onTerminal("n\n", "setup profiles");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("Write these changes to").contains("Nothing written.");
        assertThat(file()).isEqualTo(USER_FILE);
    }

    @Test
    void setupProfiles_oneRoleNameWithALineBreak_skipsOnlyThatRole_andAPathRoleKeepsItsFullName() throws Exception {
        // the attack: one role name from AWS with a line break made setup profiles refuse every role
        h.emulator().addRole(io.awssso.api.AccountId.parse("012345678901"), "Bad\nRole");
        h.emulator().addRole(io.awssso.api.AccountId.parse("012345678901"), "team/Deploy");
        assertThat(h.run("cache").exitCode()).isZero();

        Result r = h.run("setup", "profiles", "--force");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).contains("warning: skipping the profile 'prod:Bad\\nRole'")
                .doesNotContain("Bad\nRole");
        assertThat(file()).contains("[profile " + PROFILE + "]").contains("[profile prod:ReadOnlyAccess]")
                .contains("[profile prod:team/Deploy]")
                .contains("process --arn arn:aws:iam::012345678901:role/team/Deploy\n")
                .doesNotContain("Bad");
        String out = runClient(List.of("python3", "-c", "import boto3, sys\n"
                + "c = boto3.Session(profile_name=sys.argv[1]).get_credentials().get_frozen_credentials()\n"
                + "print(c.access_key)\n", "prod:team/Deploy"));
        assertThat(out).startsWith("ASIA");
        assertThat(h.emulator().calls(Operation.GET_ROLE_CREDENTIALS)).extracting(Call::roleName)
                .contains("team/Deploy");
    }

    @Test
    void javaSdk_profileWrittenBySetupProfiles_resolvesTheEmulatorsCredentials() throws Exception {
        awkwardBinaryConfig();
        assertThat(h.run("setup", "profiles", "--force").exitCode()).isZero();
        Path check = h.home().resolve("Check.java");
        Files.writeString(check, "import software.amazon.awssdk.auth.credentials.*;\n"
                + "public class Check { public static void main(String[] a) {\n"
                + "  AwsCredentials c = ProfileCredentialsProvider.builder().profileName(a[0]).build()"
                + ".resolveCredentials();\n"
                + "  System.out.println(c.accessKeyId()); System.out.println(c.secretAccessKey()); } }\n");

        String out = runClient(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", CliHarness.ROOT.resolve("aws-sso-cli/target/lib") + "/*", check.toString(), PROFILE));

        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).startsWith("ASIA");
        assertThat(h.emulator().issuedSecrets()).contains(lines.get(1));
        assertThat(h.emulator().calls(Operation.GET_ROLE_CREDENTIALS)).extracting(Call::roleName)
                .containsExactly("AdministratorAccess");
    }

    @Test
    void awsCli_profileWrittenBySetupProfiles_getCallerIdentityAnsweredForTheRole() throws Exception {
        awkwardBinaryConfig();
        assertThat(h.run("setup", "profiles", "--force").exitCode()).isZero();

        String out = runClient(List.of("aws", "sts", "get-caller-identity", "--profile", PROFILE,
                "--endpoint-url", h.emulator().endpoint().toString()));

        JsonNode id = new ObjectMapper().readTree(out);
        assertThat(id.get("Account").asText()).isEqualTo("012345678901");
        assertThat(id.get("Arn").asText()).contains("AdministratorAccess");
        assertThat(h.emulator().count(Operation.GET_CALLER_IDENTITY)).isEqualTo(1);
    }

    @Test
    void boto3_profileWrittenBySetupProfiles_getsTheEmulatorsCredentials() throws Exception {
        awkwardBinaryConfig();
        assertThat(h.run("setup", "profiles", "--force").exitCode()).isZero();

        String out = runClient(List.of("python3", "-c", "import boto3, sys\n"
                + "c = boto3.Session(profile_name=sys.argv[1]).get_credentials().get_frozen_credentials()\n"
                + "print(c.access_key); print(c.secret_key)\n", PROFILE));

        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).startsWith("ASIA");
        assertThat(h.emulator().issuedSecrets()).contains(lines.get(1));
    }
}

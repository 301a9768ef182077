package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.e2e.CliHarness;
import io.awssso.cli.e2e.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code eval}, {@code credentials} and {@code time} through ./aws-sso; eval's output is sourced by a
 * real bash, zsh and fish, which then print what they see.
 */
class EvalIT {
    static final String ADMIN = "arn:aws:iam::012345678901:role/AdministratorAccess";
    private CliHarness h;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        h.writeConfig(h.instanceBlock("Default")
                + "    DefaultRegion: eu-west-1\n"
                + "    Accounts:\n"
                + "      \"012345678901\":\n"
                + "        Tags: {Env: \"it's $prod\"}\n"
                + "        Roles:\n"
                + "          AdministratorAccess: {Profile: prod-admin}\n"
                + "          ReadOnlyAccess: {Profile: prod-ro}\n"
                + h.commonSettings().replace("SecureStore: file", "SecureStore: json")
                + "EnvVarTags: [Env]\n");
        assertThat(h.run("login").exitCode()).isZero();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    /** Runs {@code script} in {@code shell} with the harness environment; returns stdout. */
    private String shell(String shell, Map<String, String> extra, String script) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(shell, "-c", script));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(h.home().toFile()).redirectErrorStream(false);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(h.environment());
        pb.environment().put("AWS_SSO_NO_BUILD", "1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SHELL", "/usr/bin/" + shell.substring(shell.lastIndexOf('/') + 1));
        pb.environment().putAll(extra);
        Path err = Files.createTempFile(h.home(), "err", ".txt");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("%s\n%s", out, Files.readString(err)).isZero();
        return out;
    }

    private static final String SHOW = "echo \"key=$AWS_ACCESS_KEY_ID\"; echo \"region=$AWS_DEFAULT_REGION\";"
            + " echo \"profile=$AWS_SSO_PROFILE\"; echo \"tag=$AWS_SSO_TAG_ENV\"; echo \"arn=$AWS_SSO_ROLE_ARN\"";

    private void assertSourced(String out) {
        assertThat(out).contains("key=ASIA").contains("region=eu-west-1").contains("profile=prod-admin")
                .contains("tag=it's $prod").contains("arn=" + ADMIN);
    }

    @Test
    void eval_bash_sourcedOutputSetsTheVariables() throws Exception {
        String aws = CliHarness.ROOT.resolve("aws-sso").toString();
        assertSourced(shell("bash", Map.of(), "eval \"$(" + aws + " eval -p prod-admin)\"; " + SHOW));
    }

    @Test
    void eval_zsh_sourcedOutputSetsTheVariables() throws Exception {
        String aws = CliHarness.ROOT.resolve("aws-sso").toString();
        assertSourced(shell("zsh", Map.of(), "eval \"$(" + aws + " eval -p prod-admin)\"; " + SHOW));
    }

    @Test
    void eval_fish_sourcedOutputSetsTheVariables() throws Exception {
        String aws = CliHarness.ROOT.resolve("aws-sso").toString();
        assertSourced(shell("fish", Map.of(), aws + " eval -p prod-admin | source; " + SHOW));
    }

    @Test
    void eval_clearInBashAndFish_removesWhatEvalSet() throws Exception {
        String aws = CliHarness.ROOT.resolve("aws-sso").toString();
        String check = "echo \"key=${AWS_ACCESS_KEY_ID-none} region=${AWS_DEFAULT_REGION-none} own=$OWN\"";
        String bash = shell("bash", Map.of("OWN", "x"), "eval \"$(" + aws + " eval -p prod-admin)\"; "
                + "eval \"$(" + aws + " eval --clear)\"; " + check);
        assertThat(bash).contains("key=none region=none own=x");
        String fish = shell("fish", Map.of(), aws + " eval -p prod-admin | source; " + aws + " eval -c | source; "
                + "set -q AWS_ACCESS_KEY_ID; or echo cleared; set -q AWS_DEFAULT_REGION; or echo noregion");
        assertThat(fish).contains("cleared").contains("noregion");
    }

    private static final String REGIONS = "echo \"default=${AWS_DEFAULT_REGION-none} region=${AWS_REGION-none}"
            + " shadow=${AWS_SSO_DEFAULT_REGION-none}\"";

    @Test
    void evalClear_noRegionVariableSet_unsetsAllThreeAsAwsSsoCli() throws Exception {
        Result r = h.run(Map.of("SHELL", "/bin/bash"), "eval", "--clear");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out().lines().filter(l -> l.contains("REGION")).toList())
                .containsExactly("unset AWS_DEFAULT_REGION", "unset AWS_REGION", "unset AWS_SSO_DEFAULT_REGION");
        // aws-sso-cli compares AWS_DEFAULT_REGION with the shadow copy only: both empty, so an
        // AWS_REGION of the user's goes too
        String aws = CliHarness.ROOT.resolve("aws-sso").toString();
        assertThat(shell("bash", Map.of("AWS_REGION", "us-east-2"), "eval \"$(" + aws + " eval --clear)\"; " + REGIONS))
                .contains("default=none region=none shadow=none");
    }

    @Test
    void evalClear_inThisJvm_regionLinesAsAwsSsoCli() throws Exception {
        h.env("SHELL", "/bin/bash");
        Result none = h.runInJvm("eval", "--clear");
        h.env("AWS_DEFAULT_REGION", "ap-south-1");
        Result users = h.runInJvm("eval", "--clear");
        Result noRegion = h.runInJvm("eval", "--clear", "--no-region");

        assertThat(none.exitCode()).as("%s", none).isZero();
        assertThat(none.out().lines().filter(l -> l.contains("REGION")).toList())
                .containsExactly("unset AWS_DEFAULT_REGION", "unset AWS_REGION", "unset AWS_SSO_DEFAULT_REGION");
        assertThat(users.out().lines().filter(l -> l.contains("REGION")).toList())
                .containsExactly("unset AWS_SSO_DEFAULT_REGION");
        assertThat(noRegion.out().lines().filter(l -> l.contains("REGION")).toList())
                .containsExactly("unset AWS_SSO_DEFAULT_REGION");
    }

    @Test
    void evalClear_usersRegion_keptAndOnlyTheShadowUnset() throws Exception {
        String aws = CliHarness.ROOT.resolve("aws-sso").toString();
        String out = shell("bash", Map.of("AWS_DEFAULT_REGION", "ap-south-1", "AWS_SSO_DEFAULT_REGION", "eu-west-1"),
                "eval \"$(" + aws + " eval --clear)\"; " + REGIONS);

        assertThat(out).contains("default=ap-south-1 region=none shadow=none");
    }

    @Test
    void evalClearNoRegion_managedRegionKept() throws Exception {
        String aws = CliHarness.ROOT.resolve("aws-sso").toString();
        String out = shell("bash", Map.of(), "eval \"$(" + aws + " eval -p prod-admin)\"; "
                + "eval \"$(" + aws + " eval --clear --no-region)\"; " + REGIONS);

        assertThat(out).contains("default=eu-west-1 region=eu-west-1 shadow=eu-west-1");
    }

    @Test
    void evalNoRegion_shadowAlwaysUnset_regionLeftAlone() throws Exception {
        String aws = CliHarness.ROOT.resolve("aws-sso").toString();
        String bash = shell("bash", Map.of(), "eval \"$(" + aws + " eval -p prod-admin)\"; "
                + "eval \"$(" + aws + " eval -n -p prod-ro)\"; echo \"role=$AWS_SSO_ROLE_NAME\"; " + REGIONS);
        assertThat(bash).contains("role=ReadOnlyAccess").contains("default=eu-west-1 region=eu-west-1 shadow=none");

        String fish = shell("fish", Map.of("AWS_SSO_DEFAULT_REGION", "eu-west-1"), aws + " eval -n -p prod-ro | source; "
                + "set -q AWS_SSO_DEFAULT_REGION; or echo noshadow; set -q AWS_DEFAULT_REGION; or echo noregion");
        assertThat(fish).contains("noshadow").contains("noregion");
    }

    @Test
    void execNoRegion_childHasNoShadowCopy() throws Exception {
        Result r = h.run(Map.of("AWS_SSO_DEFAULT_REGION", "eu-west-1"), "exec", "-n", "-p", "prod-admin",
                "sh", "-c", REGIONS);

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).contains("default=none region=none shadow=none");
    }

    @Test
    void eval_switchingRoles_keepsManagingTheRegion_andRefreshRenews() throws Exception {
        String aws = CliHarness.ROOT.resolve("aws-sso").toString();
        String out = shell("bash", Map.of(), "eval \"$(" + aws + " eval -p prod-admin)\"; "
                + "eval \"$(" + aws + " eval -p prod-ro)\"; echo \"role=$AWS_SSO_ROLE_NAME region=$AWS_REGION\"; "
                + "eval \"$(" + aws + " eval --refresh)\"; echo \"again=$AWS_SSO_ROLE_NAME\"");
        assertThat(out).contains("role=ReadOnlyAccess region=eu-west-1").contains("again=ReadOnlyAccess");
    }

    @Test
    void eval_stableOrder_sameStatementsTwice() throws Exception {
        Result a = h.run(Map.of("SHELL", "/bin/bash"), "eval", "-p", "prod-admin");
        Result b = h.run(Map.of("SHELL", "/bin/bash"), "eval", "-p", "prod-admin");

        assertThat(a.exitCode()).as("%s", a).isZero();
        assertThat(a.out()).isEqualTo(b.out());
        assertThat(a.out().lines().map(l -> l.substring(0, l.indexOf('='))).toList()).containsExactly(
                "export AWS_ACCESS_KEY_ID", "export AWS_SECRET_ACCESS_KEY", "export AWS_SESSION_TOKEN",
                "export AWS_DEFAULT_REGION", "export AWS_REGION", "export AWS_SSO_DEFAULT_REGION",
                "export AWS_SSO_ACCOUNT_ID", "export AWS_SSO_ROLE_NAME", "export AWS_SSO_ROLE_ARN",
                "export AWS_SSO_SESSION_EXPIRATION", "export AWS_SSO_PROFILE", "export AWS_SSO",
                "export AWS_SSO_TAG_ENV");
    }

    @Test
    void eval_powershellAndXonsh_theirSyntax() throws Exception {
        Result ps = h.run(Map.of("SHELL", "/usr/bin/pwsh"), "eval", "-p", "prod-admin");
        Result xonsh = h.run(Map.of("XONSH_VERSION", "0.14"), "eval", "-p", "prod-admin");

        assertThat(ps.out()).startsWith("$Env:AWS_ACCESS_KEY_ID = 'ASIA").contains("\r\n")
                .contains("$Env:AWS_SSO_TAG_ENV = 'it''s $prod'");
        assertThat(xonsh.out()).startsWith("$AWS_ACCESS_KEY_ID = 'ASIA").contains("$AWS_SSO_TAG_ENV = 'it\\'s $prod'");
    }

    @Test
    void eval_unknownShell_error() throws Exception {
        Result r = h.run(Map.of("SHELL", "/bin/tcsh"), "eval", "-p", "prod-admin");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("invalid or unsupported shell");
    }

    @Test
    void eval_noSelector_usageError() throws Exception {
        Result r = h.run(Map.of("SHELL", "/bin/bash", "AWS_SSO_ROLE_ARN", ADMIN), "eval");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("please specify --refresh, --clear");
    }

    @Test
    void credentials_twoProfilesToFile_mode0600_thenAppend() throws Exception {
        Path file = h.home().resolve(".aws/credentials");

        Result r = h.run("credentials", "-p", "prod-admin", "-p", "prod-ro");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEmpty(); // AWS_SHARED_CREDENTIALS_FILE is the default --file
        String text = Files.readString(file);
        assertThat(text).startsWith("[prod-admin]\n# Expires: ").contains("\naws_access_key_id = ASIA")
                .contains("aws_secret_access_key = ").contains("aws_session_token = ").contains("[prod-ro]\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Result appended = h.run("credentials", "-p", "prod-ro", "--append");
        assertThat(appended.exitCode()).isZero();
        assertThat(Files.readString(file)).startsWith(text).endsWith("aws_session_token = "
                + text.substring(text.lastIndexOf("aws_session_token = ") + 20));

        Result stdout = h.run(Map.of("AWS_SHARED_CREDENTIALS_FILE", ""), "credentials", "-p", "prod-ro");
        assertThat(stdout.out()).startsWith("[prod-ro]\n");
    }

    @Test
    void credentials_unknownProfile_roleNotFound() throws Exception {
        Result r = h.run("credentials", "-p", "nope");

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("Invalid --profile nope");
    }

    @Test
    void time_fromSessionExpiration_noNewline() throws Exception {
        Result r = h.run(Map.of("AWS_SSO_SESSION_EXPIRATION",
                java.time.Instant.now().plusSeconds(3 * 3600 + 125).toString()), "time");
        Result none = h.run("time");

        assertThat(r.out()).matches("3h[12]m");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).isEmpty();
    }
}

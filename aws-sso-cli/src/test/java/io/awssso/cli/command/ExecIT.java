package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.e2e.CliHarness;
import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Call;
import io.awssso.testkit.Operation;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code aws-sso exec}: ./aws-sso runs a real command with the role's variables. */
class ExecIT {
    static final String ADMIN = "arn:aws:iam::012345678901:role/AdministratorAccess";
    /** Prints the variables the child sees, one per line, then exits with 7. */
    static final String PRINT = "for v in AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_DEFAULT_REGION"
            + " AWS_REGION AWS_SSO_DEFAULT_REGION AWS_SSO_ACCOUNT_ID AWS_SSO_ROLE_NAME AWS_SSO_ROLE_ARN"
            + " AWS_SSO_SESSION_EXPIRATION AWS_SSO_PROFILE AWS_SSO AWS_SSO_TAG_ENV AWS_PROFILE OTHER AWS_CONFIG_FILE;"
            + " do eval \"echo $v=\\${$v-unset}\"; done; exit 7";
    private CliHarness h;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        h.writeConfig(h.instanceBlock("Default")
                + "    DefaultRegion: eu-west-1\n"
                + "    Accounts:\n"
                + "      \"012345678901\":\n"
                + "        Tags: {Env: prod}\n"
                + "        Roles:\n"
                + "          AdministratorAccess: {Profile: prod-admin}\n"
                + h.commonSettings().replace("SecureStore: file", "SecureStore: json")
                + "EnvVarTags: [Env]\n");
        assertThat(h.run("login").exitCode()).isZero();
        h.emulator().clearCallLog();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private static String value(Result r, String name) {
        return r.out().lines().filter(l -> l.startsWith(name + "=")).findFirst().orElseThrow()
                .substring(name.length() + 1);
    }

    @Test
    void exec_command_getsTheRoleVariablesAndItsExitCodeIsPassedOn() throws Exception {
        Result r = h.run(Map.of("OTHER", "kept"), "exec", "-p", "prod-admin", "sh", "-c", PRINT);

        assertThat(r.exitCode()).as("%s", r).isEqualTo(7);
        assertThat(h.emulator().issuedSecrets()).contains(value(r, "AWS_SECRET_ACCESS_KEY"));
        assertThat(value(r, "AWS_ACCESS_KEY_ID")).startsWith("ASIA");
        assertThat(value(r, "AWS_DEFAULT_REGION")).isEqualTo("eu-west-1");
        assertThat(value(r, "AWS_REGION")).isEqualTo("eu-west-1");
        assertThat(value(r, "AWS_SSO_DEFAULT_REGION")).isEqualTo("eu-west-1");
        assertThat(value(r, "AWS_SSO_ACCOUNT_ID")).isEqualTo("012345678901");
        assertThat(value(r, "AWS_SSO_ROLE_NAME")).isEqualTo("AdministratorAccess");
        assertThat(value(r, "AWS_SSO_ROLE_ARN")).isEqualTo(ADMIN);
        assertThat(value(r, "AWS_SSO_SESSION_EXPIRATION")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(value(r, "AWS_SSO_PROFILE")).isEqualTo("prod-admin");
        assertThat(value(r, "AWS_SSO")).isEqualTo("Default");
        assertThat(value(r, "AWS_SSO_TAG_ENV")).isEqualTo("prod");
        assertThat(value(r, "AWS_PROFILE")).isEqualTo("unset");
        assertThat(value(r, "OTHER")).isEqualTo("kept");
    }

    @Test
    void exec_childSucceeds_exitZero_andArgumentsPassUntouched() throws Exception {
        Result r = h.run("exec", "--arn", ADMIN, "sh", "-c", "echo \"$1|$2\"", "x", "--not-ours", "-a b");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEqualTo("--not-ours|-a b\n");
    }

    @Test
    void exec_envSelectorFallback_usesAwsSsoRoleArn() throws Exception {
        Result r = h.run(Map.of("AWS_SSO_ROLE_ARN", ADMIN), "exec", "sh", "-c", PRINT);

        assertThat(r.exitCode()).as("%s", r).isEqualTo(7);
        assertThat(value(r, "AWS_SSO_ROLE_NAME")).isEqualTo("AdministratorAccess");
    }

    @Test
    void exec_defaultCommand_isShell() throws Exception {
        Result r = h.run(Map.of("SHELL", "/bin/false"), "exec", "--arn", ADMIN);

        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void exec_conflictingVariable_refusedWithoutRunning() throws Exception {
        Result r = h.run(Map.of("AWS_PROFILE", "x"), "exec", "--arn", ADMIN, "sh", "-c", "echo ran");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("conflicting environment variable 'AWS_PROFILE' is set");
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isZero();
    }

    @Test
    void exec_overwriteEnv_removesEveryAwsVariableAndForcesTheRegion() throws Exception {
        Result r = h.run(Map.of("AWS_PROFILE", "x", "AWS_ACCESS_KEY_ID", "OLD", "AWS_DEFAULT_REGION", "ap-south-1"),
                "exec", "-O", "--arn", ADMIN, "sh", "-c", PRINT);

        assertThat(r.exitCode()).as("%s", r).isEqualTo(7);
        assertThat(value(r, "AWS_PROFILE")).isEqualTo("unset");
        assertThat(value(r, "AWS_CONFIG_FILE")).isEqualTo("unset");
        assertThat(value(r, "AWS_ACCESS_KEY_ID")).isNotEqualTo("OLD");
        assertThat(value(r, "AWS_DEFAULT_REGION")).isEqualTo("eu-west-1");
    }

    @Test
    void exec_usersOwnRegion_keptAndNotManaged() throws Exception {
        Result r = h.run(Map.of("AWS_DEFAULT_REGION", "ap-south-1"), "exec", "--arn", ADMIN, "sh", "-c", PRINT);

        assertThat(value(r, "AWS_DEFAULT_REGION")).isEqualTo("ap-south-1");
        assertThat(value(r, "AWS_REGION")).isEqualTo("unset");
        assertThat(value(r, "AWS_SSO_DEFAULT_REGION")).isEqualTo("unset");
    }

    @Test
    void exec_regionManagedEarlier_updated() throws Exception {
        Result r = h.run(Map.of("AWS_DEFAULT_REGION", "us-east-2", "AWS_SSO_DEFAULT_REGION", "us-east-2"),
                "exec", "--arn", ADMIN, "sh", "-c", PRINT);

        assertThat(value(r, "AWS_DEFAULT_REGION")).isEqualTo("eu-west-1");
        assertThat(value(r, "AWS_SSO_DEFAULT_REGION")).isEqualTo("eu-west-1");
    }

    @Test
    void exec_noRegion_regionVariablesNotSet() throws Exception {
        Result r = h.run("exec", "-n", "--arn", ADMIN, "sh", "-c", PRINT);

        assertThat(value(r, "AWS_DEFAULT_REGION")).isEqualTo("unset");
        assertThat(value(r, "AWS_SSO_DEFAULT_REGION")).isEqualTo("unset");
    }

    @Test
    void exec_recordsHistory() throws Exception {
        Result r = h.run("exec", "--arn", ADMIN, "true");

        assertThat(r.exitCode()).as("%s", r).isZero();
        com.fasterxml.jackson.databind.JsonNode cache = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(h.configDirectory().resolve("cache.json").toFile());
        assertThat(cache.at("/SSO/Default/History").toString()).contains(ADMIN);
    }

    @Test
    void exec_viaRole_assumedFromItsSource() throws Exception {
        h.writeConfig(h.instanceBlock("Default")
                + "    Accounts:\n"
                + "      \"210987654321\":\n"
                + "        Roles:\n"
                + "          Deploy: {Via: \"" + ADMIN + "\"}\n"
                + h.commonSettings().replace("SecureStore: file", "SecureStore: json"));

        Result r = h.run("exec", "-A", "210987654321", "-R", "Deploy", "sh", "-c", PRINT);

        assertThat(r.exitCode()).as("%s", r).isEqualTo(7);
        assertThat(value(r, "AWS_SSO_ROLE_ARN")).isEqualTo("arn:aws:iam::210987654321:role/Deploy");
        assertThat(h.emulator().calls(Operation.ASSUME_ROLE)).extracting(c -> c.parameter(Call.ROLE_SESSION_NAME))
                .containsExactly("AdministratorAccess@012345678901");
    }
}

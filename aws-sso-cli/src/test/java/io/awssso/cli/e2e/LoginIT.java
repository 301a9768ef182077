package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Call;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code aws-sso login} and {@code logout} as users run them: ./aws-sso against the emulator. */
class LoginIT {
    private CliHarness h;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start(b -> b.pollInterval(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private String jsonStoreConfig() {
        return h.defaultConfig().replace("SecureStore: file", "SecureStore: json");
    }

    private JsonNode jsonStore() throws Exception {
        return new ObjectMapper().readTree(h.configDirectory().resolve("store.json").toFile());
    }

    @Test
    void login_pkce_browserFollowsTheUrl_andTheCodeIsExchanged() throws Exception {
        Result r = h.run("login");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Logged in to Default");
        assertThat(h.emulator().calls(Operation.CREATE_TOKEN)).extracting(Call::grantType)
                .containsExactly("authorization_code");
        assertThat(h.emulator().calls(Operation.AUTHORIZE)).isNotEmpty();
    }

    @Test
    void login_secondTime_saysAlreadyLoggedInWithoutCallingAws() throws Exception {
        h.run("login");
        h.emulator().clearCallLog();

        Result r = h.run("login");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).contains("already logged in");
        assertThat(h.emulator().count(Operation.CREATE_TOKEN)).isZero();
        assertThat(h.emulator().count(Operation.REGISTER_CLIENT)).isZero();
    }

    @Test
    void login_deviceCodeWorkflow_printsTheCodeAndPollsUntilApproved() throws Exception {
        h.writeConfig(h.defaultConfig().replace("AuthWorkflow: pkce", "AuthWorkflow: device_code"));

        Result r = h.run("login", "--url-action", "printurl");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).contains("Verify this code in your browser:")
                .contains(h.emulator().endpoint() + "/device?user_code=");
        assertThat(h.emulator().calls(Operation.CREATE_TOKEN)).extracting(Call::grantType)
                .last().isEqualTo("urn:ietf:params:oauth:grant-type:device_code");
    }

    @Test
    void login_overSshWithoutAuthWorkflow_usesTheDeviceCode() throws Exception {
        h.writeConfig(h.defaultConfig().replace("AuthWorkflow: pkce\n", ""));

        Result r = h.run(Map.of("SSH_TTY", "/dev/pts/3"), "login", "-u", "print");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).contains("Verify this code in your browser:");
    }

    @Test
    void login_force_endsTheSessionAndLogsInAgainWithTheSameRegistration() throws Exception {
        h.run("login");

        Result r = h.run("login", "--force");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).contains("Logged in to Default");
        assertThat(h.emulator().count(Operation.LOGOUT)).isEqualTo(1);
        assertThat(h.emulator().count(Operation.REGISTER_CLIENT)).isEqualTo(1);
        assertThat(h.emulator().calls(Operation.CREATE_TOKEN)).hasSize(2);
    }

    @Test
    void login_expiredAccessToken_isRenewedSilentlyWithTheRefreshToken() throws Exception {
        h.writeConfig(jsonStoreConfig());
        h.run("login");
        // Age the stored token: the access token expired an hour ago, the refresh token still works.
        Path store = h.configDirectory().resolve("store.json");
        ObjectNode root = (ObjectNode) jsonStore();
        ObjectNode token = (ObjectNode) root.get("CreateTokenResponse").get("Default");
        token.put("expiresAt", System.currentTimeMillis() / 1000 - 3600);
        Files.writeString(store, root.toPrettyString());
        h.emulator().clearCallLog();

        Result r = h.run("login");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).contains("already logged in");
        assertThat(h.emulator().calls(Operation.CREATE_TOKEN)).extracting(Call::grantType)
                .containsExactly("refresh_token");
        assertThat(h.emulator().calls(Operation.AUTHORIZE)).isEmpty();
        assertThat(jsonStore().get("CreateTokenResponse").get("Default").get("expiresAt").asLong())
                .isGreaterThan(System.currentTimeMillis() / 1000);
    }

    @Test
    void logout_callsPortalLogoutAndDeletesTheToken() throws Exception {
        h.writeConfig(jsonStoreConfig());
        h.run("login");
        assertThat(jsonStore().get("CreateTokenResponse").has("Default")).isTrue();

        Result r = h.run("logout");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).contains("Logged out of Default");
        assertThat(h.emulator().count(Operation.LOGOUT)).isEqualTo(1);
        assertThat(jsonStore().get("CreateTokenResponse").has("Default")).isFalse();
    }

    @Test
    void twoInstances_dashSAndAwsSsoVariablePickTheInstance_andEachLogsInOnItsOwn() throws Exception {
        h.writeConfig(h.instanceBlock("Work", "Sandbox") + "SecureStore: json\n" + h.commonSettings()
                .replace("SecureStore: file\n", ""));

        Result none = h.run("login");
        Result sandbox = h.run("-S", "Sandbox", "login");
        Result work = h.run(Map.of("AWS_SSO", "Work"), "login");

        assertThat(none.exitCode()).as("%s", none).isEqualTo(3);
        assertThat(none.err()).contains("Sandbox").contains("Work");
        assertThat(sandbox.err()).as("%s", sandbox).contains("Logged in to Sandbox");
        assertThat(work.err()).as("%s", work).contains("Logged in to Work");
        JsonNode tokens = jsonStore().get("CreateTokenResponse");
        assertThat(tokens.has("Sandbox")).isTrue();
        assertThat(tokens.has("Work")).isTrue();
        assertThat(tokens.get("Sandbox").get("accessToken").asText())
                .isNotEqualTo(tokens.get("Work").get("accessToken").asText());
    }

    @Test
    void login_atTraceLevel_logsNoSecret() throws Exception {
        Result first = h.run("-L", "trace", "login");
        Result forced = h.run("-L", "trace", "login", "--force");

        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(forced.exitCode()).as("%s", forced).isZero();
        assertThat(first.err()).contains("DEBUG"); // the log really was verbose
        for (String secret : h.emulator().issuedSecrets()) {
            assertThat(first.err()).doesNotContain(secret);
            assertThat(forced.err()).doesNotContain(secret);
        }
    }

    @Test
    void login_brokenConfig_namesFileLineAndKey() throws Exception {
        h.writeConfig(h.defaultConfig().replace("SSORegion: us-east-1", "SSORegion: [us-east-1]"));

        Result r = h.run("login");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("error: ").contains(h.configFile().toString() + ":3")
                .contains("SSOConfig.Default.SSORegion").doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }
}

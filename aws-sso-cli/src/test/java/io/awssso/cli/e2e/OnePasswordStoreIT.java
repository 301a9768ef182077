package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.cli.e2e.CliHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code SecureStore: 1password} through ./aws-sso, with the stores module's stand-in {@code op}
 * (a script keeping its vault in a file) first on the {@code PATH}.
 */
class OnePasswordStoreIT {
    private static final String ADMIN = "arn:aws:iam::012345678901:role/AdministratorAccess";
    private static final String TOKEN = "ops_it-service-account-token";

    private CliHarness h;
    private Path state;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        Path bin = Files.createDirectories(h.home().resolve("bin"));
        String script = Files.readString(CliHarness.ROOT.resolve(
                "aws-sso-stores/src/test/resources/io/awssso/stores/onepassword/op-standin.py"));
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "/usr/bin/env python3";
        Path op = bin.resolve("op");
        Files.writeString(op, script.replaceFirst("^#![^\n]*", "#!" + python));
        Files.setPosixFilePermissions(op, PosixFilePermissions.fromString("rwx------"));
        state = h.home().resolve("op-state.json");
        Files.writeString(state, "{\"vaults\":[{\"id\":\"vaultteam000000000000000000\",\"name\":\"Team\"}],\"items\":[]}");
        env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("OP_STANDIN_STATE", state.toString());
        env.put("OP_STANDIN_ACCOUNT", "me@example.com");
        env.put("OP_STANDIN_TOKEN", TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private void config(String onePassword) throws Exception {
        h.writeConfig(h.instanceBlock("Default") + h.commonSettings()
                .replace("SecureStore: file", "SecureStore: 1password\nOnePassword: " + onePassword));
    }

    private JsonNode storedData() throws Exception {
        JsonNode items = new ObjectMapper().readTree(state.toFile()).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("title").asText()).isEqualTo("aws-sso-cli");
        for (JsonNode f : items.get(0).get("fields")) {
            if (f.get("id").asText().equals("data")) {
                return new ObjectMapper().readTree(f.get("value").asText());
            }
        }
        throw new AssertionError("no data field: " + items);
    }

    @Test
    void serviceAccount_loginAndProcess_keepEverythingInTheVaultsNote() throws Exception {
        config("{Vault: team, AuthType: service-account}");
        env.put("AWS_SSO_OP_SERVICE_ACCOUNT_TOKEN", TOKEN);

        Result login = h.run(env, "login");
        assertThat(login.exitCode()).as("%s", login).isZero();
        Result process = h.run(env, "process", "--arn", ADMIN);
        assertThat(process.exitCode()).as("%s", process).isZero();
        assertThat(process.out()).startsWith("{\"Version\":1,\"AccessKeyId\":\"ASIA");

        JsonNode data = storedData();
        assertThat(data.at("/CreateTokenResponse/token-response:Default/accessToken").asText()).isNotEmpty();
        assertThat(data.at("/RoleCredentials").has(ADMIN)).isTrue();
        Result again = h.run(env, "process", "--arn", ADMIN);
        assertThat(again.out()).isEqualTo(process.out()); // read back from the note
    }

    @Test
    void desktop_signsInAsTheAccount() throws Exception {
        config("{Vault: Team, Account: me@example.com}");

        Result login = h.run(env, "login");

        assertThat(login.exitCode()).as("%s", login).isZero();
        assertThat(storedData().at("/CreateTokenResponse/token-response:Default/accessToken").asText()).isNotEmpty();
    }

    @Test
    void serviceAccount_withoutToken_storeUnavailableNamingTheVariable() throws Exception {
        config("{Vault: Team, AuthType: service-account}");

        Result login = h.run(env, "login");

        assertThat(login.exitCode()).as("%s", login).isEqualTo(6);
        assertThat(login.err()).contains("AWS_SSO_OP_SERVICE_ACCOUNT_TOKEN is not set");
    }

    @Test
    void vaultMissing_storeUnavailableNamingTheVault() throws Exception {
        config("{Vault: Private, Account: me@example.com}");

        Result login = h.run(env, "login");

        assertThat(login.exitCode()).as("%s", login).isEqualTo(6);
        assertThat(login.err()).contains("1Password vault \"Private\" not found");
    }
}

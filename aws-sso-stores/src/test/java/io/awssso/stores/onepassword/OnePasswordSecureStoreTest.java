package io.awssso.stores.onepassword;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.api.spi.StoredSecrets;
import io.awssso.testkit.SecureStoreCompatibilityKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility kit against the {@code 1password} store driving a stand-in {@code op} that
 * keeps its vault in a file, plus the layout aws-sso-cli shares and both ways to sign in.
 */
class OnePasswordSecureStoreTest extends SecureStoreCompatibilityKit {
    private static final Map<String, String> DESKTOP = Map.of("OnePassword.Vault", "private",
            "OnePassword.AuthType", "desktop", "OnePassword.Account", OpStandIn.ACCOUNT);

    @TempDir
    Path sandbox;

    private OpStandIn op;
    private Path cfg;

    private OpStandIn op() {
        if (op == null) {
            try {
                op = OpStandIn.install(sandbox);
                cfg = Files.createDirectories(sandbox.resolve("cfg"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return op;
    }

    private SecureStore open(Map<String, String> options, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>(op().environment());
        env.putAll(extraEnv);
        return new OnePasswordSecureStoreProvider().create(new StoreContext(cfg, options, env, null));
    }

    @Override
    protected SecureStore createStore() {
        return open(DESKTOP, Map.of());
    }

    @Override
    protected SecureStore reopen() {
        return open(DESKTOP, Map.of());
    }

    private JsonNode onlyItem() throws IOException {
        JsonNode items = op().state().get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    @Test
    void name_always_is1password() {
        assertThat(store().name()).isEqualTo("1password");
    }

    @Test
    void update_writesOneSecureNoteTitledAwsSsoCliWithTheStorageDataInItsDataField() throws Exception {
        store().update(s -> s.withToken("Default", sampleToken("p")));
        store().update(s -> s.withToken("Other", sampleToken("q")));

        JsonNode item = onlyItem();
        assertThat(item.get("title").asText()).isEqualTo("aws-sso-cli");
        assertThat(item.get("category").asText()).isEqualTo("SECURE_NOTE");
        assertThat(item.get("vault").asText()).isEqualTo(OpStandIn.VAULT_ID);
        JsonNode data = null;
        for (JsonNode f : item.get("fields")) {
            if (f.get("id").asText().equals("data")) {
                data = f;
            }
        }
        assertThat(data).isNotNull();
        assertThat(data.get("type").asText()).isEqualTo("STRING");
        assertThat(data.get("label").asText()).isEqualTo("data");
        JsonNode storage = new ObjectMapper().readTree(data.get("value").asText());
        assertThat(storage.at("/CreateTokenResponse/token-response:Default/accessToken").asText())
                .isEqualTo("access-token-p");
        assertThat(storage.at("/CreateTokenResponse/token-response:Other/accessToken").asText())
                .isEqualTo("access-token-q");
        assertThat(item.get("version").asInt()).isEqualTo(2);
    }

    @Test
    void read_noteWrittenByAwsSsoCli_isRead() throws Exception {
        // the shape aws-sso-cli's SDK client leaves: a Secure Note whose only field is "data"
        String storage = "{\"RegisterClientData\":{},\"CreateTokenResponse\":{\"token-response:Default\":"
                + "{\"accessToken\":\"from-go\",\"expiresIn\":28800,\"expiresAt\":1795000000,"
                + "\"tokenType\":\"Bearer\"}},\"RoleCredentials\":{},\"StaticCredentials\":{}}";
        Map<String, Object> item = Map.of("id", "itemfromgo0000000000000000", "title", "aws-sso-cli",
                "category", "SECURE_NOTE", "version", 7, "vault", OpStandIn.VAULT_ID,
                "created_at", "2026-12-01T00:00:00Z", "updated_at", "2026-12-01T00:00:00Z",
                "fields", List.of(Map.of("id", "data", "type", "STRING", "label", "data", "value", storage)));
        Files.writeString(op().state, new ObjectMapper().writeValueAsString(Map.of(
                "vaults", List.of(Map.of("id", OpStandIn.VAULT_ID, "name", "Private")), "items", List.of(item))));

        StoredSecrets read = reopen().read();

        assertThat(read.token("Default")).hasValueSatisfying(t -> assertThat(t.accessToken()).isEqualTo("from-go"));
        reopen().update(s -> s.withToken("Second", sampleToken("s")));
        assertThat(onlyItem().get("id").asText()).isEqualTo("itemfromgo0000000000000000");
        assertThat(onlyItem().get("version").asInt()).isEqualTo(8);
    }

    @Test
    void update_secretsNeverOnOpsCommandLine_andNoTemplateLeftBehind() throws Exception {
        store().update(s -> s.withToken("Default", sampleToken("p")));
        store().update(s -> s.withToken("Default", sampleToken("r")));

        assertThat(op().calls()).isNotEmpty().allSatisfy(c -> assertThat(c.get("argv").toString())
                .doesNotContain("access-token").doesNotContain("refresh-token"));
        try (var left = Files.list(cfg)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".op-"));
        }
    }

    @Test
    void desktop_signsInWithTheAccount_andWithholdsAStrayServiceAccountToken() throws Exception {
        SecureStore s = open(DESKTOP, Map.of("OP_SERVICE_ACCOUNT_TOKEN", "not-for-desktop"));
        s.update(x -> x.withToken("Default", sampleToken("d")));

        assertThat(op().calls()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("token").asBoolean()).isFalse();
            assertThat(c.get("argv").get(0).asText()).isEqualTo("--account");
            assertThat(c.get("argv").get(1).asText()).isEqualTo(OpStandIn.ACCOUNT);
        });
    }

    @Test
    void serviceAccount_tokenFromAwsSsoVariableGoesToOpAsItsOwnVariable() throws Exception {
        SecureStore s = open(Map.of("OnePassword.Vault", "Private", "OnePassword.AuthType", "service-account"),
                Map.of("AWS_SSO_OP_SERVICE_ACCOUNT_TOKEN", OpStandIn.TOKEN));
        s.update(x -> x.withToken("Default", sampleToken("t")));

        assertThat(s.read().token("Default")).isPresent();
        assertThat(op().calls()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("token").asBoolean()).isTrue();
            assertThat(c.get("argv").toString()).doesNotContain(OpStandIn.TOKEN).doesNotContain("--account");
        });
    }

    @Test
    void serviceAccount_withoutToken_saysWhichVariable() {
        assertThatThrownBy(() -> open(Map.of("OnePassword.Vault", "Private", "OnePassword.AuthType",
                "service-account"), Map.of()))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("AWS_SSO_OP_SERVICE_ACCOUNT_TOKEN is not set");
    }

    @Test
    void serviceAccount_wrongToken_opsErrorReachesTheUserWithoutTheToken() {
        SecureStore s = open(Map.of("OnePassword.Vault", "Private", "OnePassword.AuthType", "service-account"),
                Map.of("AWS_SSO_OP_SERVICE_ACCOUNT_TOKEN", "ops_wrong-token"));

        assertThatThrownBy(s::read).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("op vault list failed (exit 1)")
                .hasMessageContaining("invalid service account token")
                .hasMessageNotContaining("ops_wrong-token");
    }

    @Test
    void desktop_unknownAccount_opsErrorReachesTheUser() {
        SecureStore s = open(Map.of("OnePassword.Vault", "Private", "OnePassword.Account", "other@example.com"),
                Map.of());

        assertThatThrownBy(s::read).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("no account found for filter \"other@example.com\"");
    }

    @Test
    void vaultMissing_isAClearError() {
        SecureStore s = open(Map.of("OnePassword.Vault", "Team", "OnePassword.Account", OpStandIn.ACCOUNT), Map.of());

        assertThatThrownBy(s::read).isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("1Password vault \"Team\" not found");
    }

    @Test
    void create_missingVaultOrAccountOption_isAClearError() {
        assertThatThrownBy(() -> open(Map.of("OnePassword.Account", OpStandIn.ACCOUNT), Map.of()))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("OnePassword.Vault");
        assertThatThrownBy(() -> open(Map.of("OnePassword.Vault", "Private"), Map.of()))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("OnePassword.Account");
    }

    @Test
    void opNotOnPath_unsupportedAndCreateExplains() {
        op();
        Map<String, String> env = Map.of("PATH", sandbox.resolve("nowhere").toString());
        StoreContext context = new StoreContext(cfg, DESKTOP, env, null);

        assertThat(new OnePasswordSecureStoreProvider().isSupported(context)).isFalse();
        assertThatThrownBy(() -> new OnePasswordSecureStoreProvider().create(context))
                .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("'op' on PATH");
    }
}

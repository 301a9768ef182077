package io.awssso.stores.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.StoreUnavailableException;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoreContext;
import io.awssso.api.spi.StoredSecrets;
import io.awssso.testkit.SecureStoreCompatibilityKit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JsonSecureStoreTest extends SecureStoreCompatibilityKit {

    @TempDir
    Path home;

    private Path cfg() {
        return home.resolve(".aws-sso");
    }

    private SecureStore open(Map<String, String> options) {
        return new JsonSecureStoreProvider().create(new StoreContext(cfg(), options, Map.of(), null));
    }

    @Override
    protected SecureStore createStore() {
        return open(Map.of());
    }

    @Override
    protected SecureStore reopen() {
        return open(Map.of());
    }

    private Path storeFile() {
        return cfg().resolve("store.json");
    }

    @Test
    void name_always_isJson() {
        assertThat(store().name()).isEqualTo("json");
    }

    @Test
    void update_firstWrite_createsFile0600InDirectory0700() throws IOException {
        store().update(s -> s.withEcsBearerToken("t"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(storeFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cfg()))).isEqualTo("rwx------");
    }

    @Test
    void update_writesTheReferenceLayoutPrettyPrinted() throws IOException {
        RoleArn role = RoleArn.of(AccountId.parse("000123456789"), "Admin");
        store().update(s -> everything().withCredentials(role,
                sampleCredentials(role, "lz", false)));

        String text = Files.readString(storeFile());
        JsonNode root = new ObjectMapper().readTree(text);
        List<String> members = new ArrayList<>();
        root.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("RegisterClient", "StartDeviceAuth", "CreateTokenResponse",
                "RoleCredentials", "StaticCredentials", "EcsBearerToken", "EcsPrivateKey", "EcsCertChain");
        assertThat(root.get("RegisterClient").has("Default")).isTrue();
        assertThat(root.get("CreateTokenResponse").has("Default")).isTrue();
        JsonNode creds = root.get("RoleCredentials").get("arn:aws:iam::000123456789:role/Admin");
        assertThat(creds.get("accountId").isIntegralNumber()).isTrue();
        assertThat(creds.get("accountId").longValue()).isEqualTo(123456789L);
        assertThat(creds.get("expiration").longValue())
                .isEqualTo(sampleCredentials(role, "lz", false).expiration().toEpochMilli());
        JsonNode token = root.get("CreateTokenResponse").get("Default");
        assertThat(token.has("RefreshToken")).isTrue();
        assertThat(token.has("IdToken")).isTrue();
        assertThat(text).startsWith("{\n  \"RegisterClient\": {\n    \"");
    }

    @Test
    void read_fileAsAwsSsoCliWritesIt_givesItsContents() throws IOException {
        Files.createDirectories(cfg());
        Files.writeString(storeFile(), """
                {
                  "RegisterClient": {
                    "Default": {
                      "clientId": "cid",
                      "clientSecret": "cs",
                      "clientIdIssuedAt": 1764000000,
                      "clientSecretExpiresAt": 1771776000,
                      "grantTypes": null
                    }
                  },
                  "StartDeviceAuth": {},
                  "CreateTokenResponse": {
                    "Default": {
                      "accessToken": "at",
                      "expiresIn": 28800,
                      "expiresAt": 1764028800,
                      "IdToken": "",
                      "RefreshToken": "rt",
                      "tokenType": "Bearer"
                    }
                  },
                  "RoleCredentials": {
                    "arn:aws:iam::012345678901:role/Dev": {
                      "roleName": "Dev",
                      "accountId": 12345678901,
                      "accessKeyId": "ASIA",
                      "secretAccessKey": "sk",
                      "sessionToken": "st",
                      "expiration": 1764003600123,
                      "roleChaining": false
                    }
                  },
                  "StaticCredentials": {},
                  "EcsBearerToken": "",
                  "EcsPrivateKey": "",
                  "EcsCertChain": ""
                }
                """);

        StoredSecrets s = store().read();

        assertThat(s.registration("Default").orElseThrow().clientId()).isEqualTo("cid");
        assertThat(s.token("Default").orElseThrow().refreshTokenIfAny()).contains("rt");
        assertThat(s.credentials(RoleArn.parse("012345678901:Dev")).orElseThrow().accountId().value())
                .isEqualTo("012345678901");
        assertThat(s.ecsBearerToken()).isNull();
    }

    @Test
    void update_existingFile_keepsMembersThisCodeDoesNotModel() throws IOException {
        Files.createDirectories(cfg());
        Files.writeString(storeFile(), """
                {"RegisterClient": {}, "StartDeviceAuth": {"Default": {"deviceCode": "dc", "interval": 5}},
                 "CreateTokenResponse": {}, "RoleCredentials": {},
                 "StaticCredentials": {"arn:aws:iam::123456789012:user/u": {"Profile": "p", "accountId": 123456789012}}}
                """);

        store().update(s -> s.withEcsBearerToken("tok"));

        JsonNode root = new ObjectMapper().readTree(storeFile().toFile());
        assertThat(root.at("/StartDeviceAuth/Default/deviceCode").asText()).isEqualTo("dc");
        assertThat(root.at("/StaticCredentials/arn:aws:iam::123456789012:user~1u/Profile").asText()).isEqualTo("p");
        assertThat(root.get("EcsBearerToken").asText()).isEqualTo("tok");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard
    void read_storeFileIsAFifo_isRefusedNamingTheFile() throws Exception {
        Files.createDirectories(cfg());
        Process mkfifo = new ProcessBuilder("mkfifo", storeFile().toString()).inheritIO().start();
        assumeThat(mkfifo.waitFor()).isZero();

        assertThatThrownBy(() -> store().read())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(storeFile().toString())
                .hasMessageContaining("not a regular file");
    }

    @Test
    void readAndUpdate_malformedFile_failNamingTheFileAndLeaveItByteIdentical() throws IOException {
        Files.createDirectories(cfg());
        byte[] broken = "{\"CreateTokenResponse\": {\"Default\": {\"accessToken\": SECRET".getBytes(StandardCharsets.UTF_8);
        Files.write(storeFile(), broken);

        assertThatThrownBy(() -> store().read())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(storeFile().toString())
                .hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> store().update(s -> s.withEcsBearerToken("x")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(storeFile().toString());
        assertThat(Files.readAllBytes(storeFile())).isEqualTo(broken);
    }

    @Test
    void update_wellFormedButWrongShape_failsAndLeavesTheFile() throws IOException {
        Files.createDirectories(cfg());
        byte[] wrong = "{\"RoleCredentials\": {\"not-an-arn\": {}}}".getBytes(StandardCharsets.UTF_8);
        Files.write(storeFile(), wrong);

        assertThatThrownBy(() -> store().update(s -> s.withEcsBearerToken("x")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(storeFile().toString())
                .hasMessageContaining("RoleCredentials.not-an-arn");
        assertThat(Files.readAllBytes(storeFile())).isEqualTo(wrong);
    }

    @Test
    void update_manyTimes_leavesNoTempFiles() throws IOException {
        for (int i = 0; i < 10; i++) {
            String v = "v" + i;
            store().update(s -> s.withEcsBearerToken(v));
        }

        try (Stream<Path> files = Files.list(cfg())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("store.json", "storage.lock");
        }
    }

    @Test
    void create_withJsonStoreOption_usesThatFileAndTheConfigDirectoryLock() throws IOException {
        Path elsewhere = home.resolve("other/place/mystore.json");
        SecureStore custom = open(Map.of("JsonStore", elsewhere.toString()));
        try {
            custom.update(s -> s.withEcsBearerToken("x"));
        } finally {
            custom.close();
        }

        assertThat(elsewhere).exists();
        assertThat(storeFile()).doesNotExist();
        assertThat(cfg().resolve("storage.lock")).exists();
        assertThat(custom.toString()).contains(elsewhere.toString());
    }
}

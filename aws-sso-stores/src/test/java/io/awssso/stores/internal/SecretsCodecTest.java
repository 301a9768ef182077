package io.awssso.stores.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.awssso.api.AccountId;
import io.awssso.api.ClientRegistration;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.StoredSecrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsCodecTest {

    private static final RoleArn ADMIN = RoleArn.parse("arn:aws:iam::012345678901:role/AdministratorAccess");

    /** Written by hand from reference 5.1: the keyring blob. */
    private static final String STORAGE_DATA_GOLDEN = """
            {
              "RegisterClientData": {
                "client-data:Default": {
                  "authorizationEndpoint": "https://oidc.us-east-1.amazonaws.com/authorize",
                  "clientId": "cid-1",
                  "clientIdIssuedAt": 1764000000,
                  "clientSecret": "csecret-1",
                  "clientSecretExpiresAt": 1771776000,
                  "tokenEndpoint": "https://oidc.us-east-1.amazonaws.com/token",
                  "grantTypes": ["authorization_code", "refresh_token"]
                }
              },
              "CreateTokenResponse": {
                "token-response:Default": {
                  "accessToken": "at-1",
                  "expiresIn": 28800,
                  "expiresAt": 1764028800,
                  "IdToken": "idt-1",
                  "RefreshToken": "rt-1",
                  "tokenType": "Bearer"
                }
              },
              "RoleCredentials": {
                "arn:aws:iam::012345678901:role/AdministratorAccess": {
                  "roleName": "AdministratorAccess",
                  "accountId": 12345678901,
                  "accessKeyId": "ASIAEXAMPLE",
                  "secretAccessKey": "sak-1",
                  "sessionToken": "st-1",
                  "expiration": 1764003600123,
                  "roleChaining": false
                }
              },
              "StaticCredentials": {},
              "EcsBearerToken": "Bearer ecs",
              "EcsPrivateKey": "-----BEGIN PRIVATE KEY-----\\nkey\\n-----END PRIVATE KEY-----\\n",
              "EcsCertChain": "-----BEGIN CERTIFICATE-----\\ncert\\n-----END CERTIFICATE-----\\n"
            }
            """;

    /** Written by hand from reference 5.2: the json store, maps keyed by the raw instance name. */
    private static final String JSON_STORE_GOLDEN = """
            {
              "RegisterClient": {
                "Default": {
                  "authorizationEndpoint": "https://oidc.us-east-1.amazonaws.com/authorize",
                  "clientId": "cid-1",
                  "clientIdIssuedAt": 1764000000,
                  "clientSecret": "csecret-1",
                  "clientSecretExpiresAt": 1771776000,
                  "tokenEndpoint": "https://oidc.us-east-1.amazonaws.com/token",
                  "grantTypes": [
                    "authorization_code",
                    "refresh_token"
                  ]
                }
              },
              "StartDeviceAuth": {},
              "CreateTokenResponse": {
                "Default": {
                  "accessToken": "at-1",
                  "expiresIn": 28800,
                  "expiresAt": 1764028800,
                  "IdToken": "idt-1",
                  "RefreshToken": "rt-1",
                  "tokenType": "Bearer"
                }
              },
              "RoleCredentials": {
                "arn:aws:iam::012345678901:role/AdministratorAccess": {
                  "roleName": "AdministratorAccess",
                  "accountId": 12345678901,
                  "accessKeyId": "ASIAEXAMPLE",
                  "secretAccessKey": "sak-1",
                  "sessionToken": "st-1",
                  "expiration": 1764003600123,
                  "roleChaining": false
                }
              },
              "StaticCredentials": {},
              "EcsBearerToken": "Bearer ecs",
              "EcsPrivateKey": "-----BEGIN PRIVATE KEY-----\\nkey\\n-----END PRIVATE KEY-----\\n",
              "EcsCertChain": "-----BEGIN CERTIFICATE-----\\ncert\\n-----END CERTIFICATE-----\\n"
            }""";

    static StoredSecrets sample() {
        ClientRegistration reg = new ClientRegistration("cid-1", "csecret-1",
                Instant.ofEpochSecond(1_764_000_000L), Instant.ofEpochSecond(1_771_776_000L),
                "https://oidc.us-east-1.amazonaws.com/authorize",
                "https://oidc.us-east-1.amazonaws.com/token",
                List.of("authorization_code", "refresh_token"));
        SsoToken token = new SsoToken("at-1", "Bearer", Duration.ofSeconds(28_800),
                Instant.ofEpochSecond(1_764_028_800L), "rt-1", "idt-1");
        RoleCredentials creds = new RoleCredentials(ADMIN, "ASIAEXAMPLE", "sak-1", "st-1",
                Instant.ofEpochMilli(1_764_003_600_123L), false);
        return StoredSecrets.EMPTY.withRegistration("Default", reg).withToken("Default", token)
                .withCredentials(ADMIN, creds).withEcsBearerToken("Bearer ecs")
                .withEcsTls("-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n",
                        "-----BEGIN CERTIFICATE-----\ncert\n-----END CERTIFICATE-----\n");
    }

    private static JsonNode tree(String json) throws IOException {
        return GoJson.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void encode_storageData_matchesTheReferenceLayout() throws IOException {
        JsonNode encoded = SecretsCodec.STORAGE_DATA.encode(sample());

        // Compared as Go's compact text: member order, names and number forms all count.
        assertThat(new String(GoJson.compact(encoded), StandardCharsets.UTF_8))
                .isEqualTo(new String(GoJson.compact(tree(STORAGE_DATA_GOLDEN)), StandardCharsets.UTF_8));
    }

    @Test
    void decode_storageDataGolden_givesTheSample() throws IOException {
        assertThat(SecretsCodec.STORAGE_DATA.decode(tree(STORAGE_DATA_GOLDEN))).isEqualTo(sample());
    }

    @Test
    void encode_jsonStore_isByteForByteGoMarshalIndent() {
        byte[] text = GoJson.indented(SecretsCodec.JSON_STORE.encode(sample()));

        assertThat(new String(text, StandardCharsets.UTF_8)).isEqualTo(JSON_STORE_GOLDEN);
    }

    @Test
    void decode_jsonStoreGolden_givesTheSample() throws IOException {
        assertThat(SecretsCodec.JSON_STORE.decode(tree(JSON_STORE_GOLDEN))).isEqualTo(sample());
    }

    @Test
    void encode_leadingZeroAccount_isWrittenAsANumberAndReadBackPadded() throws IOException {
        RoleArn role = RoleArn.parse("000000000042:Tiny");
        RoleCredentials c = new RoleCredentials(role, "AK", "SK", "ST",
                Instant.ofEpochMilli(5), true);
        JsonNode encoded = SecretsCodec.STORAGE_DATA.encode(StoredSecrets.EMPTY.withCredentials(role, c));

        JsonNode acct = encoded.at("/RoleCredentials/arn:aws:iam::000000000042:role~1Tiny/accountId");
        assertThat(acct.isIntegralNumber()).isTrue();
        assertThat(acct.longValue()).isEqualTo(42L);
        StoredSecrets back = SecretsCodec.STORAGE_DATA.decode(tree(new String(GoJson.compact(encoded),
                StandardCharsets.UTF_8)));
        assertThat(back.credentials(role).orElseThrow().accountId().value()).isEqualTo("000000000042");
    }

    @Test
    void decode_roleInGovCloud_credentialsKeepThePartitionOfTheirKey() throws IOException {
        RoleArn gov = RoleArn.parse("arn:aws-us-gov:iam::012345678901:role/Deploy");
        RoleCredentials c = new RoleCredentials(gov, "AK", "SK", "ST", Instant.ofEpochMilli(5), false);
        JsonNode encoded = SecretsCodec.STORAGE_DATA.encode(StoredSecrets.EMPTY.withCredentials(gov, c));

        StoredSecrets back = SecretsCodec.STORAGE_DATA.decode(tree(new String(GoJson.compact(encoded),
                StandardCharsets.UTF_8)));

        assertThat(back.credentials(gov).orElseThrow().roleArn()).isEqualTo(gov);
    }

    @Test
    void decode_accountIdAsString_isAccepted() throws IOException {
        JsonNode doc = tree("""
                {"RoleCredentials": {"arn:aws:iam::000000000007:role/R": {"roleName": "R",
                 "accountId": "7", "accessKeyId": "a", "secretAccessKey": "s", "sessionToken": "t",
                 "expiration": 1}}}""");

        StoredSecrets s = SecretsCodec.STORAGE_DATA.decode(doc);

        assertThat(s.roleCredentials().values()).singleElement()
                .satisfies(c -> assertThat(c.accountId().value()).isEqualTo("000000000007"));
    }

    @Test
    void decode_emptyGrantTypesAndMissingOptionalParts_readAsAwsSsoCliDoes() throws IOException {
        JsonNode doc = tree("""
                {"RegisterClientData": {"client-data:X": {"clientId": "c", "clientSecret": "s",
                  "clientSecretExpiresAt": 10, "grantTypes": []}},
                 "CreateTokenResponse": {"token-response:X": {"accessToken": "a", "expiresAt": 20,
                  "RefreshToken": "", "IdToken": ""}},
                 "EcsBearerToken": ""}""");

        StoredSecrets s = SecretsCodec.STORAGE_DATA.decode(doc);

        assertThat(s.registration("X").orElseThrow().grantTypes()).containsExactly(ClientRegistration.DEVICE_CODE);
        assertThat(s.registration("X").orElseThrow().issuedAt()).isNull();
        assertThat(s.token("X").orElseThrow().refreshTokenIfAny()).isEmpty();
        assertThat(s.token("X").orElseThrow().idToken()).isNull();
        assertThat(s.ecsBearerToken()).isNull();
    }

    @Test
    void decode_keysWithoutThePrefix_areIgnoredInStorageData() throws IOException {
        JsonNode doc = tree("""
                {"CreateTokenResponse": {"Default": {"accessToken": "a", "expiresAt": 20},
                                         "token-response:Real": {"accessToken": "b", "expiresAt": 20}}}""");

        assertThat(SecretsCodec.STORAGE_DATA.decode(doc).tokens()).containsOnlyKeys("Real");
    }

    @Test
    void encode_withPrevious_keepsUnknownMembers() throws IOException {
        JsonNode previous = tree("""
                {"RegisterClient": {}, "StartDeviceAuth": {"Default": {"deviceCode": "dc"}},
                 "StaticCredentials": {"arn:aws:iam::1:user/u": {"Profile": "p"}},
                 "FutureMember": [1, 2]}""");

        JsonNode encoded = SecretsCodec.JSON_STORE.encode(StoredSecrets.EMPTY, previous);

        assertThat(encoded.get("StartDeviceAuth")).isEqualTo(previous.get("StartDeviceAuth"));
        assertThat(encoded.get("StaticCredentials")).isEqualTo(previous.get("StaticCredentials"));
        assertThat(encoded.get("FutureMember")).isEqualTo(previous.get("FutureMember"));
    }

    @Test
    void decode_missingSecret_namesTheMemberNotAValue() throws IOException {
        JsonNode doc = tree("""
                {"RoleCredentials": {"arn:aws:iam::123456789012:role/R": {"roleName": "R",
                 "accountId": 123456789012, "accessKeyId": "AKIDVALUE", "sessionToken": "TOKENVALUE",
                 "expiration": 1}}}""");

        assertThatThrownBy(() -> SecretsCodec.STORAGE_DATA.decode(doc))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RoleCredentials.arn:aws:iam::123456789012:role/R.secretAccessKey")
                .hasMessageNotContaining("TOKENVALUE");
    }

    @Test
    void decode_notAnObject_isRefused() throws IOException {
        assertThatThrownBy(() -> SecretsCodec.JSON_STORE.decode(tree("[1]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretsCodec.JSON_STORE.decode(tree("{\"RoleCredentials\": 3}")))
                .hasMessageContaining("RoleCredentials");
    }

    @Test
    void parse_malformedJson_reportsLocationWithoutTheText() {
        assertThatThrownBy(() -> GoJson.parse("{\"a\": SECRETWORD}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("SECRETWORD");
    }
}

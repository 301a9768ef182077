package io.awssso.core.internal.ecs;

import static io.awssso.core.internal.ecs.EcsTestSupport.TOKEN;
import static io.awssso.core.internal.ecs.EcsTestSupport.credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleCredentials;
import io.awssso.api.spi.StoredSecrets;
import io.awssso.core.AwsSso;
import io.awssso.core.EcsClient;
import io.awssso.core.EcsServer;
import io.awssso.core.EcsServerOptions;
import io.awssso.testkit.InMemorySecureStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade calls the CLI's {@code setup ecs} and {@code ecs} commands make: token and TLS from the store. */
class AwsSsoEcsTest {
    private final RoleCredentials admin = credentials("012345678901", "AdministratorAccess",
            Instant.now().plus(Duration.ofHours(1)));
    private final InMemorySecureStore store = InMemorySecureStore.create();

    @TempDir
    Path home;

    private AwsSso sso(Map<String, String> env) {
        try {
            Path config = home.resolve("config.yaml");
            java.nio.file.Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                    + "    StartUrl: https://d-1234567890.awsapps.com/start\n");
            return AwsSso.builder().configFile(config.toString()).environment(env, home).secureStore(store).build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void ecsServerAndClient_tokenFromTheStore_roundTrip() throws Exception {
        try (AwsSso sso = sso(Map.of())) {
            sso.ecs().storeBearerToken(TOKEN);
            try (EcsServer server = sso.ecs().startServer(EcsServerOptions.builder().port(0).build())) {
                EcsClient client = sso.ecs().client("127.0.0.1:" + server.port());

                client.load("prod-admin", admin, false);

                assertThat(server.authEnabled()).isTrue();
                assertThat(new EcsTestSupport.Client(server.uri(), "Bearer " + TOKEN, null).get("/").status())
                        .isEqualTo(200);
                assertThat(new EcsTestSupport.Client(server.uri(), null, null).get("/").status()).isEqualTo(403);
                assertThat(client.profile()).map(EcsClient.Profile::profileName).contains("prod-admin");
            }
        }
        assertThat(store.read().ecsBearerToken()).isEqualTo(TOKEN);
    }

    @Test
    void ecsClient_serverFromEnvironment_usedWithoutFlag() {
        try (AwsSso sso = sso(Map.of("AWS_SSO_ECS_SERVER", "127.0.0.1:5555"))) {
            assertThat(sso.ecs().client().server().toString()).isEqualTo("http://127.0.0.1:5555/");
            assertThat(sso.ecs().client("127.0.0.1:6666").server().toString()).isEqualTo("http://127.0.0.1:6666/");
        }
    }

    @Test
    void ecsServer_storedTlsPair_servesHttpsUnlessDisabled() {
        SelfSignedCertificates.Pair pair = SelfSignedCertificates.generate(2);
        try (AwsSso sso = sso(Map.of())) {
            sso.ecs().storeTls(new EcsServer.TlsPair(pair.certificatePem(), pair.privateKeyPem()));
            sso.ecs().storeBearerToken(TOKEN);
            try (EcsServer https = sso.ecs().startServer(EcsServerOptions.builder().port(0).build());
                    EcsServer http = sso.ecs().startServer(EcsServerOptions.builder().port(0).disableTls(true).build())) {
                EcsClient client = sso.ecs().client("localhost:" + https.port());
                client.load("p", admin, true);

                assertThat(https.tls()).isTrue();
                assertThat(client.list()).hasSize(1);
                assertThat(http.tls()).isFalse();
            }
            assertThat(sso.ecs().certificate()).contains(pair.certificatePem());
            sso.ecs().deleteTls();
            assertThat(sso.ecs().certificate()).isEmpty();
        }
    }

    @Test
    void setEcsBearerToken_bearerPrefixOrSpaces_refusedAndNullDeletes() {
        try (AwsSso sso = sso(Map.of())) {
            assertThatThrownBy(() -> sso.ecs().storeBearerToken("Bearer abc")).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("without the 'Bearer ' prefix");
            assertThatThrownBy(() -> sso.ecs().storeBearerToken("a b")).isInstanceOf(ConfigurationException.class);
            sso.ecs().storeBearerToken(TOKEN);
            sso.ecs().deleteBearerToken();
        }
        assertThat(store.read()).isNotEqualTo(StoredSecrets.EMPTY.withEcsBearerToken(TOKEN));
        assertThat(store.read().ecsBearerToken()).isNull();
    }
}

package io.awssso.core.internal.ecs;

import static io.awssso.core.internal.ecs.EcsTestSupport.TOKEN;
import static io.awssso.core.internal.ecs.EcsTestSupport.credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AccountId;
import io.awssso.api.AwsSsoException;
import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleCredentials;
import io.awssso.core.EcsClient;
import io.awssso.core.EcsServer;
import io.awssso.core.EcsServerOptions;
import io.awssso.testkit.MutableClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client the {@code ecs load|unload|list|profile} commands use, against a real server. */
class EcsClientTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final MutableClock clock = MutableClock.startingAt(NOW);
    private final RoleCredentials admin = credentials("012345678901", "AdministratorAccess",
            NOW.plus(Duration.ofMinutes(65)));
    private final RoleCredentials readOnly = credentials("000000000042", "ReadOnly", NOW.plus(Duration.ofMinutes(30)));
    private EcsServer server;
    private EcsClient client;

    @BeforeEach
    void start() {
        server = EcsServer.start(EcsServerOptions.builder().port(0).bearerToken(TOKEN).clock(clock).build());
        client = EcsClient.create("127.0.0.1:" + server.port(), TOKEN, null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void load_defaultSlot_profileShowsIt() {
        client.load("prod-admin", admin, false);

        Optional<EcsClient.Profile> p = client.profile();

        assertThat(p).hasValueSatisfying(v -> {
            assertThat(v.profileName()).isEqualTo("prod-admin");
            assertThat(v.accountId()).isEqualTo(AccountId.parse("012345678901"));
            assertThat(v.roleName()).isEqualTo("AdministratorAccess");
            assertThat(v.expiration()).isEqualTo(admin.expiration());
            assertThat(v.expires()).isEqualTo(" 1h  5m");
        });
        assertThat(client.list()).isEmpty();
    }

    @Test
    void load_slotted_listedUnderProfileNameWithSpecialCharacters() {
        client.load("000000000042:Read Only/x", readOnly, true);
        client.load("prod-admin", admin, true);

        assertThat(client.list()).extracting(EcsClient.Profile::profileName)
                .containsExactly("000000000042:Read Only/x", "prod-admin");
        assertThat(client.list().get(0).accountId().value()).isEqualTo("000000000042");
        assertThat(client.unload(Optional.of("000000000042:Read Only/x"))).isTrue();
        assertThat(client.list()).extracting(EcsClient.Profile::profileName).containsExactly("prod-admin");
        assertThat(client.profile()).isEmpty();
    }

    @Test
    void unload_nothingLoaded_false() {
        assertThat(client.unload(Optional.empty())).isFalse();
        assertThat(client.unload(Optional.of("nope"))).isFalse();
    }

    @Test
    void load_expiredCredentials_errorWithTheServersMessage() {
        clock.advance(Duration.ofHours(2));

        assertThatThrownBy(() -> client.load("prod-admin", admin, false))
                .isInstanceOf(AwsSsoException.class).hasMessageContaining("404").hasMessageContaining("Credentials expired");
    }

    @Test
    void anyCall_wrongToken_403ErrorPointsAtSetupEcsAuth() {
        EcsClient wrong = EcsClient.create("127.0.0.1:" + server.port(), "not-the-token", null);

        assertThatThrownBy(wrong::list).isInstanceOf(AwsSsoException.class)
                .hasMessageContaining("403").hasMessageContaining("Invalid authorization token")
                .hasMessageContaining("setup ecs auth").hasMessageNotContaining("not-the-token");
    }

    @Test
    void anyCall_noServerThere_errorNamesAddressAndFlag() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        EcsClient nowhere = EcsClient.create("127.0.0.1:" + free, TOKEN, null);

        assertThatThrownBy(nowhere::profile).isInstanceOf(AwsSsoException.class)
                .hasMessageContaining("http://127.0.0.1:" + free).hasMessageContaining("AWS_SSO_ECS_SERVER");
    }

    @Test
    void create_addresses_defaultHostPortAndUrls() {
        assertThat(EcsClient.create(null, null, null).server().toString()).isEqualTo("http://localhost:4144/");
        assertThat(EcsClient.create("10.0.0.1:9999", null, null).server().toString()).isEqualTo("http://10.0.0.1:9999/");
        assertThat(EcsClient.create("https://h:1/x", null, null).server().toString()).isEqualTo("https://h:1/");
        assertThatThrownBy(() -> EcsClient.create("ftp://h:1", null, null)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void loadDefault_inProcess_servedToClients() {
        server.loadDefault("preloaded", admin);

        assertThat(client.profile()).map(EcsClient.Profile::profileName).contains("preloaded");
    }

    @Test
    void serverStart_hostNameAsBindAddress_refused() {
        assertThatThrownBy(() -> EcsServer.start(EcsServerOptions.builder().bindAddress("example.com").port(0).build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("IP address");
    }

    @Test
    void expiresText_likeAwsSsoCli() {
        assertThat(EcsJson.expiresText(Duration.ofMinutes(65))).isEqualTo(" 1h  5m");
        assertThat(EcsJson.expiresText(Duration.ofMinutes(42))).isEqualTo("42m");
        assertThat(EcsJson.expiresText(Duration.ofSeconds(30))).isEqualTo("< 1m");
        assertThat(EcsJson.expiresText(Duration.ZERO)).isEqualTo("Expired");
        assertThat(EcsJson.expiresText(Duration.ofHours(12).plusMinutes(1))).isEqualTo("12h  1m");
    }

    @Test
    void quote_controlAndQuoteCharacters_escaped() {
        assertThat(EcsJson.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }
}

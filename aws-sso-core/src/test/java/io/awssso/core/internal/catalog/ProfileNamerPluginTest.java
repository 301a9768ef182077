package io.awssso.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.CatalogRole;
import io.awssso.api.ConfigurationException;
import io.awssso.api.spi.ProfileNamer;
import io.awssso.api.spi.ProfileNamerFactory;
import io.awssso.core.AwsSso;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.core.internal.naming.ProfileNamerFactories;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@link ProfileNamerFactory} given to the builder names the roles instead of the Go template. */
class ProfileNamerPluginTest {
    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-26T10:00:00Z"));
    private IdentityCenterEmulator emulator;
    private CatalogHarness harness;

    @BeforeEach
    void start() {
        emulator = IdentityCenterEmulator.builder().clock(clock).build().start();
        emulator.addAccount("012345678901", "My Prod", "prod@example.com", "AdministratorAccess", "ReadOnly");
        harness = new CatalogHarness(home, emulator, clock).config("""
                    Accounts:
                      "012345678901":
                        Roles:
                          ReadOnly: {Profile: explicit-ro}
                """, "ProfileFormat: 'SHOUT'\n").signedIn();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private AwsSso engine(ProfileNamerFactory factory) {
        return AwsSso.builder().configFile(harness.configFile.toString()).environment(Map.of(), home).clock(clock)
                .secureStore(harness.store).profileNamerFactory(factory)
                .identityCenterClientFactory(new SdkIdentityCenterClientFactory(SdkClientOptions.defaults()
                        .withEndpoint(emulator.endpoint()).withRetries(1, null), clock))
                .build();
    }

    @Test
    void roles_builderNamer_namesRolesWithoutExplicitProfileAndGetsTheFormat() {
        AtomicReference<String> format = new AtomicReference<>();
        ProfileNamerFactory factory = f -> {
            format.set(f);
            return role -> role.accountAlias().replace(' ', '_').toLowerCase(Locale.ROOT) + "/" + role.arn().roleName();
        };
        try (AwsSso sso = engine(factory)) {
            assertThat(sso.roles().list()).extracting(CatalogRole::profile)
                    .containsExactlyInAnyOrder("my_prod/AdministratorAccess", "explicit-ro");
        }
        assertThat(format.get()).isEqualTo("SHOUT");
    }

    @Test
    void roles_namerGivesEmptyName_isConfigurationErrorNamingTheRole() {
        ProfileNamer empty = role -> "";
        try (AwsSso sso = engine(f -> empty)) {
            assertThatThrownBy(() -> sso.roles().list()).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("arn:aws:iam::012345678901:role/AdministratorAccess")
                    .hasMessageContaining("no usable profile name");
        }
    }

    @Test
    void roles_namerThrows_isConfigurationErrorNamingNamerAndRole() {
        ProfileNamer broken = role -> {
            throw new IllegalStateException("boom");
        };
        try (AwsSso sso = engine(f -> broken)) {
            assertThatThrownBy(() -> sso.roles().list()).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("failed for role arn:aws:iam::012345678901:role/AdministratorAccess")
                    .hasMessageContaining("boom");
        }
    }

    @Test
    void choose_severalInstalledAndNoneGiven_isAnErrorNamingThem() {
        ProfileNamerFactory a = new First();
        ProfileNamerFactory b = new Second();

        assertThat(ProfileNamerFactories.choose(null, List.of())).isNull();
        assertThat(ProfileNamerFactories.choose(null, List.of(a))).isSameAs(a);
        assertThat(ProfileNamerFactories.choose(b, List.of(a))).isSameAs(b);
        assertThatThrownBy(() -> ProfileNamerFactories.choose(null, List.of(a, b)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(First.class.getName()).hasMessageContaining(Second.class.getName());
    }

    private static final class First implements ProfileNamerFactory {
        @Override
        public ProfileNamer create(String profileFormat) {
            return role -> "first";
        }
    }

    private static final class Second implements ProfileNamerFactory {
        @Override
        public ProfileNamer create(String profileFormat) {
            return role -> "second";
        }
    }
}

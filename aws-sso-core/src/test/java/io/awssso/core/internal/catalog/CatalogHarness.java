package io.awssso.core.internal.catalog;

import io.awssso.api.ClientRegistration;
import io.awssso.api.SsoToken;
import io.awssso.core.AwsSso;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.InMemorySecureStore;
import io.awssso.testkit.IssuedTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An engine wired to an emulator over real HTTP: a config file in a throwaway home, a store that
 * already holds a signed-in session (token + refresh token + registration), and the real SDK
 * client pointed at the emulator with its own retries off.
 */
final class CatalogHarness {
    final Path home;
    final Path configDir;
    final Path configFile;
    final IdentityCenterEmulator emulator;
    final InMemorySecureStore store = InMemorySecureStore.create();
    final Clock clock;

    CatalogHarness(Path home, IdentityCenterEmulator emulator, Clock clock) {
        this.home = home;
        this.configDir = home.resolve(".config/aws-sso");
        this.configFile = configDir.resolve("config.yaml");
        this.emulator = emulator;
        this.clock = clock;
    }

    /** Writes config.yaml: the Default instance at the emulator plus {@code accountsAndMore}. */
    CatalogHarness config(String instanceExtra, String topLevelExtra) {
        String yaml = "SSOConfig:\n"
                + "  Default:\n"
                + "    SSORegion: us-east-1\n"
                + "    StartUrl: " + emulator.startUrl() + "\n"
                + instanceExtra
                + topLevelExtra;
        try {
            Files.createDirectories(configDir);
            Files.writeString(configFile, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Stores a session the emulator issued, as a login would have. */
    CatalogHarness signedIn() {
        IssuedTokens t = emulator.signIn();
        ClientRegistration reg = new ClientRegistration(t.clientId(), t.clientSecret(),
                clock.instant(), clock.instant().plus(Duration.ofDays(90)), null, null,
                List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN));
        SsoToken token = new SsoToken(t.accessToken(), "Bearer",
                Duration.between(clock.instant(), t.accessTokenExpiresAt()), t.accessTokenExpiresAt(),
                t.refreshToken(), null);
        store.update(s -> s.withRegistration("Default", reg).withToken("Default", token));
        return this;
    }

    AwsSso engine() {
        return AwsSso.builder()
                .configFile(configFile.toString())
                .environment(Map.of(), home)
                .clock(clock)
                .secureStore(store)
                .identityCenterClientFactory(new SdkIdentityCenterClientFactory(SdkClientOptions.defaults()
                        .withEndpoint(emulator.endpoint()).withRetries(1, null), clock))
                .build();
    }

    Path cacheFile() {
        return configDir.resolve("cache.json");
    }

    String cacheText() {
        try {
            return Files.readString(cacheFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

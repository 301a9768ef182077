package io.awssso.core.internal.credentials;

import io.awssso.api.ClientRegistration;
import io.awssso.api.SsoInstance;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.api.spi.IdentityCenterClientFactory;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoredSecrets;
import io.awssso.core.AwsSso;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.InMemorySecureStore;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An engine on an emulator over real HTTP: config in a throwaway home, a store holding a signed-in
 * session, the real SDK client (counted, so tests see whether one was built).
 */
final class CredentialsHarness {
    final Path home;
    final Path configFile;
    final IdentityCenterEmulator emulator;
    final MutableClock clock;
    final InMemorySecureStore store = InMemorySecureStore.create();
    final AtomicInteger clientsCreated = new AtomicInteger();
    /** Store calls made from inside an update's change function, i.e. while the store lock is held. */
    final AtomicInteger callsUnderStoreLock = new AtomicInteger();
    Map<String, String> env = Map.of();

    CredentialsHarness(Path home, IdentityCenterEmulator emulator, MutableClock clock) {
        this.home = home;
        this.configFile = home.resolve(".config/aws-sso/config.yaml");
        this.emulator = emulator;
        this.clock = clock;
    }

    CredentialsHarness config(String instanceExtra, String topLevelExtra) {
        String yaml = "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: " + emulator.startUrl() + "\n"
                + instanceExtra + topLevelExtra;
        try {
            Files.createDirectories(configFile.getParent());
            Files.writeString(configFile, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    CredentialsHarness signedIn() {
        IssuedTokens t = emulator.signIn();
        ClientRegistration reg = new ClientRegistration(t.clientId(), t.clientSecret(), clock.instant(),
                clock.instant().plus(Duration.ofDays(90)), null, null,
                List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN));
        SsoToken token = new SsoToken(t.accessToken(), "Bearer",
                Duration.between(clock.instant(), t.accessTokenExpiresAt()), t.accessTokenExpiresAt(),
                t.refreshToken(), null);
        store.update(s -> s.withRegistration("Default", reg).withToken("Default", token));
        return this;
    }

    AwsSso engine() {
        IdentityCenterClientFactory sdk = new SdkIdentityCenterClientFactory(
                SdkClientOptions.defaults().withEndpoint(emulator.endpoint()).withRetries(1, null), clock);
        IdentityCenterClientFactory counted = new IdentityCenterClientFactory() {
            @Override
            public IdentityCenterClient create(SsoInstance instance) {
                clientsCreated.incrementAndGet();
                return sdk.create(instance);
            }
        };
        return AwsSso.builder().configFile(configFile.toString()).environment(env, home).clock(clock)
                .secureStore(new LockWatchingStore()).identityCenterClientFactory(counted).build();
    }

    /**
     * The shared store, counting the calls made while one of its updates runs on the same thread:
     * with a real store these would run under the store's cross-process lock (a token renewal, a
     * login), which the engine must never do.
     */
    private final class LockWatchingStore implements SecureStore {
        private final ThreadLocal<Boolean> inUpdate = ThreadLocal.withInitial(() -> false);

        @Override
        public String name() {
            return store.name();
        }

        @Override
        public StoredSecrets read() {
            watch();
            return store.read();
        }

        @Override
        public StoredSecrets update(UnaryOperator<StoredSecrets> change) {
            watch();
            return store.update(current -> {
                inUpdate.set(true);
                try {
                    return change.apply(current);
                } finally {
                    inUpdate.set(false);
                }
            });
        }

        private void watch() {
            if (inUpdate.get()) {
                callsUnderStoreLock.incrementAndGet();
            }
        }
    }
}

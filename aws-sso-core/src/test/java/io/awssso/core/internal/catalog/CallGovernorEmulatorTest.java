package io.awssso.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoInstance;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.IdentityCenterEmulator.EmulatedAccount;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.MutableClock;
import io.awssso.testkit.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The governor serving a GetRoleCredentials fan-out (credentials for many roles at once) against
 * the emulator over real HTTP, with the emulator's token bucket and the governor on one simulated
 * clock, so that throttling happens without real waiting.
 */
class CallGovernorEmulatorTest {
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void call_getRoleCredentialsForManyRolesAtOnce_throttledAnswersAreAbsorbed() throws Exception {
        try (IdentityCenterEmulator emulator = IdentityCenterEmulator.builder().clock(clock)
                .generateAccounts(12, 3).build().start()) {
            emulator.rateLimit(Operation.GET_ROLE_CREDENTIALS, 5, 5);
            IssuedTokens t = emulator.signIn();
            SsoToken token = new SsoToken(t.accessToken(), "Bearer",
                    Duration.between(clock.instant(), t.accessTokenExpiresAt()), t.accessTokenExpiresAt(),
                    t.refreshToken(), null);
            IdentityCenterClient client = new SdkIdentityCenterClientFactory(SdkClientOptions.defaults()
                    .withEndpoint(emulator.endpoint()).withRetries(1, null), clock)
                    .create(new SsoInstance("Default", emulator.startUrl().toString(), "us-east-1", null));
            CallGovernor governor = CallGovernor.create(CallGovernor.Settings.of(3, 1), () -> {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }, n -> clock.advance(Duration.ofNanos(Math.max(0, n))));
            Map<String, RoleCredentials> fetched = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (EmulatedAccount a : emulator.accounts()) {
                    for (String role : a.roles()) {
                        work.add(pool.submit(() -> fetched.put(a.id().value() + "/" + role,
                                governor.call(() -> client.getRoleCredentials(token, a.id(), role)))));
                    }
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(fetched).hasSize(36);
            assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::succeeded)).hasSize(36);
            assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::throttled)).isNotEmpty()
                    .hasSize(governor.throttles());
            assertThat(governor.rate()).isLessThan(200);
        }
    }
}

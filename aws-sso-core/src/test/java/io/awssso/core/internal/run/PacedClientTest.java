package io.awssso.core.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.AccountId;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoInstance;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.core.internal.catalog.CallGovernor;
import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.MutableClock;
import io.awssso.testkit.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run's client against the emulator over real HTTP, with the emulator's token bucket and the
 * governor on one simulated clock: a fetch that waited (for the store's lock) past a cut in the
 * pace sends nothing and goes out in a new slot; a throttled answer is counted once.
 */
class PacedClientTest {
    private static final String ROLE = "ReadOnly";
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-12-07T10:00:00Z"));
    private IdentityCenterEmulator emulator;
    private IdentityCenterClient sdk;
    private SsoToken token;
    private CallGovernor governor;
    private PacedClient paced;

    @BeforeEach
    void start() throws Exception {
        emulator = IdentityCenterEmulator.builder().clock(clock).build().start();
        emulator.addAccount("000000000001", "one", "one@example.com", ROLE);
        emulator.addAccount("000000000002", "two", "two@example.com", ROLE);
        IssuedTokens t = emulator.signIn();
        token = new SsoToken(t.accessToken(), "Bearer", Duration.between(clock.instant(), t.accessTokenExpiresAt()),
                t.accessTokenExpiresAt(), t.refreshToken(), null);
        sdk = new SdkIdentityCenterClientFactory(SdkClientOptions.defaults().withEndpoint(emulator.endpoint())
                .withRetries(1, null), clock).create(new SsoInstance("Default", emulator.startUrl().toString(),
                "us-east-1", null));
        governor = CallGovernor.create(CallGovernor.Settings.of(3, 1), () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }, n -> clock.advance(Duration.ofNanos(Math.max(0, n))));
        paced = new PacedClient(sdk, governor);
    }

    @AfterEach
    void stop() {
        sdk.close();
        emulator.close();
    }

    private RoleCredentials fetch(String account) {
        return paced.getRoleCredentials(token, AccountId.parse(account), ROLE);
    }

    @Test
    void getRoleCredentials_paceCutWhileItWaitedAfterItsSlot_sendsNothingAndGoesOutInANewSlot() throws Exception {
        emulator.rateLimit(Operation.GET_ROLE_CREDENTIALS, 1, 1);
        governor.call(() -> fetch("000000000001")); // the bucket's one token
        CountDownLatch inSlot = new CountDownLatch(1);
        CountDownLatch cut = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<RoleCredentials> waiting = other.submit(() -> governor.call(() -> {
                if (runs.incrementAndGet() == 1) {
                    inSlot.countDown();
                    await(cut); // as for the store's lock, held by the fetch that is throttled meanwhile
                }
                return fetch("000000000002");
            }));
            assertThat(inSlot.await(30, TimeUnit.SECONDS)).isTrue();
            governor.call(() -> fetch("000000000001")); // 429: the pace is cut; retried until the bucket refills
            cut.countDown();

            assertThat(waiting.get(30, TimeUnit.SECONDS).accountId().value()).isEqualTo("000000000002");
        } finally {
            other.shutdownNow();
        }

        // its first run was in the slot the cut voided: nothing went out then, one call in the new slot
        assertThat(runs).hasValue(2);
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::throttled)).hasSize(1); // the cut's own
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, c -> "000000000002".equals(c.accountId())))
                .singleElement().satisfies(c -> assertThat(c.succeeded()).isTrue());
        assertThat(governor.throttles()).isEqualTo(1);
    }

    @Test
    void getRoleCredentials_throttledAndToldToTheGovernor_countedOnce() {
        emulator.rateLimit(Operation.GET_ROLE_CREDENTIALS, 1, 1);

        for (String account : new String[] {"000000000001", "000000000002", "000000000001"}) {
            governor.call(() -> fetch(account));
        }

        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::succeeded)).hasSize(3);
        assertThat(governor.throttles()).isPositive()
                .isEqualTo(emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::throttled).size());
        assertThat(governor.rate()).isLessThan(200);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test's other thread never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

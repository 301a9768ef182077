package io.awssso.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AwsSsoException;
import io.awssso.api.IdentityCenterException;
import io.awssso.api.ThrottledException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkServiceException;

class CallGovernorTest {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    /** The pauses the governor took, in order (the waits for a slot of zero length left out). */
    private final List<Duration> pauses = new ArrayList<>();
    private final CallGovernor.Sleeper sleeper = n -> {
        if (n > 0) {
            pauses.add(Duration.ofNanos(n));
            nanos.addAndGet(n);
        }
    };

    private CallGovernor governor(int maxRetry, int maxBackoffSeconds) {
        return new CallGovernor(CallGovernor.Settings.of(maxRetry, maxBackoffSeconds), nanos::get, sleeper, () -> 1.0);
    }

    private static Duration total(List<Duration> pauses) {
        return pauses.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Fails {@code failures} times with what {@code error} makes, then answers "ok". */
    private static Supplier<String> failing(int failures, Supplier<RuntimeException> error, AtomicInteger attempts) {
        return () -> {
            if (attempts.incrementAndGet() <= failures) {
                throw error.get();
            }
            return "ok";
        };
    }

    private static ThrottledException throttled() {
        return new ThrottledException("IAM Identity Center throttled SSO portal ListAccountRoles (HTTP 429)");
    }

    private static IdentityCenterException serverError() {
        return new IdentityCenterException(IdentityCenterException.Reason.OTHER, "internal error",
                SdkServiceException.builder().statusCode(500).message("internal").build());
    }

    @Test
    void settingsOf_notPositive_meansAwsSsoClisDefaults() {
        CallGovernor.Settings s = CallGovernor.Settings.of(0, -1);

        assertThat(s.maxAttempts()).isEqualTo(10);
        assertThat(s.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(CallGovernor.Settings.of(3, 2).maxAttempts()).isEqualTo(3);
        assertThat(CallGovernor.Settings.of(3, 2).maxBackoff()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void backoff_doublesFrom100MillisAndStopsAtMaxBackoff() {
        CallGovernor g = governor(10, 2);

        assertThat(g.backoff(1)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(g.backoff(2)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
        assertThat(g.backoff(5)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1600));
        assertThat(g.backoff(6)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(g.backoff(9)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void call_throttledTwice_retriesWithinTheRoundAndCountsTheThrottles() {
        CallGovernor g = governor(10, 5);
        AtomicInteger attempts = new AtomicInteger();

        assertThat(g.call(failing(2, CallGovernorTest::throttled, attempts))).isEqualTo("ok");

        assertThat(attempts).hasValue(3);
        assertThat(g.throttles()).isEqualTo(2);
    }

    @Test
    void call_everyAttemptOfARoundThrottled_pausesFiveSecondsAndTriesAnotherRound() {
        CallGovernor g = governor(2, 1);
        AtomicInteger attempts = new AtomicInteger();

        // MaxRetry 2: rounds of two attempts; five throttles use up two rounds and start a third
        assertThat(g.call(failing(5, CallGovernorTest::throttled, attempts))).isEqualTo("ok");

        assertThat(attempts).hasValue(6);
        assertThat(total(pauses)).isGreaterThanOrEqualTo(CallGovernor.Settings.ROUND_PAUSE.multipliedBy(2));
    }

    @Test
    void call_throttledForever_givesUpAfterElevenRoundsOfMaxRetryAttempts() {
        CallGovernor g = governor(3, 1);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> g.call(failing(Integer.MAX_VALUE, CallGovernorTest::throttled, attempts)))
                .isInstanceOf(ThrottledException.class)
                .hasMessageStartingWith("IAM Identity Center still throttled after 33 attempts in 11 rounds"
                        + " (MaxRetry 3, MaxBackoff 1 s, 5 s between rounds); last answer: IAM Identity Center"
                        + " throttled SSO portal ListAccountRoles");

        assertThat(attempts).hasValue(3 * (1 + CallGovernor.Settings.EXTRA_ROUNDS));
        assertThat(total(pauses)).isGreaterThanOrEqualTo(
                CallGovernor.Settings.ROUND_PAUSE.multipliedBy(CallGovernor.Settings.EXTRA_ROUNDS));
    }

    @Test
    void call_serverErrors_areRetriedMaxRetryTimesWithoutExtraRounds() {
        CallGovernor g = governor(4, 1);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> g.call(failing(Integer.MAX_VALUE, CallGovernorTest::serverError, attempts)))
                .isInstanceOf(IdentityCenterException.class).hasMessage("internal error");

        assertThat(attempts).hasValue(4);
        assertThat(total(pauses)).isLessThan(CallGovernor.Settings.ROUND_PAUSE); // backoffs only: 0.1 + 0.2 + 0.4 s
        assertThat(g.throttles()).isZero();
    }

    @Test
    void call_otherErrors_areThrownAtOnce() {
        CallGovernor g = governor(10, 5);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> g.call(failing(1, () -> new AwsSsoException("access denied"), attempts)))
                .hasMessage("access denied");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void call_afterAThrottle_pacesTheNextCallsApart() {
        CallGovernor g = governor(10, 5);
        for (int i = 0; i < 40; i++) {
            g.call(() -> "ok");
        }
        AtomicInteger attempts = new AtomicInteger();
        g.call(failing(1, CallGovernorTest::throttled, attempts));
        pauses.clear();
        long before = nanos.get();
        for (int i = 0; i < 10; i++) {
            g.call(() -> "ok");
        }

        // no faster than the cut rate: ten calls take at least nine intervals
        assertThat(nanos.get() - before).isGreaterThanOrEqualTo((long) (9 * 1e9 / g.rate()));
    }

    @Test
    void call_paceCutWhileAnAttemptWaitedAfterItsSlot_theAttemptSendsNothingAndRunsAgainInANewSlot() throws Exception {
        CallGovernor g = governor(10, 5);
        for (int i = 0; i < 20; i++) {
            g.call(() -> "ok");
        }
        CountDownLatch inSlot = new CountDownLatch(1);
        CountDownLatch cut = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<String> waiting = other.submit(() -> g.call(() -> {
                if (runs.incrementAndGet() == 1) {
                    inSlot.countDown();
                    await(cut); // e.g. for the store's lock, held by the call that is throttled meanwhile
                }
                g.confirmSlot();
                sent.incrementAndGet();
                return "sent";
            }));
            assertThat(inSlot.await(30, TimeUnit.SECONDS)).isTrue();
            long beforeCut = nanos.get();
            g.call(failing(1, CallGovernorTest::throttled, new AtomicInteger())); // the bucket ran dry: a cut
            cut.countDown();

            assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("sent");
            assertThat(runs).hasValue(2);
            assertThat(sent).hasValue(1);
            assertThat(g.throttles()).isEqualTo(1);
            // the second run waited for a slot at the cut pace instead of going out at once
            assertThat(nanos.get() - beforeCut).isGreaterThanOrEqualTo((long) (1e9 / g.rate()));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void confirmSlot_withoutACutSinceTheSlot_letsTheCallGo() {
        CallGovernor g = governor(10, 5);
        AtomicInteger runs = new AtomicInteger();

        String answer = g.call(() -> {
            runs.incrementAndGet();
            g.confirmSlot();
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(runs).hasValue(1);
    }

    @Test
    void throttled_toldByTheAttemptBeforeItThrows_cutsThePaceAtOnceAndCountsTheThrottleOnce() {
        CallGovernor g = governor(10, 5);
        for (int i = 0; i < 20; i++) {
            g.call(() -> "ok");
        }
        AtomicInteger runs = new AtomicInteger();
        List<Double> rateWhenTold = new ArrayList<>();

        String answer = g.call(() -> {
            if (runs.incrementAndGet() == 1) {
                g.throttled(); // still holding the store's lock
                rateWhenTold.add(g.rate());
                throw throttled();
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(rateWhenTold).singleElement().satisfies(r -> assertThat(r).isLessThan(200));
        assertThat(g.throttles()).isEqualTo(1);
    }

    @Test
    void confirmSlot_outsideAGovernedCall_doesNothing() {
        CallGovernor g = governor(10, 5);
        g.call(failing(1, CallGovernorTest::throttled, new AtomicInteger()));

        g.confirmSlot(); // e.g. the run's client used by a fetch the governor does not pace
        assertThat(g.throttles()).isEqualTo(1);
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

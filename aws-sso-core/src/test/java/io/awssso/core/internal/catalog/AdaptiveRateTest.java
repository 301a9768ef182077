package io.awssso.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdaptiveRateTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AdaptiveRate rate = new AdaptiveRate(200, 1, nanos::get);

    private void advanceMillis(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private void succeed(int times) {
        for (int i = 0; i < times; i++) {
            rate.onSuccess();
        }
    }

    @Test
    void onSuccess_beforeAnyThrottle_keepsTheInitialRate() {
        succeed(500);
        advanceMillis(5000);
        succeed(1);
        assertThat(rate.rate()).isEqualTo(200);
    }

    @Test
    void onThrottle_first_dropsToTheShareOfWhatSucceededInTheLastSecond() {
        succeed(40);
        advanceMillis(30);
        rate.onThrottle();
        assertThat(rate.rate()).isCloseTo(40 * AdaptiveRate.GOODPUT_SHARE, within(1e-9));
    }

    @Test
    void onThrottle_severalInOnePeriod_cutOnce() {
        succeed(40);
        rate.onThrottle();
        double afterFirst = rate.rate();
        advanceMillis(10);
        rate.onThrottle();
        rate.onThrottle();
        assertThat(rate.rate()).isEqualTo(afterFirst);
        assertThat(rate.throttles()).isEqualTo(3);

        advanceMillis(1001);
        rate.onThrottle();
        assertThat(rate.rate()).isCloseTo(afterFirst * AdaptiveRate.DECREASE, within(1e-9));
    }

    @Test
    void onSuccess_quietPeriodsAfterAThrottle_climbAdditivelyUpToTheInitialRate() {
        succeed(40);
        rate.onThrottle();
        double cut = rate.rate();
        advanceMillis(3000);
        succeed(1);
        assertThat(rate.rate()).isCloseTo(cut + 3 * AdaptiveRate.INCREASE_PER_PERIOD, within(1e-9));

        advanceMillis(10_000_000);
        succeed(1);
        assertThat(rate.rate()).isEqualTo(200);
    }

    @Test
    void onThrottle_neverGoesBelowTheMinimum() {
        for (int i = 0; i < 100; i++) {
            rate.onThrottle();
            advanceMillis(1001);
        }
        assertThat(rate.rate()).isEqualTo(1);
    }
}

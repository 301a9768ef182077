package io.awssso.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdaptiveRateTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final AdaptiveRate rate = new AdaptiveRate(200, 0.1, nanos::get);

    private void advanceMillis(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private void succeed(int times) {
        for (int i = 0; i < times; i++) {
            rate.onSuccess();
        }
    }

    @Test
    void reserve_spacesSlotsEvenlyAtTheRate() {
        long first = rate.reserve();
        long second = rate.reserve();
        long third = rate.reserve();

        assertThat(first).isEqualTo(nanos.get());
        assertThat(second - first).isEqualTo(TimeUnit.MILLISECONDS.toNanos(5)); // 200 per second
        assertThat(third - second).isEqualTo(second - first);
    }

    @Test
    void reserve_afterIdleTime_givesNoBurstOfSavedSlots() {
        rate.reserve();
        advanceMillis(10_000);
        long a = rate.reserve();
        long b = rate.reserve();

        assertThat(a).isEqualTo(nanos.get());
        assertThat(b - a).isEqualTo(TimeUnit.MILLISECONDS.toNanos(5));
    }

    @Test
    void onSuccess_beforeAnyThrottle_keepsTheInitialRate() {
        succeed(500);
        advanceMillis(5000);
        succeed(1);
        assertThat(rate.rate()).isEqualTo(200);
    }

    @Test
    void onThrottle_first_estimatesTheRefillAsTheSuccessesOverTheBurstSecondAndTheTimeSinceTheFirst() {
        rate.reserve();
        advanceMillis(1500); // building the client: the service has not seen a call yet
        succeed(1);
        advanceMillis(500);
        succeed(29); // burst 20 + 0.5 s of a 20/s refill
        rate.onThrottle(nanos.get());

        assertThat(rate.rate()).isCloseTo(AdaptiveRate.FIRST_SHARE * 20, within(1e-9));
        assertThat(rate.refill()).isNaN(); // an estimate, not a measurement between two empty buckets
    }

    @Test
    void onThrottle_first_afterSecondsJustAboveTheService_estimatesItsRefill() {
        succeed(1);
        for (int i = 0; i < 99; i++) { // 25/s against 20/s with a burst of 20: empty after 4 s
            advanceMillis(40);
            succeed(1);
        }
        rate.onThrottle(nanos.get());

        assertThat(rate.rate()).isCloseTo(AdaptiveRate.FIRST_SHARE * 100 / 4.96, within(1e-9))
                .isBetween(0.9 * 20, 0.9 * 20.2);
    }

    @Test
    void onThrottle_first_beforeAnySuccess_fallsToTheMinimum() {
        rate.onThrottle(nanos.get()); // another caller emptied the bucket: nothing known about it

        assertThat(rate.rate()).isEqualTo(0.1);
    }

    @Test
    void onThrottle_first_pushesTheNextSlotOneIntervalAway() {
        succeed(40);
        rate.reserve();
        rate.onThrottle(nanos.get());
        long slot = rate.reserve();
        assertThat(slot - nanos.get()).isEqualTo((long) (1e9 / rate.rate()));
    }

    @Test
    void onThrottle_laterThrottleAfterTheWindow_measuresTheRefillBetweenTheTwoEmptyBuckets() {
        succeed(60); // burst and refill together: more than the service sustains
        rate.onThrottle(nanos.get()); // the bucket is empty now; 0.9 x 60 = 54 per second
        for (int i = 0; i < 24; i++) { // 24 successes over 600 ms
            advanceMillis(25);
            succeed(1);
        }
        advanceMillis(400);
        succeed(16);
        double before = rate.rate();
        rate.onThrottle(nanos.get()); // empty again, 1 s after the first: 40 tokens came in between

        assertThat(rate.refill()).isCloseTo(40, within(1e-9));
        assertThat(rate.rate()).isCloseTo(Math.min(before * AdaptiveRate.DECREASE, AdaptiveRate.SHARE * 40),
                within(1e-9)).isCloseTo(36, within(1e-9));
    }

    @Test
    void onThrottle_ofACallReservedBeforeTheLastCut_isTheSameOverloadAndOnlyCounted() {
        succeed(40);
        long reservedBefore = nanos.get();
        advanceMillis(5);
        rate.onThrottle(nanos.get());
        double afterFirst = rate.rate();
        advanceMillis(10);
        rate.onThrottle(reservedBefore);
        advanceMillis(2000);
        rate.onThrottle(reservedBefore);

        assertThat(rate.rate()).isEqualTo(afterFirst);
        assertThat(rate.refill()).isNaN();
        assertThat(rate.throttles()).isEqualTo(3);
    }

    @Test
    void onThrottle_soonAfterTheCut_isOnlyCountedAndTheWindowKeepsGrowing() {
        succeed(60);
        rate.onThrottle(nanos.get());
        double afterFirst = rate.rate();
        advanceMillis(300);
        succeed(12);
        rate.onThrottle(nanos.get()); // sent after the cut, but the bucket the burst left is still empty

        assertThat(rate.rate()).isEqualTo(afterFirst);
        assertThat(rate.refill()).isNaN();

        advanceMillis(1700); // 12 + 68 successes in the 2 s since the first throttle
        succeed(68);
        rate.onThrottle(nanos.get());
        assertThat(rate.refill()).isCloseTo(40, within(1e-9));
    }

    @Test
    void onSuccess_farBelowAMeasuredRefill_climbsBackByAShareOfTheGap() {
        succeed(60);
        rate.onThrottle(nanos.get()); // 54
        advanceMillis(1000);
        succeed(40);
        rate.onThrottle(nanos.get()); // refill 40: 36
        advanceMillis(600);
        rate.onThrottle(nanos.get()); // counted only
        advanceMillis(1000);
        succeed(20); // the service gave only 20 more in 1.6 s: 60 in 2.6 s, a refill of 23
        rate.onThrottle(nanos.get());
        double low = rate.rate();
        double ceiling = rate.refill() * AdaptiveRate.SHARE;
        assertThat(low).isLessThan(ceiling - 4 * AdaptiveRate.INCREASE_PER_SECOND);

        advanceMillis(1000);
        succeed(1);

        double step = Math.max(AdaptiveRate.INCREASE_PER_SECOND, AdaptiveRate.GAP_SHARE
                * (rate.refill() * (AdaptiveRate.SHARE + AdaptiveRate.DRIFT_PER_SECOND) - low));
        assertThat(rate.rate()).isCloseTo(low + step, within(1e-9));
    }

    @Test
    void cuts_countOnlyThrottlesThatChangedThePace() {
        succeed(60);
        long reservedBefore = nanos.get();
        advanceMillis(5);
        rate.onThrottle(nanos.get());
        assertThat(rate.cuts()).isEqualTo(1);
        rate.onThrottle(reservedBefore); // on its way before the cut
        advanceMillis(100);
        rate.onThrottle(nanos.get()); // within the gap, the first: it may have met the empty bucket
        assertThat(rate.cuts()).isEqualTo(1);

        advanceMillis(1000);
        succeed(40);
        rate.onThrottle(nanos.get());
        assertThat(rate.cuts()).isEqualTo(2);
    }

    @Test
    void onThrottle_secondWithinTheGapAfterTheCut_cutsByTheDecreaseWithoutMeasuring() {
        succeed(60);
        rate.onThrottle(nanos.get());
        double afterFirst = rate.rate();
        advanceMillis(100);
        rate.onThrottle(nanos.get());
        advanceMillis(100);
        rate.onThrottle(nanos.get());

        assertThat(rate.rate()).isCloseTo(afterFirst * AdaptiveRate.DECREASE, within(1e-9));
        assertThat(rate.refill()).isNaN();
        assertThat(rate.cuts()).isEqualTo(2);
    }

    @Test
    void onThrottle_measuredAboveTheCurrentRate_stillCutsByTheDecrease() {
        succeed(20);
        rate.onThrottle(nanos.get()); // 18 per second
        advanceMillis(1000);
        succeed(40); // the service gave 40 meanwhile
        double before = rate.rate();
        rate.onThrottle(nanos.get());

        assertThat(rate.rate()).isCloseTo(before * AdaptiveRate.DECREASE, within(1e-9));
    }

    @Test
    void onThrottle_nothingGotThrough_fallsToTheMinimumNotZero() {
        succeed(4);
        rate.onThrottle(nanos.get());
        for (int i = 0; i < 5; i++) {
            advanceMillis(1000);
            rate.onThrottle(nanos.get());
        }
        assertThat(rate.rate()).isEqualTo(0.1);
        assertThat(rate.refill()).isZero();
    }

    @Test
    void onSuccess_quietSecondsAfterAMeasurement_climbUpToTheShareOfTheRefillThenDriftAbove() {
        succeed(60);
        rate.onThrottle(nanos.get());
        advanceMillis(1000);
        succeed(40);
        rate.onThrottle(nanos.get()); // refill 40: rate 36, which is the ceiling now
        advanceMillis(1000);
        succeed(1);
        assertThat(rate.rate()).isCloseTo(40 * (AdaptiveRate.SHARE + AdaptiveRate.DRIFT_PER_SECOND), within(1e-9));

        advanceMillis(30_000); // the ceiling drifts above the measured refill: the service is probed again
        succeed(1);
        assertThat(rate.rate()).isGreaterThan(40).isLessThan(200);
    }

    @Test
    void onSuccess_quietSecondsWithoutAMeasurement_climbAdditivelyUpToTheInitialRate() {
        succeed(40);
        rate.onThrottle(nanos.get());
        double cut = rate.rate();
        advanceMillis(3000);
        succeed(1);
        assertThat(rate.rate()).isCloseTo(cut + 3 * AdaptiveRate.INCREASE_PER_SECOND, within(1e-9));

        advanceMillis(10_000_000);
        succeed(1);
        assertThat(rate.rate()).isEqualTo(200);
    }
}

package io.awssso.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The estimator against a simulated token bucket whose calls take milliseconds (issue 14): a
 * 400-account refresh (404 list calls) on the default 5 threads, against 40 calls/s with a burst
 * of 40 and continuous refill. Simulated time only: the figures are exact and the same every run.
 */
class AdaptiveRateSimulationTest {
    private static final int CALLS = 404;
    private static final int THREADS = 5;

    @ParameterizedTest(name = "{0} ms per call")
    @ValueSource(doubles = {0.2, 2, 10, 30, 50, 70, 100})
    void fanOut_latencyOfMilliseconds_nearTheIdealWithAtMostTwoPercentThrottled(double latencyMillis) {
        SimulatedFanOut.Outcome o = new SimulatedFanOut(40, 40, latencyMillis, 1).run(CALLS, THREADS, 200);

        assertThat(o.ratio()).as("wall / ideal").isLessThanOrEqualTo(1.10);
        assertThat(o.throttledShare()).as("throttled share (%d throttled)", o.throttled()).isLessThanOrEqualTo(0.02);
    }

    @ParameterizedTest(name = "{0} ms per call")
    @ValueSource(doubles = {0.2, 2})
    void fanOut_fastCalls_slotsReservedAtTheOldPaceAreGivenUpAfterTheCut(double latencyMillis) {
        SimulatedFanOut.Outcome o = new SimulatedFanOut(40, 40, latencyMillis, 1).run(CALLS, THREADS, 200);

        // the other threads held slots 5 ms apart when the bucket ran dry; they wait for new ones
        assertThat(o.throttled()).isLessThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0} ms per call")
    @ValueSource(doubles = {30, 50})
    void fanOut_burstDrainingWhileTheBucketRefills_estimatesTheRefillNotTheFirstSecond(double latencyMillis) {
        SimulatedFanOut.Outcome o = new SimulatedFanOut(40, 40, latencyMillis, 1).run(CALLS, THREADS, 200);

        // over 50 calls got through before the first 429 (burst + refill); the estimate finds the refill
        assertThat(o.firstCut()).isCloseTo(AdaptiveRate.FIRST_SHARE * 40, within(1.0));
        assertThat(o.rate().rate()).isLessThanOrEqualTo(42);
    }

    @Test
    void fanOut_longerThanTheFirstEstimateHolds_measuresTheRefillAtTheNextThrottle() {
        // 2,000 calls at 30 ms: the climb above the estimate meets the bucket again after ~20 s
        SimulatedFanOut.Outcome o = new SimulatedFanOut(40, 40, 30, 1).run(2000, THREADS, 200);

        assertThat(o.rate().refill()).isCloseTo(40, within(1.0));
        assertThat(o.ratio()).as("wall / ideal").isLessThanOrEqualTo(1.05);
        assertThat(o.throttledShare()).as("throttled share (%d throttled)", o.throttled()).isLessThanOrEqualTo(0.01);
    }

    /**
     * {@code aws-sso run --role ReadOnly} (issue 15): 200 roles against GetRoleCredentials limited
     * to 20 calls/s with a burst of 20, 1 ms per call. Each fetch is made under the secure store's
     * lock (read before, write after) and each role's task runs after it, outside the lock; the
     * store's and the task's times vary by up to {@code jitter} ms.
     */
    @ParameterizedTest(name = "{0} workers, store {1} + {2} ms, task {3} ms, jitter {4} ms")
    @CsvSource({"4, 2, 3, 30, 5", "4, 5, 5, 50, 10", "4, 10, 10, 100, 20", "8, 2, 2, 20, 2", "8, 5, 5, 50, 10"})
    void runFanOut_callsUnderTheStoreLock_atMostOnePercentThrottledNearTheIdeal(int workers, double load,
            double save, double task, double jitter) {
        for (long seed = 1; seed <= 5; seed++) {
            SimulatedFanOut.Outcome o = new SimulatedFanOut(20, 20, 1, 1, jitter, seed)
                    .underStoreLock(load, save, task).run(200, workers, 200);

            assertThat(o.ratio()).as("wall / ideal, seed %d", seed).isLessThanOrEqualTo(1.05);
            assertThat(o.throttled()).as("throttled, seed %d", seed).isLessThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void fanOut_clientTimePerCallVaries_stillNearTheIdealWithAtMostTwoPercentThrottled(long seed) {
        // a loaded client: 6 to 26 ms of its own per call on top of 30 ms of latency
        SimulatedFanOut.Outcome o = new SimulatedFanOut(40, 40, 30, 6, 20, seed).run(CALLS, THREADS, 200);

        assertThat(o.ratio()).as("wall / ideal").isLessThanOrEqualTo(1.10);
        assertThat(o.throttledShare()).as("throttled share (%d throttled)", o.throttled()).isLessThanOrEqualTo(0.02);
    }

    @ParameterizedTest(name = "{0} calls/s")
    @ValueSource(doubles = {1, 2, 5})
    void fanOut_hardThrottle_slowsDownToTheServiceAndFinishes(double ratePerSecond) {
        SimulatedFanOut.Outcome o = new SimulatedFanOut(ratePerSecond, (int) Math.ceil(ratePerSecond), 30, 1)
                .run(60, THREADS, 200);

        assertThat(o.ratio()).as("wall / ideal").isLessThanOrEqualTo(1.5);
        assertThat(o.rate().rate()).isLessThan(ratePerSecond * 1.2);
    }
}

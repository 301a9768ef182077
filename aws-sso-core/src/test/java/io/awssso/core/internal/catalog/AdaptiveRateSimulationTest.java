package io.awssso.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
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
    void fanOut_burstDrainingWhileTheBucketRefills_measuresTheRefillNotTheFirstSecond(double latencyMillis) {
        SimulatedFanOut.Outcome o = new SimulatedFanOut(40, 40, latencyMillis, 1).run(CALLS, THREADS, 200);

        // the first second counted burst + refill (over 50 calls); the measurement finds the refill
        assertThat(o.rate().refill()).isCloseTo(40, within(2.0));
        assertThat(o.rate().rate()).isLessThanOrEqualTo(42);
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

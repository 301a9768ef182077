package io.awssso.core.internal.catalog;

import io.awssso.api.AwsSsoException;
import io.awssso.api.IdentityCenterException;
import io.awssso.api.ThrottledException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Governs a fan-out of calls to one AWS service: every attempt waits for a slot of one shared
 * {@link AdaptiveRate}, throttled answers slow everybody down, and each call is retried the way
 * aws-sso-cli's {@code MaxRetry}/{@code MaxBackoff} retry it. One governor serves one fan-out
 * (a catalog refresh's ListAccounts and ListAccountRoles, or GetRoleCredentials for many roles);
 * share it between the fan-out's threads.
 *
 * <p>Retries, matching aws-sso-cli in effect: a throttled (429) or server-side (5xx) answer is
 * tried again up to {@code MaxRetry} attempts in all, with jittered exponential pauses from 100 ms
 * capped at {@code MaxBackoff} (aws-sso-cli's SDK retryer). When a round ends throttled, the
 * call waits {@link Settings#ROUND_PAUSE} and starts another round of attempts, up to
 * {@link Settings#EXTRA_ROUNDS} more (aws-sso-cli's outer loop on TooManyRequests, which sleeps 5 s
 * up to 10 times): a service that throttles hard makes the refresh slow, not failed.
 */
public final class CallGovernor {
    private static final Logger LOG = LoggerFactory.getLogger(CallGovernor.class);

    /** Sleeps; {@link Thread#sleep} outside tests, a simulated clock's advance in them. */
    @FunctionalInterface
    public interface Sleeper {
        /** Returns after {@code nanos} nanoseconds (at once when not positive). */
        void sleep(long nanos) throws InterruptedException;
    }

    /**
     * How calls are retried and paced.
     *
     * @param maxAttempts attempts per round, including the first ({@code MaxRetry})
     * @param maxBackoff the longest pause between attempts ({@code MaxBackoff})
     * @param initialBackoff the first pause
     * @param initialRate calls per second before the service first throttles
     */
    public record Settings(int maxAttempts, Duration maxBackoff, Duration initialBackoff, double initialRate) {
        /** aws-sso-cli's default {@code MaxRetry}, also used when the key is 0 or negative. */
        public static final int DEFAULT_MAX_RETRY = 10;
        /** aws-sso-cli's default {@code MaxBackoff} in seconds, also used when 0 or negative. */
        public static final int DEFAULT_MAX_BACKOFF_SECONDS = 5;
        /** Rounds of attempts after the first when every attempt was throttled (aws-sso-cli: 10). */
        public static final int EXTRA_ROUNDS = 10;
        /** The pause before such a round (aws-sso-cli: 5 s, whatever MaxBackoff says). */
        public static final Duration ROUND_PAUSE = Duration.ofSeconds(5);

        public Settings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
            }
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            Objects.requireNonNull(initialBackoff, "initialBackoff");
            if (!(initialRate > 0)) {
                throw new IllegalArgumentException("initial rate must be positive, got " + initialRate);
            }
        }

        /**
         * The settings for the config's {@code MaxRetry} and {@code MaxBackoff} (seconds); as in
         * aws-sso-cli, a value that is not positive means the default (10 attempts, 5 s).
         */
        public static Settings of(int maxRetry, int maxBackoffSeconds) {
            return new Settings(maxRetry > 0 ? maxRetry : DEFAULT_MAX_RETRY,
                    Duration.ofSeconds(maxBackoffSeconds > 0 ? maxBackoffSeconds : DEFAULT_MAX_BACKOFF_SECONDS),
                    Duration.ofMillis(100), 200);
        }
    }

    /** The lowest rate a cut can reach: one call every ten seconds. */
    static final double MIN_RATE = 0.1;

    private final Settings settings;
    private final AdaptiveRate rate;
    private final LongSupplier nanos;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final AtomicBoolean warned = new AtomicBoolean();
    /** The slot the current thread's attempt runs in, while it runs. */
    private final ThreadLocal<Slot> slots = new ThreadLocal<>();

    CallGovernor(Settings settings, LongSupplier nanos, Sleeper sleeper, DoubleSupplier random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.rate = new AdaptiveRate(settings.initialRate(), MIN_RATE, nanos);
    }

    /** A governor on the system's clock. */
    public static CallGovernor create(Settings settings) {
        return new CallGovernor(settings, System::nanoTime, TimeUnit.NANOSECONDS::sleep,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * A governor on a simulated clock, for tests: it reads the time from {@code nanos} (monotonic)
     * and waits with {@code sleeper} (e.g. advancing a {@code MutableClock}); backoffs are not
     * jittered (the middle of their range).
     */
    public static CallGovernor create(Settings settings, LongSupplier nanos, Sleeper sleeper) {
        return new CallGovernor(settings, nanos, sleeper, () -> 0.5);
    }

    /**
     * Runs {@code attempt} when the pace allows, retrying throttled and server-side errors as
     * described above; any other exception is thrown at once. {@code attempt} is one call to the
     * service (it may handle its own errors, such as renewing a rejected token, inside).
     *
     * @throws ThrottledException when every attempt of every round was throttled
     */
    public <T> T call(Supplier<T> attempt) {
        try {
            for (int round = 0; ; round++) {
                RuntimeException last = null;
                for (int n = 1; n <= settings.maxAttempts(); n++) {
                    if (n > 1) {
                        sleeper.sleep(backoff(n - 1));
                    }
                    Slot slot = new Slot();
                    try {
                        T result = paced(attempt, slot);
                        rate.onSuccess();
                        return result;
                    } catch (ThrottledException e) {
                        if (!slot.throttleTold) {
                            rate.onThrottle(slot.reservedAt);
                        }
                        last = e;
                    } catch (RuntimeException e) {
                        if (!serverError(e)) {
                            throw e;
                        }
                        last = e;
                    }
                }
                if (!(last instanceof ThrottledException)) {
                    throw last;
                }
                if (round >= Settings.EXTRA_ROUNDS) {
                    throw new ThrottledException("IAM Identity Center still throttled after "
                            + (round + 1) * settings.maxAttempts() + " attempts in " + (round + 1)
                            + " rounds (MaxRetry " + settings.maxAttempts() + ", MaxBackoff "
                            + settings.maxBackoff().toSeconds() + " s, " + Settings.ROUND_PAUSE.toSeconds()
                            + " s between rounds); last answer: " + last.getMessage(), last);
                }
                if (warned.compareAndSet(false, true)) {
                    LOG.warn("IAM Identity Center keeps throttling (MaxRetry {} attempts, MaxBackoff {} s);"
                            + " pausing {} s between rounds of attempts", settings.maxAttempts(),
                            settings.maxBackoff().toSeconds(), Settings.ROUND_PAUSE.toSeconds());
                }
                sleeper.sleep(Settings.ROUND_PAUSE.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsSsoException("interrupted while waiting to call IAM Identity Center", e);
        }
    }

    /**
     * Runs {@code attempt} in a slot of the pace. A slot reserved at the old pace is given up after
     * a cut, before the attempt starts or, through {@link #confirmSlot()}, inside it before its call
     * goes out; then a new one is reserved: the bucket the cut answered is empty.
     *
     * @param slot receives the slot the attempt ran in
     */
    private <T> T paced(Supplier<T> attempt, Slot slot) throws InterruptedException {
        while (true) {
            slot.throttleTold = false;
            do {
                slot.reservedAt = nanos.getAsLong();
                slot.cuts = rate.cuts();
                sleeper.sleep(rate.reserve() - slot.reservedAt);
            } while (rate.cuts() != slot.cuts);
            slots.set(slot);
            try {
                return attempt.get();
            } catch (SlotGivenUp e) {
                LOG.trace("a call waited past a cut in the pace; it takes a new slot");
            } finally {
                slots.remove();
            }
        }
    }

    /** When an attempt's slot was reserved, the cuts counted then, and whether it told of a throttle. */
    private static final class Slot {
        long reservedAt;
        int cuts;
        boolean throttleTold;
    }

    /**
     * Called by an attempt right before its call goes out, when the attempt may have waited since
     * its slot came (for a lock, such as the secure store's, which the credential fetch holds while
     * it calls): if the pace was cut meanwhile, this throws, and {@link #call} gives the slot up and
     * runs the attempt again in a new one at the new pace. Without that, every call queued on the
     * lock when the service's bucket ran dry would go out at the old pace into the empty bucket and
     * be throttled too. Outside a governed attempt it does nothing.
     */
    public void confirmSlot() {
        Slot slot = slots.get();
        if (slot != null && rate.cuts() != slot.cuts) {
            throw new SlotGivenUp();
        }
    }

    /**
     * Called by an attempt whose call was just throttled, before it lets go of what it holds (the
     * store's lock): the pace is cut now, so that the calls waiting for that lock see the cut in
     * {@link #confirmSlot()} rather than a moment too late. The {@link ThrottledException} the
     * attempt then throws is not counted again. Outside a governed attempt it does nothing.
     */
    public void throttled() {
        Slot slot = slots.get();
        if (slot != null && !slot.throttleTold) {
            slot.throttleTold = true;
            rate.onThrottle(slot.reservedAt);
        }
    }

    /** A call about to go out in a slot a cut voided; never leaves {@link #call}. */
    private static final class SlotGivenUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SlotGivenUp() {
            super("the call's slot was reserved at a pace since cut; it takes a new one", null, false, false);
        }
    }

    /** The pause before retry {@code retry} (1 = the first): exponential, jittered, capped. */
    long backoff(int retry) {
        double base = Math.min(settings.maxBackoff().toNanos(),
                settings.initialBackoff().toNanos() * Math.pow(2, retry - 1));
        return (long) (base * (0.5 + 0.5 * random.getAsDouble()));
    }

    /** Throttled answers seen so far. */
    public int throttles() {
        return rate.throttles();
    }

    /** The pace now, in calls per second. */
    public double rate() {
        return rate.rate();
    }

    /** A server-side error (5xx) is worth another attempt; throttling is handled apart. */
    static boolean serverError(Throwable e) {
        return e instanceof IdentityCenterException ice
                && ice.reason() == IdentityCenterException.Reason.OTHER
                && ice.getCause() instanceof SdkServiceException se
                && se.statusCode() >= 500;
    }
}

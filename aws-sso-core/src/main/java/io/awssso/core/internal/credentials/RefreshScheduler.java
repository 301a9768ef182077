package io.awssso.core.internal.credentials;

import java.lang.ref.WeakReference;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one scheduler every credentials provider with background refresh shares: a JVM holding a
 * thousand providers has {@link #THREADS} refresh threads, not two thousand. Its daemon threads
 * are started on first use (never by a provider that does not ask for background refresh) and
 * never keep the JVM alive.
 *
 * <p>Two threads, so that one fetch waiting on the network does not stop every other provider's
 * clock tick; further fetches queue, which is harmless: a prefetch starts minutes before callers
 * would have to wait.
 */
public final class RefreshScheduler {
    /** How many threads the shared scheduler has at most. */
    public static final int THREADS = 2;
    /** The prefix of its threads' names. */
    public static final String THREAD_NAME_PREFIX = "aws-sso-credentials-refresh-";

    private static final AtomicInteger NUMBER = new AtomicInteger();

    private RefreshScheduler() {
    }

    /** Created by the first caller of {@link #executor()} (the holder-class idiom). */
    private static final class Shared {
        static final ScheduledThreadPoolExecutor EXECUTOR = create();

        private static ScheduledThreadPoolExecutor create() {
            ThreadFactory daemons = r -> {
                Thread t = new Thread(r, THREAD_NAME_PREFIX + NUMBER.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(THREADS, daemons);
            // a closed provider's tick leaves the queue at once instead of at its next due time
            e.setRemoveOnCancelPolicy(true);
            return e;
        }
    }

    private static ScheduledThreadPoolExecutor executor() {
        return Shared.EXECUTOR;
    }

    /** Runs a task on the shared threads. */
    public static void execute(Runnable task) {
        executor().execute(task);
    }

    /**
     * Calls {@code tick} with {@code owner} once a second until the returned future is cancelled
     * or the owner is garbage-collected: the scheduler holds the owner only weakly, so a provider
     * its user forgot to close does not live (and tick) for ever.
     */
    public static <T> ScheduledFuture<?> everySecond(T owner, Consumer<? super T> tick) {
        WeakReference<T> ref = new WeakReference<>(owner);
        return executor().scheduleAtFixedRate(() -> {
            T o = ref.get();
            if (o == null) {
                // an exception ends a periodic task; this one has nothing left to tick
                throw OwnerGone.INSTANCE;
            }
            tick.accept(o);
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Ends the periodic task of a collected owner. */
    private static final class OwnerGone extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final OwnerGone INSTANCE = new OwnerGone();

        private OwnerGone() {
            super("the provider was garbage-collected", null, false, false);
        }
    }
}

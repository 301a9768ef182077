package io.awssso.core;

import java.util.Objects;

/**
 * How {@link Roles#forEach} runs a task across roles: how many roles at a time, whether the
 * first failure stops the rest, and who hears the progress.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.builder().parallelism(8).failFast(true).listener(myListener).build();
 * }</pre>
 */
public final class RunOptions {
    /** Roles run at the same time by default. */
    public static final int DEFAULT_PARALLELISM = 4;

    private static final RunOptions DEFAULTS = builder().build();

    private final int parallelism;
    private final boolean failFast;
    private final RunListener listener;

    private RunOptions(Builder b) {
        this.parallelism = b.parallelism;
        this.failFast = b.failFast;
        this.listener = b.listener;
    }

    /** {@value #DEFAULT_PARALLELISM} at a time, every role run whatever fails, nobody listening. */
    public static RunOptions defaults() {
        return DEFAULTS;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().parallelism(parallelism).failFast(failFast).listener(listener);
    }

    /** The most roles whose task runs at the same time. */
    public int parallelism() {
        return parallelism;
    }

    /** Whether a failure keeps roles not yet started from starting (running ones finish). */
    public boolean failFast() {
        return failFast;
    }

    /** Who hears each role start and finish. */
    public RunListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "RunOptions[parallelism=" + parallelism + ", failFast=" + failFast + "]";
    }

    /** Builds {@link RunOptions}; every setting is optional. */
    public static final class Builder {
        private int parallelism = DEFAULT_PARALLELISM;
        private boolean failFast;
        private RunListener listener = RunListener.NONE;

        private Builder() {
        }

        /**
         * The most roles whose task runs at the same time; default {@value #DEFAULT_PARALLELISM}.
         * Credentials are paced by IAM Identity Center's limits whatever this says.
         *
         * @throws IllegalArgumentException when less than 1
         */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /** Whether the first failure keeps the roles not yet started from starting; default false. */
        public Builder failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        /** Who hears each role start and finish; default {@link RunListener#NONE}. */
        public Builder listener(RunListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** The options. */
        public RunOptions build() {
            return new RunOptions(this);
        }
    }
}

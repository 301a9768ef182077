package io.awssso.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to sign in to the AWS console ({@link Console#signIn}, {@link Console#open}). Every setting
 * is optional; what is not set comes from config.yaml.
 *
 * <pre>{@code
 * sso.console().open(role, ConsoleOptions.builder().duration(Duration.ofHours(1)).urlAction("print").build());
 * }</pre>
 */
public final class ConsoleOptions {
    private static final ConsoleOptions DEFAULTS = builder().build();

    private final Duration duration;
    private final String region;
    private final boolean refreshCredentials;
    private final String urlAction;

    private ConsoleOptions(Builder b) {
        this.duration = b.duration;
        this.region = b.region;
        this.refreshCredentials = b.refreshCredentials;
        this.urlAction = b.urlAction;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Everything from config. */
    public static ConsoleOptions defaults() {
        return DEFAULTS;
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().duration(duration).region(region).refreshCredentials(refreshCredentials)
                .urlAction(urlAction);
    }

    /**
     * The console session length, 15 minutes to 12 hours; empty for {@code ConsoleDuration}.
     * Role-chained credentials cannot ask for one: AWS decides.
     */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    /** The console's region; empty for the role's default region. */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** Whether to fetch new role credentials even when the stored ones are valid. */
    public boolean refreshCredentials() {
        return refreshCredentials;
    }

    /**
     * What to do with the URL ({@code open}, {@code print}, {@code printurl}, {@code clip}, ...);
     * empty for {@code UrlAction}.
     */
    public Optional<String> urlAction() {
        return Optional.ofNullable(urlAction);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsoleOptions c && Objects.equals(duration, c.duration) && Objects.equals(region, c.region)
                && refreshCredentials == c.refreshCredentials && Objects.equals(urlAction, c.urlAction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(duration, region, refreshCredentials, urlAction);
    }

    @Override
    public String toString() {
        return "ConsoleOptions[duration=" + duration + ", region=" + region + ", refreshCredentials="
                + refreshCredentials + ", urlAction=" + urlAction + "]";
    }

    /** Builds {@link ConsoleOptions}. Null or blank values mean "from config". */
    public static final class Builder {
        private Duration duration;
        private String region;
        private boolean refreshCredentials;
        private String urlAction;

        private Builder() {
        }

        /**
         * The console session length (checked when signing in: 15 minutes to 12 hours).
         *
         * @throws IllegalArgumentException when negative or zero
         */
        public Builder duration(Duration duration) {
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException("the console session duration must be positive, got " + duration);
            }
            this.duration = duration;
            return this;
        }

        /** The console's region. */
        public Builder region(String region) {
            this.region = blankToNull(region);
            return this;
        }

        /** Fetch new role credentials even when the stored ones are valid. */
        public Builder refreshCredentials(boolean refresh) {
            this.refreshCredentials = refresh;
            return this;
        }

        /** What to do with the URL. */
        public Builder urlAction(String action) {
            this.urlAction = blankToNull(action);
            return this;
        }

        /** The options. */
        public ConsoleOptions build() {
            return new ConsoleOptions(this);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

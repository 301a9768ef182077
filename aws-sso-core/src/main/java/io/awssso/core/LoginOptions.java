package io.awssso.core;

import java.util.Objects;
import java.util.Optional;

/**
 * How to log in ({@link Session#login}).
 *
 * <pre>{@code
 * sso.session().login(LoginOptions.builder().force(true).urlAction("print").build());
 * }</pre>
 */
public final class LoginOptions {
    private static final LoginOptions DEFAULTS = builder().build();

    private final boolean force;
    private final String urlAction;

    private LoginOptions(Builder b) {
        this.force = b.force;
        this.urlAction = b.urlAction;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Log in only when there is no valid session, with the configured URL action. */
    public static LoginOptions defaults() {
        return DEFAULTS;
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().force(force).urlAction(urlAction);
    }

    /** Whether to end the current session first, so that the new one gets a full lifetime. */
    public boolean force() {
        return force;
    }

    /**
     * What to do with the login URL ({@code open}, {@code print}, {@code exec}, ...); empty to use
     * {@code AuthUrlAction}, then {@code UrlAction} from config.
     */
    public Optional<String> urlAction() {
        return Optional.ofNullable(urlAction);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoginOptions l && force == l.force && Objects.equals(urlAction, l.urlAction);
    }

    @Override
    public int hashCode() {
        return Objects.hash(force, urlAction);
    }

    @Override
    public String toString() {
        return "LoginOptions[force=" + force + ", urlAction=" + urlAction + "]";
    }

    /** Builds {@link LoginOptions}. */
    public static final class Builder {
        private boolean force;
        private String urlAction;

        private Builder() {
        }

        /** End the current session first. */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** What to do with the login URL; null or blank for the configured action. */
        public Builder urlAction(String action) {
            this.urlAction = ConsoleOptions.blankToNull(action);
            return this;
        }

        /** The options. */
        public LoginOptions build() {
            return new LoginOptions(this);
        }
    }
}

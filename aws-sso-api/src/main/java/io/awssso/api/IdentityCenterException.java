package io.awssso.api;

import java.util.Objects;

/**
 * An error answer from IAM Identity Center (SSO OIDC, the SSO portal or STS) that a caller may
 * branch on, for example to keep polling during a device-code login.
 */
public class IdentityCenterException extends AwsSsoException {
    private static final long serialVersionUID = 1L;

    /** The error kinds callers branch on; {@link #OTHER} for everything else. */
    public enum Reason {
        /** OIDC: the user has not approved the login yet; poll again. */
        AUTHORIZATION_PENDING,
        /** OIDC: polling too fast; add five seconds to the interval. */
        SLOW_DOWN,
        /** OIDC: the device code or authorization expired; start again. */
        EXPIRED_TOKEN,
        /** OIDC: the user denied the request. */
        ACCESS_DENIED,
        /** OIDC: the grant (code, refresh token) is no longer valid. */
        INVALID_GRANT,
        /** OIDC: the client registration is unknown or expired; register again. */
        INVALID_CLIENT,
        /** Portal or STS: the named resource does not exist. */
        NOT_FOUND,
        /** Portal or STS: the caller may not do this. */
        FORBIDDEN,
        /** Any other error answer. */
        OTHER
    }

    private final Reason reason;

    /** An exception with a reason and a message. */
    public IdentityCenterException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** An exception with a reason, a message and its cause. */
    public IdentityCenterException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** What kind of error the service reported. */
    public Reason reason() {
        return reason;
    }
}

package io.awssso.api;

import java.util.Objects;

/**
 * The root of every exception aws-sso throws. Unchecked; the message always says what went wrong
 * and, where there is one, what to do next. Messages never contain secrets.
 *
 * <p>Subtypes exist only where a caller branches: {@link LoginRequiredException},
 * {@link RoleNotFoundException}, {@link StoreUnavailableException},
 * {@link ConfigurationException}, {@link ThrottledException} and
 * {@link IdentityCenterException}.
 */
public class AwsSsoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public AwsSsoException(String message) {
        super(requireMessage(message));
    }

    /** An exception with a message and its cause. */
    public AwsSsoException(String message, Throwable cause) {
        super(requireMessage(message), cause);
    }

    private static String requireMessage(String message) {
        Objects.requireNonNull(message, "every aws-sso exception needs a message");
        return message;
    }
}

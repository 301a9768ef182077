package io.awssso.api;

/**
 * There is no usable SSO token for an instance and no silent way to get one: the user must run
 * {@code aws-sso login} (or enable {@code AutoLogin}).
 */
public class LoginRequiredException extends AwsSsoException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public LoginRequiredException(String message) {
        super(message);
    }

    /** An exception with a message and its cause. */
    public LoginRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.awssso.api;

/** AWS kept answering "too many requests" after every retry the settings allow. */
public class ThrottledException extends AwsSsoException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public ThrottledException(String message) {
        super(message);
    }

    /** An exception with a message and its cause. */
    public ThrottledException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.awssso.api;

/**
 * The secure store cannot be opened, read or written: wrong password, no keyring service, a lock
 * held too long. Nothing in the store was changed.
 */
public class StoreUnavailableException extends AwsSsoException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public StoreUnavailableException(String message) {
        super(message);
    }

    /** An exception with a message and its cause. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

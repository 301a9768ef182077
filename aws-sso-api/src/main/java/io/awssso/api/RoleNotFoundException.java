package io.awssso.api;

/** The role, profile or account asked for is not among those the user can reach. */
public class RoleNotFoundException extends AwsSsoException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message. */
    public RoleNotFoundException(String message) {
        super(message);
    }
}

package io.awssso.core.internal.ecs;

/** A request the server cannot accept; the message is safe to send back (it never holds secrets). */
final class EcsRequestException extends RuntimeException {
    private final int status;

    EcsRequestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}

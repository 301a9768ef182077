package io.awssso.core;

import io.awssso.api.CatalogRole;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a task across roles ({@link Roles#forEach}) did for one role.
 *
 * @param role the role
 * @param status whether the task succeeded, failed, or never started
 * @param value what the task returned ({@link Status#SUCCEEDED} only; may be null)
 * @param failure why the role failed: its credentials could not be had, or the task threw
 *     ({@link Status#FAILED} only)
 * @param duration from the role's start (credentials included) to its end; zero when cancelled
 * @param <T> what the task returns
 */
public record RoleRunResult<T>(CatalogRole role, Status status, T value, Throwable failure, Duration duration) {
    /** How a role's run ended. */
    public enum Status {
        /** The task returned. */
        SUCCEEDED,
        /** The credentials could not be had, or the task threw. */
        FAILED,
        /** The run was cancelled (or failed fast) before this role started, or while it ran. */
        CANCELLED
    }

    /**
     * Checks that the parts agree.
     *
     * @throws IllegalArgumentException when a value comes without success or a failure without
     *     {@link Status#FAILED}
     */
    public RoleRunResult {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
        if ((failure != null) != (status == Status.FAILED)) {
            throw new IllegalArgumentException("a failure comes with status FAILED and only then, got " + status);
        }
        if (value != null && status != Status.SUCCEEDED) {
            throw new IllegalArgumentException("a value comes with status SUCCEEDED only, got " + status);
        }
    }

    /** Whether the task returned. */
    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    /** Why the role failed, if it did. */
    public Optional<Throwable> failureIfAny() {
        return Optional.ofNullable(failure);
    }
}

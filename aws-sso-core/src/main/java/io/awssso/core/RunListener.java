package io.awssso.core;

import io.awssso.api.CatalogRole;

/**
 * Hears a task across roles ({@link Roles#forEach}) progress, so that a frontend can show
 * it; the library itself never prints. Calls come from worker threads, several at a time:
 * implementations must be thread-safe and quick. Every method has a do-nothing default.
 */
public interface RunListener {
    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };

    /** The roles the filter selected, before any task starts. */
    default void selected(java.util.List<CatalogRole> roles) {
    }

    /** A role's task is about to start (its credentials are fetched first). */
    default void started(CatalogRole role) {
    }

    /** A role is done: succeeded, failed, or cancelled before it started. */
    default void finished(RoleRunResult<?> result) {
    }
}

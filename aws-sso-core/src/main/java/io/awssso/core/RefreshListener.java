package io.awssso.core;

/**
 * Hears how a role-cache refresh progresses, so that a frontend can draw a progress bar or print a
 * summary; the library itself never prints. Calls come from worker threads; implementations must
 * be thread-safe and quick. Every method has a do-nothing default.
 */
public interface RefreshListener {
    /** A listener that ignores everything. */
    RefreshListener NONE = new RefreshListener() {
    };

    /** ListAccounts is done; roles of {@code accounts} accounts will now be listed. */
    default void started(int accounts) {
    }

    /** The roles of {@code done} of {@code total} accounts have been listed. */
    default void progress(int done, int total) {
    }

    /** The refresh ended (successfully or not). */
    default void finished() {
    }
}

package io.awssso.core;

import io.awssso.api.RoleArn;
import java.time.Duration;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a role-cache refresh did ({@link Roles#refresh}).
 *
 * @param ssoName the instance refreshed
 * @param added roles that are new (roles reached with {@code Via} are left out, as aws-sso-cli does)
 * @param removed roles that are gone (same rule)
 * @param accounts accounts listed
 * @param roles roles now cached
 * @param throttled throttled answers that were retried
 * @param elapsed how long it took
 */
public record RefreshResult(String ssoName, SortedSet<RoleArn> added, SortedSet<RoleArn> removed,
        int accounts, int roles, int throttled, Duration elapsed) {

    /** Copies the sets. */
    public RefreshResult {
        added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
        removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
    }

    /** True when roles were added or removed. */
    public boolean changed() {
        return !added.isEmpty() || !removed.isEmpty();
    }
}

package io.awssso.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cached roles as a table ({@link Roles#listing}): the facts about the instance and one row of
 * typed values per role. Turning values into text (time left, padding, CSV) is the caller's job.
 *
 * <p>Value types by field: {@code Id}, {@code AccountId} and {@code ExpiresEpoch} are {@link Long}
 * ({@code ExpiresEpoch} 0 without stored credentials); {@code Arn} is an {@link io.awssso.api.RoleArn};
 * {@code Expires} is the {@link Instant} the stored credentials expire, or null when there are
 * none (the cache does not tell "none" from "expired"); {@code Tags} is a {@code Map<String, String>};
 * every other field is a {@link String} ({@code ""} when unset).
 *
 * @param ssoName the SSO instance
 * @param sessionExpiresAt when the stored SSO access token expires, if there is one
 * @param cacheExpired whether the role cache has expired (the listing does not refresh it)
 * @param asOf the time the listing was made, for time-left values
 * @param fields the column names
 * @param rows one row per role, values in {@code fields} order
 */
public record RoleListing(String ssoName, Optional<Instant> sessionExpiresAt, boolean cacheExpired, Instant asOf,
        List<String> fields, List<List<Object>> rows) {

    /** Checks presence and copies the lists (rows may hold null {@code Expires} values). */
    public RoleListing {
        Objects.requireNonNull(ssoName, "ssoName");
        Objects.requireNonNull(sessionExpiresAt, "sessionExpiresAt");
        Objects.requireNonNull(asOf, "asOf");
        fields = List.copyOf(fields);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }
}

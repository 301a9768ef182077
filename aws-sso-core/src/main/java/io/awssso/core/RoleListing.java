package io.awssso.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code list} prints: the header facts and the table. Rendering (padding, {@code " | "},
 * the {@code =} underline, CSV without header or quoting) is the frontend's job.
 *
 * @param ssoName the instance, for {@code List of AWS roles for SSO Instance: <SSO>}
 * @param sessionExpiresAt when the stored SSO token expires (for {@code [Expires in: 7h 59m]}),
 *     if known
 * @param cacheExpired true when the cache has expired: warn "Cache has expired. Results may be
 *     out of date." ({@code list} does not refresh)
 * @param fields the column names (also the header row)
 * @param rows one row per role, values in {@code fields} order; {@code Expires} is the text form
 *     ({@code ""} without stored credentials, {@code Expired}, {@code < 1m}, {@code " 5m"},
 *     {@code " 1h 5m"})
 */
public record RoleListing(String ssoName, Optional<Instant> sessionExpiresAt, boolean cacheExpired,
        List<String> fields, List<List<String>> rows) {

    /** Copies the lists. */
    public RoleListing {
        fields = List.copyOf(fields);
        rows = List.copyOf(rows);
    }
}

package io.awssso.api.spi;

import java.util.List;
import java.util.Optional;

/**
 * One page of a paged listing.
 *
 * @param items the page's items
 * @param nextToken the opaque token for the next page, or {@code null} on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextToken) {
    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
        nextToken = nextToken == null || nextToken.isEmpty() ? null : nextToken;
    }

    /** The token for the next page, absent on the last page. */
    public Optional<String> next() {
        return Optional.ofNullable(nextToken);
    }
}

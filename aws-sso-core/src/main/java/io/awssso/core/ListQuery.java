package io.awssso.core;

import java.util.List;
import java.util.Objects;

/**
 * What the {@code list} command asks for.
 *
 * @param fields the columns, names from {@link AwsSso#listFields()} (empty: {@code ListFields}
 *     from config)
 * @param sortBy the field to sort by ({@code -s}; {@code AccountId} by default)
 * @param reverse sort descending ({@code --reverse})
 * @param prefixField the field the prefix filter looks at ({@code -P Field=Prefix}), or empty
 * @param prefix the case-sensitive prefix, or empty
 */
public record ListQuery(List<String> fields, String sortBy, boolean reverse, String prefixField,
        String prefix) {

    /** Copies the fields and fills in the defaults. */
    public ListQuery {
        fields = fields == null ? List.of() : List.copyOf(fields);
        sortBy = sortBy == null || sortBy.isBlank() ? "AccountId" : sortBy;
        prefixField = Objects.requireNonNullElse(prefixField, "");
        prefix = Objects.requireNonNullElse(prefix, "");
    }

    /** The config's fields, sorted by AccountId, no filter. */
    public static ListQuery defaults() {
        return new ListQuery(List.of(), null, false, null, null);
    }
}

package io.awssso.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cached roles {@link Roles#listing} returns, with which fields, in which order.
 *
 * <pre>{@code
 * RoleListing l = sso.roles().listing(ListQuery.builder().fields(List.of("Profile", "Expires"))
 *         .sortBy("Profile").prefix("Profile", "prod").build());
 * }</pre>
 */
public final class ListQuery {
    private static final ListQuery DEFAULTS = builder().build();

    private final List<String> fields;
    private final String sortBy;
    private final boolean reverse;
    private final String prefixField;
    private final String prefix;

    private ListQuery(Builder b) {
        this.fields = List.copyOf(b.fields);
        this.sortBy = b.sortBy;
        this.reverse = b.reverse;
        this.prefixField = b.prefixField;
        this.prefix = b.prefix;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The config's {@code ListFields}, sorted by {@code AccountId}, no filter. */
    public static ListQuery defaults() {
        return DEFAULTS;
    }

    /** A builder holding this query. */
    public Builder toBuilder() {
        Builder b = new Builder().fields(fields).sortBy(sortBy).reverse(reverse);
        return prefixField == null ? b : b.prefix(prefixField, prefix);
    }

    /** The fields (names from {@link Roles#listFields()}); empty for {@code ListFields} from config. */
    public List<String> fields() {
        return fields;
    }

    /** The field to sort by; {@code AccountId} unless set. */
    public String sortBy() {
        return sortBy;
    }

    /** Whether to sort descending. */
    public boolean reverse() {
        return reverse;
    }

    /** The field the prefix filter looks at, if there is a filter. */
    public Optional<String> prefixField() {
        return Optional.ofNullable(prefixField);
    }

    /** The case-sensitive prefix of the filter ({@code ""} without a filter). */
    public String prefix() {
        return prefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListQuery q && fields.equals(q.fields) && sortBy.equals(q.sortBy) && reverse == q.reverse
                && Objects.equals(prefixField, q.prefixField) && prefix.equals(q.prefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, sortBy, reverse, prefixField, prefix);
    }

    @Override
    public String toString() {
        return "ListQuery[fields=" + fields + ", sortBy=" + sortBy + ", reverse=" + reverse
                + (prefixField == null ? "" : ", prefix=" + prefixField + "=" + prefix) + "]";
    }

    /** Builds a {@link ListQuery}. Field names are checked by {@link Roles#listing}. */
    public static final class Builder {
        private List<String> fields = List.of();
        private String sortBy = "AccountId";
        private boolean reverse;
        private String prefixField;
        private String prefix = "";

        private Builder() {
        }

        /** The fields, in column order; empty for {@code ListFields} from config. */
        public Builder fields(List<String> fields) {
            this.fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
            return this;
        }

        /** The field to sort by; null or blank for {@code AccountId}. */
        public Builder sortBy(String field) {
            this.sortBy = field == null || field.isBlank() ? "AccountId" : field.strip();
            return this;
        }

        /** Sort descending. */
        public Builder reverse(boolean reverse) {
            this.reverse = reverse;
            return this;
        }

        /**
         * Only roles whose {@code field} starts with {@code prefix} (case-sensitive).
         *
         * @throws NullPointerException when either is null
         */
        public Builder prefix(String field, String prefix) {
            this.prefixField = Objects.requireNonNull(field, "field");
            this.prefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** No prefix filter. */
        public Builder noPrefix() {
            this.prefixField = null;
            this.prefix = "";
            return this;
        }

        /** The query. */
        public ListQuery build() {
            return new ListQuery(this);
        }
    }
}

package io.awssso.core;

import java.util.List;
import java.util.Objects;

/**
 * What the interactive role selector reads from config.yaml.
 *
 * @param firstTag {@code FirstTag}: the tag key pinned to the top of the key suggestions
 *     ({@code History} puts recently used roles first); empty for none
 * @param fullTextSearch {@code FullTextSearch}: true matches typed text anywhere in a suggestion,
 *     false only at its start (both ignore case)
 * @param accountPrimaryTag {@code AccountPrimaryTag}: the tag keys whose first present value
 *     describes a role ARN in the suggestions, e.g. {@code AccountName:Prod}
 */
public record SelectorSettings(String firstTag, boolean fullTextSearch, List<String> accountPrimaryTag) {
    /** Checks presence and copies the list. */
    public SelectorSettings {
        Objects.requireNonNull(firstTag, "firstTag");
        accountPrimaryTag = List.copyOf(accountPrimaryTag);
    }

    /** The defaults of a config that sets none of the three keys. */
    public static SelectorSettings defaults() {
        return new SelectorSettings("", true, List.of("AccountName", "AccountAlias", "Email"));
    }
}

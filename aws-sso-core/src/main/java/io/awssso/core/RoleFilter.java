package io.awssso.core;

import io.awssso.api.CatalogRole;
import io.awssso.core.internal.run.RoleMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which roles of the catalog a task across many roles runs for: {@code KEY=GLOB} conditions on a
 * role's fields and tags.
 *
 * <ul>
 *   <li>{@code KEY} is a field of the role listing ({@code AccountId}, {@code AccountIdPad},
 *       {@code AccountName}, {@code AccountAlias}, {@code Arn}, {@code DefaultRegion},
 *       {@code EmailAddress}, {@code Profile}, {@code RoleName}, {@code SSO}, {@code Via}), or
 *       else the key of a tag (a role without that tag never matches). A field wins over a tag of
 *       the same name.</li>
 *   <li>{@code GLOB} matches the whole value, case-sensitively: {@code *} any run of characters,
 *       {@code ?} one character, everything else itself.</li>
 *   <li>Conditions on the same key are alternatives; conditions on different keys must all hold.
 *       No condition at all matches every role.</li>
 * </ul>
 *
 * <pre>{@code
 * RoleFilter prodReadOnly = RoleFilter.parse(List.of("RoleName=ReadOnly*", "Env=prod"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RoleFilter implements Predicate<CatalogRole> {
    private static final RoleFilter ALL = new RoleFilter(Map.of());

    private final Map<String, List<String>> conditions;
    private final RoleMatcher matcher;

    private RoleFilter(Map<String, List<String>> conditions) {
        this.conditions = conditions;
        this.matcher = new RoleMatcher(conditions);
    }

    /** The filter every role passes. */
    public static RoleFilter all() {
        return ALL;
    }

    /**
     * The filter of {@code KEY=GLOB} conditions.
     *
     * @throws IllegalArgumentException naming the condition, when one has no {@code =} or an empty
     *     key, or keys a field that changes by the minute or is not one value ({@code Id},
     *     {@code Expires}, {@code ExpiresEpoch}, {@code Tags})
     */
    public static RoleFilter parse(Collection<String> conditions) {
        RoleFilter f = ALL;
        for (String c : Objects.requireNonNull(conditions, "conditions")) {
            Objects.requireNonNull(c, "condition");
            int eq = c.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("role filter '" + c + "' is not KEY=GLOB (a field or tag"
                        + " name, '=', then a pattern where * is any text and ? one character)");
            }
            f = f.and(c.substring(0, eq), c.substring(eq + 1));
        }
        return f;
    }

    /**
     * This filter with one more condition.
     *
     * @throws IllegalArgumentException for an empty key, or a field a filter cannot use
     */
    public RoleFilter and(String key, String glob) {
        RoleMatcher.checkKey(Objects.requireNonNull(key, "key"));
        Objects.requireNonNull(glob, "glob");
        Map<String, List<String>> next = new LinkedHashMap<>(conditions);
        List<String> globs = new ArrayList<>(next.getOrDefault(key, List.of()));
        globs.add(glob);
        next.put(key, List.copyOf(globs));
        return new RoleFilter(java.util.Collections.unmodifiableMap(next));
    }

    /** The conditions: each key with its alternative globs, in the order given. */
    public Map<String, List<String>> conditions() {
        return conditions;
    }

    /** Whether a role meets every key's condition. */
    @Override
    public boolean test(CatalogRole role) {
        return matcher.matches(Objects.requireNonNull(role, "role"));
    }

    /** The roles of {@code roles} that pass, in their order. */
    public List<CatalogRole> select(Collection<CatalogRole> roles) {
        return roles.stream().filter(this).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleFilter f && f.conditions.equals(conditions);
    }

    @Override
    public int hashCode() {
        return conditions.hashCode();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        conditions.forEach((k, globs) -> globs.forEach(g -> parts.add(k + "=" + g)));
        return parts.isEmpty() ? "all roles" : String.join(" ", parts);
    }
}

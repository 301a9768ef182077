package io.awssso.core.internal.run;

import io.awssso.api.CatalogRole;
import io.awssso.core.internal.catalog.RoleLister;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Matches roles against {@code KEY=GLOB} conditions ({@link io.awssso.core.RoleFilter}): the field
 * values are the role listing's own ({@link RoleLister#values}), so a filter sees exactly what
 * {@code list} shows.
 */
public final class RoleMatcher {
    private final Map<String, List<Pattern>> patterns = new LinkedHashMap<>();

    /** A matcher for each key's alternative globs. */
    public RoleMatcher(Map<String, List<String>> conditions) {
        conditions.forEach((key, globs) -> {
            List<Pattern> p = new ArrayList<>();
            globs.forEach(g -> p.add(glob(g)));
            patterns.put(key, p);
        });
    }

    /**
     * Checks that a key can select roles: not empty, and not a listing field that is no single
     * lasting value.
     *
     * @throws IllegalArgumentException when it cannot
     */
    public static void checkKey(String key) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a role filter needs a field or tag name before '='");
        }
        if (RoleLister.FIELDS.containsKey(key) && !RoleLister.selectsRoles(key)) {
            throw new IllegalArgumentException("the field '" + key + "' cannot select roles; use one of "
                    + String.join(", ", RoleLister.FIELDS.keySet().stream().filter(RoleLister::selectsRoles)
                            .toList()) + ", or a tag name");
        }
    }

    /** Whether the role meets every key's condition. */
    public boolean matches(CatalogRole role) {
        if (patterns.isEmpty()) {
            return true;
        }
        // the expiry columns are never matched, so the time they are computed for does not matter
        Map<String, Object> fields = RoleLister.values(role, 0, Instant.EPOCH);
        for (Map.Entry<String, List<Pattern>> e : patterns.entrySet()) {
            String value = RoleLister.FIELDS.containsKey(e.getKey()) ? String.valueOf(fields.get(e.getKey()))
                    : role.tags().get(e.getKey());
            if (value == null || e.getValue().stream().noneMatch(p -> p.matcher(value).matches())) {
                return false;
            }
        }
        return true;
    }

    /** A shell-style glob as a pattern: {@code *} any text, {@code ?} one character, the rest literal. */
    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    re.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                re.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            re.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}

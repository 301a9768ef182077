package io.awssso.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment variables to set and to remove to run a program as a role ({@link Credentials#environment}), in a
 * stable order: credentials, region, the {@code AWS_SSO_*} variables, then the
 * {@code AWS_SSO_TAG_*} ones in {@code EnvVarTags} order.
 *
 * <p>It holds secrets: {@link #toString()} names the variables only.
 *
 * @param set variables to set, in output order
 * @param unset variables to remove, in output order
 */
public record RoleEnvironment(Map<String, String> set, List<String> unset) {
    /** Copies both, keeping their order. */
    public RoleEnvironment {
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
        unset = List.copyOf(unset);
    }

    /** {@code base} with {@link #unset()} removed and {@link #set()} added. */
    public Map<String, String> applyTo(Map<String, String> base) {
        Map<String, String> out = new LinkedHashMap<>(base);
        unset.forEach(out::remove);
        out.putAll(set);
        return out;
    }

    @Override
    public String toString() {
        return "RoleEnvironment[set=" + set.keySet() + ", unset=" + unset + "]";
    }
}

package io.awssso.core.internal.credentials;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The environment variables of a role for {@code exec} and {@code eval} (reference 4.1), with the
 * FAQ's region rules, always in the same order.
 */
public final class RoleVariables {
    /** Marks the region variables as set by this tool (the FAQ's "shadow copy"). */
    public static final String SSO_DEFAULT_REGION = "AWS_SSO_DEFAULT_REGION";
    static final String DEFAULT_REGION = "AWS_DEFAULT_REGION";
    static final String REGION = "AWS_REGION";
    static final String TAG_PREFIX = "AWS_SSO_TAG_";

    /** The variables {@code eval --clear} always unsets, in output order. */
    public static final List<String> ROLE_VARIABLES = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_SSO_ACCOUNT_ID", "AWS_SSO_ROLE_NAME", "AWS_SSO_ROLE_ARN",
            "AWS_SSO_SESSION_EXPIRATION", "AWS_SSO_PROFILE", "AWS_SSO");

    /**
     * What to change.
     *
     * @param set variables to set, in output order
     * @param unset variables to remove, in output order
     */
    public record Change(Map<String, String> set, List<String> unset) {
        /** Copies both, keeping their order. */
        public Change {
            set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
            unset = List.copyOf(unset);
        }
    }

    /**
     * How the region is handled.
     *
     * @param region the role's effective DefaultRegion ("" for none)
     * @param noRegion {@code --no-region}: leave every region variable alone
     * @param overwrite {@code --overwrite-region} / {@code --overwrite-env}: set the region even when
     *     the user set their own
     */
    public record RegionRule(String region, boolean noRegion, boolean overwrite) {
        /** Checks presence. */
        public RegionRule {
            Objects.requireNonNull(region, "region");
        }
    }

    private RoleVariables() {
    }

    /**
     * The variables for a role.
     *
     * @param creds the role's credentials
     * @param ssoName the SSO instance name
     * @param profile the role's profile name
     * @param tags the role's tags
     * @param envVarTags {@code EnvVarTags}
     * @param rule the region handling
     * @param current the caller's environment (decides whether the region is the user's)
     */
    public static Change forRole(RoleCredentials creds, String ssoName, String profile,
            Map<String, String> tags, List<String> envVarTags, RegionRule rule, Map<String, String> current) {
        RoleArn arn = creds.roleArn();
        Map<String, String> set = new LinkedHashMap<>();
        List<String> unset = new ArrayList<>();
        set.put("AWS_ACCESS_KEY_ID", creds.accessKeyId());
        set.put("AWS_SECRET_ACCESS_KEY", creds.secretAccessKey());
        set.put("AWS_SESSION_TOKEN", creds.sessionToken());
        // aws-sso-cli's rule: the region is set only when it is ours to set (no --no-region, not
        // the user's own, the config names one); otherwise the tool stops managing it, so the
        // shadow copy goes, whether or not it was there
        if (!rule.noRegion() && !rule.region().isEmpty() && (rule.overwrite() || regionIsOurs(current))) {
            set.put(DEFAULT_REGION, rule.region());
            set.put(REGION, rule.region());
            set.put(SSO_DEFAULT_REGION, rule.region());
        } else {
            unset.add(SSO_DEFAULT_REGION);
        }
        set.put("AWS_SSO_ACCOUNT_ID", arn.accountId().value());
        set.put("AWS_SSO_ROLE_NAME", arn.roleName());
        set.put("AWS_SSO_ROLE_ARN", arn.toString());
        set.put("AWS_SSO_SESSION_EXPIRATION", rfc3339(creds.expiration()));
        set.put("AWS_SSO_PROFILE", profile);
        set.put("AWS_SSO", ssoName);
        for (String key : envVarTags) {
            String name = TAG_PREFIX + key.toUpperCase(Locale.ROOT);
            String value = tags.get(key);
            if (value != null && !value.isEmpty()) {
                set.put(name, value);
            } else if (present(current, name)) {
                unset.add(name); // a tag of the previous role must not stick to this one
            }
        }
        // an empty value means "unset" in every shell syntax aws-sso-cli prints
        set.entrySet().removeIf(e -> {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                unset.add(e.getKey());
                return true;
            }
            return false;
        });
        return new Change(set, unset);
    }

    /**
     * What {@code eval --clear} removes, region variables as aws-sso-cli decides them: all three
     * when {@code AWS_DEFAULT_REGION} equals the shadow copy {@code AWS_SSO_DEFAULT_REGION} (which
     * includes neither being set) and {@code --no-region} was not given; otherwise only the shadow
     * copy when a region variable differs from it, since the region is then not the tool's.
     *
     * @param envVarTags {@code EnvVarTags}
     * @param noRegion {@code eval --clear --no-region}
     * @param current the caller's environment
     */
    public static Change clear(List<String> envVarTags, boolean noRegion, Map<String, String> current) {
        List<String> unset = new ArrayList<>(ROLE_VARIABLES);
        String shadow = current.getOrDefault(SSO_DEFAULT_REGION, "");
        String defaultRegion = current.getOrDefault(DEFAULT_REGION, "");
        if (!noRegion && defaultRegion.equals(shadow)) {
            unset.addAll(List.of(DEFAULT_REGION, REGION, SSO_DEFAULT_REGION));
        } else if (!defaultRegion.equals(shadow) || !current.getOrDefault(REGION, "").equals(shadow)) {
            unset.add(SSO_DEFAULT_REGION);
        }
        for (String key : envVarTags) {
            unset.add(TAG_PREFIX + key.toUpperCase(Locale.ROOT));
        }
        return new Change(Map.of(), unset);
    }

    /**
     * True unless the user set the region themselves: {@code AWS_DEFAULT_REGION} (or, when that
     * is empty, {@code AWS_REGION}) holds a value other than what this tool set last time
     * ({@code AWS_SSO_DEFAULT_REGION}), the test aws-sso-cli makes.
     */
    static boolean regionIsOurs(Map<String, String> current) {
        String region = current.getOrDefault(DEFAULT_REGION, "");
        if (region.isEmpty()) {
            region = current.getOrDefault(REGION, "");
        }
        return region.isEmpty() || region.equals(current.getOrDefault(SSO_DEFAULT_REGION, ""));
    }

    private static boolean present(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isEmpty();
    }

    /** RFC 3339 in UTC with {@code Z}, whole seconds. */
    public static String rfc3339(java.time.Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}

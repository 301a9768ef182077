package io.awssso.core.internal.catalog;

import io.awssso.api.CatalogRole;
import io.awssso.core.internal.naming.ProfileVariables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of the {@code list} command (reference 1.3): valid fields and their descriptions,
 * values, the prefix filter, sorting and {@code Id} renumbering.
 */
public final class RoleLister {
    /**
     * Every list field with its description, as aws-sso-cli words them and in the order its
     * {@code list --list-fields} prints them (sorted by name).
     */
    public static final Map<String, String> FIELDS;

    static {
        Map<String, String> f = new TreeMap<>();
        f.put("Id", "Column Index");
        f.put("Arn", "AWS Role Resource Name");
        f.put("AccountId", "AWS AccountID (integer)");
        f.put("AccountIdPad", "AWS AccountID (zero padded)");
        f.put("AccountName", "Configured Account Name");
        f.put("AccountAlias", "AWS Account Alias");
        f.put("DefaultRegion", "Default AWS Region");
        f.put("EmailAddress", "Root Email for AWS account");
        f.put("Expires", "Time until STS creds expire");
        f.put("ExpiresEpoch", "Unix Epoch when STS creds expire");
        f.put("RoleName", "AWS Role Name");
        f.put("SSO", "AWS SSO Instance Name");
        f.put("Via", "Role Chain Via");
        f.put("Profile", "AWS_SSO_PROFILE / AWS_PROFILE");
        FIELDS = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(f));
    }

    /** The fields a prefix filter accepts: not the expiry ones, whose text changes every minute. */
    public static final List<String> PREFIX_FIELDS = FIELDS.keySet().stream()
            .filter(f -> !f.equals("Expires") && !f.equals("ExpiresEpoch")).toList();

    private static final long EXPIRED_SORT_KEY = 1L << 62;

    private RoleLister() {
    }

    /** Checks that every name is a list field. */
    public static void checkFields(List<String> fields) {
        for (String f : fields) {
            if (!FIELDS.containsKey(f)) {
                throw new IllegalArgumentException("unsupported field: '" + f + "'");
            }
        }
    }

    /**
     * The rows: filtered by {@code prefixField} starting with {@code prefix} (when given), sorted
     * by {@code sortBy} (integers for Id/AccountId/AccountIdPad, epoch for Expires/ExpiresEpoch with
     * expired or absent credentials last, else case-sensitive text), reversed on request, then Id
     * renumbered from 0, and projected onto {@code fields} as typed values (see
     * {@link io.awssso.core.RoleListing}).
     *
     * @throws IllegalArgumentException for an unknown field or a prefix on a field not in {@link #PREFIX_FIELDS}
     */
    public static List<List<Object>> rows(List<CatalogRole> roles, List<String> fields,
            String sortBy, boolean reverse, String prefixField, String prefix, Instant now) {
        checkFields(fields);
        checkFields(List.of(sortBy));
        if (prefixField != null && !prefixField.isEmpty()) {
            checkFields(List.of(prefixField));
            if (!PREFIX_FIELDS.contains(prefixField)) {
                throw new IllegalArgumentException("the prefix filter does not work with the field '"
                        + prefixField + "'");
            }
        }
        List<Map<String, Object>> vars = new ArrayList<>();
        int id = 0;
        for (CatalogRole r : roles) {
            Map<String, Object> v = values(r, id++, now);
            if (prefixField == null || prefixField.isEmpty()
                    || String.valueOf(v.get(prefixField)).startsWith(prefix == null ? "" : prefix)) {
                vars.add(v);
            }
        }
        Comparator<Map<String, Object>> order = comparator(sortBy);
        vars.sort(reverse ? order.reversed() : order);
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            Map<String, Object> v = vars.get(i);
            v.put("Id", (long) i);
            List<Object> row = new ArrayList<>(fields.size());
            for (String f : fields) {
                row.add(v.get(f));
            }
            out.add(row);
        }
        return out;
    }

    /**
     * One role's field values (a mutable map keyed by field name, {@code Tags} holding the tag map),
     * as the {@code list} table shows them and role filters match them.
     */
    public static Map<String, Object> values(CatalogRole r, int id, Instant now) {
        Map<String, Object> v = ProfileVariables.of(id, r.arn(), r.accountName(), r.accountAlias(),
                r.emailAddress(), r.credentialsExpire(), now, r.profile(), r.defaultRegion(),
                r.ssoName(), "", "", r.tags(), r.via());
        // typed: an Instant, or null for none (the cache keeps 0 for "none" and "expired" alike)
        v.put("Expires", r.credentialsExpire() == null || r.credentialsExpire().getEpochSecond() <= 0 ? null
                : r.credentialsExpire());
        v.put("Arn", r.arn());
        return v;
    }

    /**
     * Whether a field names one value of a role that stays put, the way {@code --prefix} needs
     * it: not {@code Id} (a row number), the expiry columns (they change by the minute) or
     * {@code Tags} (a map).
     */
    public static boolean selectsRoles(String field) {
        return PREFIX_FIELDS.contains(field) && !"Id".equals(field) && !"Tags".equals(field);
    }

    private static Comparator<Map<String, Object>> comparator(String field) {
        switch (field) {
            case "Id":
            case "AccountId":
            case "AccountIdPad":
                return Comparator.comparingLong(v -> Long.parseLong(String.valueOf(v.get(field))));
            case "Expires":
            case "ExpiresEpoch":
                return Comparator.comparingLong(v -> {
                    long e = (Long) v.get("ExpiresEpoch");
                    return e <= 0 ? EXPIRED_SORT_KEY : e;
                });
            default:
                return Comparator.comparing(v -> String.valueOf(v.get(field)));
        }
    }
}

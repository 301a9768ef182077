package io.awssso.core.internal.naming;

import io.awssso.api.RoleArn;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables a {@code ProfileFormat} sees for one role (reference section 3), as a plain map:
 * building it is a handful of puts; the template sees it as aws-sso-cli's {@code AWSRoleFlat}.
 */
public final class ProfileVariables {
    private ProfileVariables() {
    }

    /** The variable names, in the order of the reference. */
    public static final java.util.List<String> NAMES = java.util.List.of("Id", "AccountId",
            "AccountIdPad", "AccountName", "AccountAlias", "EmailAddress", "ExpiresEpoch", "Expires",
            "Arn", "RoleName", "Profile", "DefaultRegion", "SSO", "SSORegion", "StartUrl", "Tags", "Via");

    /**
     * The variables of one role.
     *
     * @param id the row id
     * @param arn the role
     * @param accountName the config {@code Name} of the account, or empty
     * @param accountAlias the AWS account name
     * @param email the account's email
     * @param expires when the role's stored credentials expire, or {@code null}
     * @param now the current time (for {@code Expires})
     * @param profile the explicit {@code Profile}, or empty
     * @param defaultRegion the effective region, or empty
     * @param sso the instance name
     * @param ssoRegion the instance's region
     * @param startUrl the instance's start URL
     * @param tags every tag of the role
     * @param via the role chained through, or {@code null}
     */
    public static Map<String, Object> of(int id, RoleArn arn, String accountName,
            String accountAlias, String email, Instant expires, Instant now, String profile,
            String defaultRegion, String sso, String ssoRegion, String startUrl,
            Map<String, String> tags, RoleArn via) {
        Map<String, Object> v = new HashMap<>(32);
        v.put("Id", (long) id);
        v.put("AccountId", arn.accountId().asLong());
        v.put("AccountIdPad", arn.accountId().value());
        v.put("AccountName", nz(accountName));
        v.put("AccountAlias", nz(accountAlias));
        v.put("EmailAddress", nz(email));
        long epoch = expires == null || !expires.isAfter(now) ? 0L : expires.getEpochSecond();
        v.put("ExpiresEpoch", epoch);
        v.put("Expires", expiresText(expires, now));
        v.put("Arn", arn.toString());
        v.put("RoleName", arn.roleName());
        v.put("Profile", nz(profile));
        v.put("DefaultRegion", nz(defaultRegion));
        v.put("SSO", nz(sso));
        v.put("SSORegion", nz(ssoRegion));
        v.put("StartUrl", nz(startUrl));
        v.put("Tags", tags == null ? Map.of() : tags);
        v.put("Via", via == null ? "" : via.toString());
        return v;
    }

    /**
     * The {@code Expires} text of {@code list}: empty when there are no stored credentials,
     * {@code Expired}, {@code < 1m}, {@code " 5m"} under an hour, else {@code " 1h 5m"} (hours
     * padded to two places).
     */
    public static String expiresText(Instant expires, Instant now) {
        if (expires == null || expires.getEpochSecond() <= 0) {
            return "";
        }
        Duration left = Duration.between(now, expires);
        if (left.isNegative() || left.isZero()) {
            return "Expired";
        }
        if (left.compareTo(Duration.ofMinutes(1)) < 0) {
            return "< 1m";
        }
        long hours = left.toHours();
        long minutes = left.toMinutesPart();
        return hours > 0 ? String.format("%2dh %dm", hours, minutes) : String.format("%2dm", minutes);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

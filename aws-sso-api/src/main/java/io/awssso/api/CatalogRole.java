package io.awssso.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One role as the catalog knows it: what Identity Center reports, merged with the user's config.
 *
 * @param arn the role's ARN
 * @param ssoName the SSO instance the role belongs to
 * @param accountAlias the account's name in AWS (aws-sso-cli's "AccountAlias")
 * @param accountName the account's {@code Name} from config, or empty
 * @param emailAddress the account's root email, or empty
 * @param profile the role's profile name (explicit {@code Profile} or the ProfileFormat result)
 * @param defaultRegion the effective default region, or empty
 * @param via the role to assume first (role chaining), or {@code null}
 * @param tags the role's tags, defaults and user tags merged
 * @param credentialsExpire when the stored credentials for this role expire, or {@code null}
 */
public record CatalogRole(
        RoleArn arn,
        String ssoName,
        String accountAlias,
        String accountName,
        String emailAddress,
        String profile,
        String defaultRegion,
        RoleArn via,
        Map<String, String> tags,
        Instant credentialsExpire) {

    /** Checks the ARN and instance and normalises missing text to empty strings. */
    public CatalogRole {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(ssoName, "ssoName");
        accountAlias = accountAlias == null ? "" : accountAlias;
        accountName = accountName == null ? "" : accountName;
        emailAddress = emailAddress == null ? "" : emailAddress;
        profile = profile == null ? "" : profile;
        defaultRegion = defaultRegion == null ? "" : defaultRegion;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** The role to assume first, when this role is reached by role chaining. */
    public Optional<RoleArn> viaIfAny() {
        return Optional.ofNullable(via);
    }
}

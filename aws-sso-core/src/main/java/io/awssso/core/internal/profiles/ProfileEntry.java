package io.awssso.core.internal.profiles;

import io.awssso.api.RoleArn;
import java.util.Objects;

/**
 * One generated {@code ~/.aws/config} profile.
 *
 * @param name the profile name (the role's ProfileName)
 * @param arn the role it gets credentials for
 * @param region the role's default region, or empty for none
 */
public record ProfileEntry(String name, RoleArn arn, String region) {

    /** Checks presence. */
    public ProfileEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        region = region == null ? "" : region;
    }
}

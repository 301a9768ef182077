package io.awssso.core;

import io.awssso.api.RoleArn;
import java.util.Objects;

/**
 * A console sign-in URL for one role. The URL holds a sign-in token that opens the console to
 * whoever has it for 15 minutes: {@code toString()} leaves it out.
 *
 * @param role the role signed in as
 * @param profile the role's profile name (the Firefox container name), or empty
 * @param region the console region
 * @param roleChaining whether the credentials were role-chained (no session duration was asked)
 * @param url the login URL
 */
public record ConsoleSignIn(RoleArn role, String profile, String region, boolean roleChaining, String url) {

    /** Checks presence. */
    public ConsoleSignIn {
        Objects.requireNonNull(role, "role");
        profile = profile == null ? "" : profile;
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
        return "ConsoleSignIn[role=" + role + ", profile=" + profile + ", region=" + region
                + ", roleChaining=" + roleChaining + ", url=<hidden>]";
    }
}

package io.awssso.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Temporary credentials for one role. {@code toString()} shows the access key id and expiry but
 * never the secret key or session token.
 *
 * @param roleArn the role these credentials belong to, in its own partition
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token
 * @param expiration when the credentials stop working
 * @param roleChaining whether they came from {@code sts:AssumeRole} with other role credentials
 *     (the console then must not ask for a session duration)
 */
public record RoleCredentials(
        RoleArn roleArn,
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        Instant expiration,
        boolean roleChaining) {

    /**
     * Checks that every part is present.
     *
     * @throws NullPointerException naming the missing part
     */
    public RoleCredentials {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
    }

    /** The account of the role. */
    public AccountId accountId() {
        return roleArn.accountId();
    }

    /** The role name. */
    public String roleName() {
        return roleArn.roleName();
    }

    /** True when the credentials expire within {@code margin} of the clock's now. */
    public boolean expiresWithin(Duration margin, Clock clock) {
        return !clock.instant().plus(margin).isBefore(expiration);
    }

    @Override
    public String toString() {
        return "RoleCredentials[roleArn=" + roleArn + ", accessKeyId=" + accessKeyId + ", secretAccessKey="
                + Secrets.mask(secretAccessKey) + ", sessionToken=" + Secrets.mask(sessionToken)
                + ", expiration=" + expiration + ", roleChaining=" + roleChaining + "]";
    }
}

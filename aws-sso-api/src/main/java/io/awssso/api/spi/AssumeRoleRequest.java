package io.awssso.api.spi;

import io.awssso.api.RoleArn;
import java.util.Objects;

/**
 * An {@code sts:AssumeRole} call for role chaining ({@code Via}).
 *
 * @param role the role to assume
 * @param sessionName the role session name ({@code <role>@<account>} of the source role)
 * @param externalId the external id, or {@code null}
 * @param sourceIdentity the source identity, or {@code null}
 */
public record AssumeRoleRequest(RoleArn role, String sessionName, String externalId, String sourceIdentity) {
    /** Checks the role and session name. */
    public AssumeRoleRequest {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sessionName, "sessionName");
    }
}

package io.awssso.api;

import java.util.Objects;

/**
 * A permission set the user may assume in an account, as ListAccountRoles returns it.
 *
 * @param accountId the account
 * @param roleName the role (permission set) name
 */
public record AccountRole(AccountId accountId, String roleName) {
    /** Checks that both parts are present. */
    public AccountRole {
        Objects.requireNonNull(accountId, "accountId");
        if (roleName == null || roleName.isBlank()) {
            throw new IllegalArgumentException("role name must not be empty");
        }
    }

    /** This role's ARN in the given partition. */
    public RoleArn arn(String partition) {
        return new RoleArn(partition, accountId, roleName);
    }
}

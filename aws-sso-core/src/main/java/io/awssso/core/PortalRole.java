package io.awssso.core;

import io.awssso.api.AccountId;
import java.util.Objects;

/**
 * One role assignment as IAM Identity Center lists it ({@link Roles#assigned()}).
 *
 * @param accountId the account
 * @param accountName the account's name in IAM Identity Center
 * @param roleName the permission set's role name
 */
public record PortalRole(AccountId accountId, String accountName, String roleName) {
    /** Checks presence. */
    public PortalRole {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(roleName, "roleName");
    }
}

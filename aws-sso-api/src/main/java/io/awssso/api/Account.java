package io.awssso.api;

import java.util.Objects;

/**
 * An AWS account the signed-in user can reach, as ListAccounts returns it.
 *
 * @param id the account id
 * @param name the account's name in AWS (aws-sso-cli calls it the "alias")
 * @param emailAddress the account's root email address, possibly empty
 */
public record Account(AccountId id, String name, String emailAddress) {
    /** Checks the id and normalises missing text to empty strings. */
    public Account {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        emailAddress = emailAddress == null ? "" : emailAddress;
    }
}

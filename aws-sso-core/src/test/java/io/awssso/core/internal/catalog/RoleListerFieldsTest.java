package io.awssso.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleListerFieldsTest {
    @Test
    void fields_areSortedByNameAsListFieldsPrintsThem() {
        assertThat(RoleLister.FIELDS.keySet()).containsExactly("AccountAlias", "AccountId", "AccountIdPad",
                "AccountName", "Arn", "DefaultRegion", "EmailAddress", "Expires", "ExpiresEpoch", "Id",
                "Profile", "RoleName", "SSO", "Via");
        assertThat(RoleLister.FIELDS).containsEntry("ExpiresEpoch", "Unix Epoch when STS creds expire")
                .containsEntry("EmailAddress", "Root Email for AWS account");
    }
}

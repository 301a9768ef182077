package io.awssso.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.CatalogRole;
import io.awssso.api.RoleArn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleFilterTest {
    private static CatalogRole role(String arn, String accountName, Map<String, String> tags) {
        return new CatalogRole(RoleArn.parse(arn), "Default", "alias", accountName, "e@example.com",
                "profile-" + accountName, "eu-west-1", null, tags, null);
    }

    private static final CatalogRole PROD_RO = role("arn:aws:iam::000000000001:role/ReadOnly", "prod-web",
            Map.of("Env", "prod"));
    private static final CatalogRole PROD_ADMIN = role("arn:aws:iam::000000000001:role/Admin", "prod-web",
            Map.of("Env", "prod"));
    private static final CatalogRole DEV_RO = role("arn:aws:iam::000000000002:role/ReadOnly", "dev-web",
            Map.of("Env", "dev"));
    private static final CatalogRole UNTAGGED = role("arn:aws:iam::000000000003:role/ReadOnly", "sandbox",
            Map.of());
    private static final List<CatalogRole> ALL = List.of(PROD_RO, PROD_ADMIN, DEV_RO, UNTAGGED);

    @Test
    void select_fieldExact_onlyThatValue() {
        assertThat(RoleFilter.parse(List.of("RoleName=ReadOnly")).select(ALL)).containsExactly(PROD_RO, DEV_RO,
                UNTAGGED);
    }

    @Test
    void select_fieldAndTag_bothMustHold() {
        assertThat(RoleFilter.parse(List.of("RoleName=ReadOnly", "Env=prod")).select(ALL)).containsExactly(PROD_RO);
    }

    @Test
    void select_sameKeyTwice_eitherGlob() {
        assertThat(RoleFilter.parse(List.of("AccountName=prod-*", "AccountName=sand???")).select(ALL))
                .containsExactly(PROD_RO, PROD_ADMIN, UNTAGGED);
    }

    @Test
    void select_tagMissing_neverMatchesEvenStar() {
        assertThat(RoleFilter.parse(List.of("Env=*")).select(ALL)).doesNotContain(UNTAGGED).hasSize(3);
    }

    @Test
    void select_globMatchesWholeValue_andRegexCharactersAreLiteral() {
        assertThat(RoleFilter.parse(List.of("RoleName=Read")).select(ALL)).isEmpty();
        assertThat(RoleFilter.parse(List.of("Arn=arn:aws:iam::000000000001:role/*")).select(ALL))
                .containsExactly(PROD_RO, PROD_ADMIN);
        assertThat(RoleFilter.parse(List.of("AccountName=prod.web")).select(ALL)).isEmpty();
    }

    @Test
    void select_globIsCaseSensitive() {
        assertThat(RoleFilter.parse(List.of("RoleName=readonly")).select(ALL)).isEmpty();
    }

    @Test
    void select_numericFields_matchTheListingText() {
        assertThat(RoleFilter.parse(List.of("AccountIdPad=000000000002")).select(ALL)).containsExactly(DEV_RO);
        assertThat(RoleFilter.parse(List.of("AccountId=2")).select(ALL)).containsExactly(DEV_RO);
    }

    @Test
    void select_valueWithEquals_splitAtTheFirst() {
        CatalogRole odd = role("arn:aws:iam::000000000009:role/R", "x", Map.of("Query", "a=b"));
        assertThat(RoleFilter.parse(List.of("Query=a=b")).test(odd)).isTrue();
    }

    @Test
    void all_noCondition_matchesEveryRole() {
        assertThat(RoleFilter.all().select(ALL)).isEqualTo(ALL);
        assertThat(RoleFilter.parse(List.of())).isEqualTo(RoleFilter.all());
    }

    @Test
    void parse_noEquals_errorSaysTheForm() {
        assertThatThrownBy(() -> RoleFilter.parse(List.of("RoleName"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'RoleName' is not KEY=GLOB");
        assertThatThrownBy(() -> RoleFilter.parse(List.of("=x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'=x' is not KEY=GLOB");
    }

    @Test
    void parse_changingField_refusedNamingTheUsableOnes() {
        for (String f : List.of("Expires", "ExpiresEpoch", "Id")) {
            assertThatThrownBy(() -> RoleFilter.parse(List.of(f + "=1"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + f + "' cannot select roles").hasMessageContaining("RoleName");
        }
    }

    @Test
    void toString_conditionsAsTyped() {
        assertThat(RoleFilter.parse(List.of("RoleName=R*", "Env=prod"))).hasToString("RoleName=R* Env=prod");
        assertThat(RoleFilter.all()).hasToString("all roles");
    }
}

package io.awssso.core.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleVariablesTest {
    private static final RoleCredentials CREDS = new RoleCredentials(RoleArn.of(AccountId.parse("12"), "Admin"),
            "ASIAKEY", "secret", "token", Instant.parse("2026-11-26T11:00:00.123Z"), false);

    private static RoleVariables.Change vars(RoleVariables.RegionRule rule, Map<String, String> current) {
        return RoleVariables.forRole(CREDS, "Default", "prod:Admin", Map.of("Env", "prod"), List.of("Env", "Team"),
                rule, current);
    }

    @Test
    void forRole_noRegionSet_setsEverythingInStableOrder() {
        RoleVariables.Change c = vars(new RoleVariables.RegionRule("eu-west-1", false, false), Map.of());

        assertThat(c.set()).containsExactly(
                Map.entry("AWS_ACCESS_KEY_ID", "ASIAKEY"), Map.entry("AWS_SECRET_ACCESS_KEY", "secret"),
                Map.entry("AWS_SESSION_TOKEN", "token"), Map.entry("AWS_DEFAULT_REGION", "eu-west-1"),
                Map.entry("AWS_REGION", "eu-west-1"), Map.entry("AWS_SSO_DEFAULT_REGION", "eu-west-1"),
                Map.entry("AWS_SSO_ACCOUNT_ID", "000000000012"), Map.entry("AWS_SSO_ROLE_NAME", "Admin"),
                Map.entry("AWS_SSO_ROLE_ARN", "arn:aws:iam::000000000012:role/Admin"),
                Map.entry("AWS_SSO_SESSION_EXPIRATION", "2026-11-26T11:00:00Z"),
                Map.entry("AWS_SSO_PROFILE", "prod:Admin"), Map.entry("AWS_SSO", "Default"),
                Map.entry("AWS_SSO_TAG_ENV", "prod"));
        assertThat(c.unset()).isEmpty();
    }

    @Test
    void forRole_regionSetByUser_leftAloneAndNoLongerManaged() {
        RoleVariables.Change c = vars(new RoleVariables.RegionRule("eu-west-1", false, false),
                Map.of("AWS_DEFAULT_REGION", "ap-south-1", "AWS_SSO_DEFAULT_REGION", "us-east-1"));

        assertThat(c.set()).doesNotContainKeys("AWS_DEFAULT_REGION", "AWS_REGION", "AWS_SSO_DEFAULT_REGION");
        assertThat(c.unset()).containsExactly("AWS_SSO_DEFAULT_REGION");
    }

    @Test
    void forRole_regionSetByUsWithoutShadow_treatedAsUsers() {
        RoleVariables.Change c = vars(new RoleVariables.RegionRule("eu-west-1", false, false),
                Map.of("AWS_REGION", "us-east-2"));

        assertThat(c.set()).doesNotContainKeys("AWS_DEFAULT_REGION", "AWS_REGION", "AWS_SSO_DEFAULT_REGION");
    }

    @Test
    void forRole_regionSetByToolEarlier_updated() {
        RoleVariables.Change c = vars(new RoleVariables.RegionRule("eu-west-1", false, false),
                Map.of("AWS_DEFAULT_REGION", "us-east-1", "AWS_REGION", "us-east-1",
                        "AWS_SSO_DEFAULT_REGION", "us-east-1"));

        assertThat(c.set()).containsEntry("AWS_DEFAULT_REGION", "eu-west-1").containsEntry("AWS_REGION", "eu-west-1")
                .containsEntry("AWS_SSO_DEFAULT_REGION", "eu-west-1");
    }

    @Test
    void forRole_overwrite_setsOverUsersRegion() {
        RoleVariables.Change c = vars(new RoleVariables.RegionRule("eu-west-1", false, true),
                Map.of("AWS_DEFAULT_REGION", "ap-south-1"));

        assertThat(c.set()).containsEntry("AWS_DEFAULT_REGION", "eu-west-1").containsEntry("AWS_REGION", "eu-west-1");
    }

    @Test
    void forRole_noRegion_regionLeftAloneAndShadowAlwaysUnset() {
        for (Map<String, String> current : List.of(Map.<String, String>of(),
                Map.of("AWS_SSO_DEFAULT_REGION", "us-east-1", "AWS_DEFAULT_REGION", "us-east-1"))) {
            RoleVariables.Change c = vars(new RoleVariables.RegionRule("eu-west-1", true, true), current);

            assertThat(c.set()).doesNotContainKeys("AWS_DEFAULT_REGION", "AWS_REGION", "AWS_SSO_DEFAULT_REGION");
            assertThat(c.unset()).as("%s", current).containsExactly("AWS_SSO_DEFAULT_REGION");
        }
    }

    @Test
    void forRole_noRegionConfigured_shadowUnset() {
        RoleVariables.Change c = vars(new RoleVariables.RegionRule("", false, false), Map.of());

        assertThat(c.set()).doesNotContainKeys("AWS_DEFAULT_REGION", "AWS_REGION", "AWS_SSO_DEFAULT_REGION");
        assertThat(c.unset()).containsExactly("AWS_SSO_DEFAULT_REGION");
    }

    @Test
    void forRole_defaultRegionOursButRegionDiffers_stillOurs() {
        // aws-sso-cli looks at AWS_REGION only when AWS_DEFAULT_REGION is empty
        RoleVariables.Change c = vars(new RoleVariables.RegionRule("eu-west-1", false, false),
                Map.of("AWS_DEFAULT_REGION", "us-east-1", "AWS_SSO_DEFAULT_REGION", "us-east-1",
                        "AWS_REGION", "ap-south-1"));

        assertThat(c.set()).containsEntry("AWS_REGION", "eu-west-1");
    }

    @Test
    void forRole_previousRolesTagPresent_unset() {
        RoleVariables.Change c = vars(new RoleVariables.RegionRule("", false, false),
                Map.of("AWS_SSO_TAG_TEAM", "old"));

        assertThat(c.unset()).containsExactly("AWS_SSO_DEFAULT_REGION", "AWS_SSO_TAG_TEAM");
    }

    private static List<String> clearedRegion(boolean noRegion, Map<String, String> current) {
        return RoleVariables.clear(List.of(), noRegion, current).unset().stream()
                .filter(n -> n.contains("REGION")).toList();
    }

    @Test
    void clear_managedRegion_unsetsRegionToo() {
        RoleVariables.Change c = RoleVariables.clear(List.of("Env"), false,
                Map.of("AWS_DEFAULT_REGION", "eu-west-1", "AWS_SSO_DEFAULT_REGION", "eu-west-1"));

        assertThat(c.unset()).containsExactly("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
                "AWS_SSO_ACCOUNT_ID", "AWS_SSO_ROLE_NAME", "AWS_SSO_ROLE_ARN", "AWS_SSO_SESSION_EXPIRATION",
                "AWS_SSO_PROFILE", "AWS_SSO", "AWS_DEFAULT_REGION", "AWS_REGION",
                "AWS_SSO_DEFAULT_REGION", "AWS_SSO_TAG_ENV");
    }

    @Test
    void clear_noRegionVariableSet_unsetsAllThree() {
        assertThat(clearedRegion(false, Map.of()))
                .containsExactly("AWS_DEFAULT_REGION", "AWS_REGION", "AWS_SSO_DEFAULT_REGION");
    }

    @Test
    void clear_usersRegion_keepsItAndDropsOnlyTheShadow() {
        assertThat(clearedRegion(false, Map.of("AWS_DEFAULT_REGION", "eu-west-1")))
                .containsExactly("AWS_SSO_DEFAULT_REGION");
        assertThat(clearedRegion(false, Map.of("AWS_DEFAULT_REGION", "eu-west-1", "AWS_SSO_DEFAULT_REGION", "us-east-1")))
                .containsExactly("AWS_SSO_DEFAULT_REGION");
    }

    @Test
    void clear_noRegion_onlyTheShadowAndOnlyWhenARegionDiffers() {
        assertThat(clearedRegion(true, Map.of())).isEmpty();
        assertThat(clearedRegion(true, Map.of("AWS_DEFAULT_REGION", "eu-west-1", "AWS_REGION", "eu-west-1",
                "AWS_SSO_DEFAULT_REGION", "eu-west-1"))).isEmpty();
        assertThat(clearedRegion(true, Map.of("AWS_DEFAULT_REGION", "eu-west-1")))
                .containsExactly("AWS_SSO_DEFAULT_REGION");
        assertThat(clearedRegion(true, Map.of("AWS_REGION", "eu-west-1")))
                .containsExactly("AWS_SSO_DEFAULT_REGION");
    }
}

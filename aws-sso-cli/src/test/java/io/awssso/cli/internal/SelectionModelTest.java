package io.awssso.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.CatalogRole;
import io.awssso.api.RoleArn;
import io.awssso.cli.internal.SelectionModel.Suggestion;
import io.awssso.core.SelectorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionModelTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final RoleArn PROD_ADMIN = RoleArn.parse("arn:aws:iam::012345678901:role/AdministratorAccess");
    private static final RoleArn PROD_READ = RoleArn.parse("arn:aws:iam::012345678901:role/ReadOnlyAccess");
    private static final RoleArn SANDBOX_ADMIN = RoleArn.parse("arn:aws:iam::000000000042:role/AdministratorAccess");

    private static CatalogRole role(RoleArn arn, String alias, String profile, Map<String, String> extra) {
        Map<String, String> tags = new java.util.HashMap<>(Map.of("AccountID", arn.accountId().toString(),
                "AccountAlias", alias, "Role", arn.roleName()));
        tags.putAll(extra);
        return new CatalogRole(arn, "Default", alias, "", "", profile, "", null, tags, null);
    }

    private static List<CatalogRole> roles() {
        long hourAgo = NOW.minus(Duration.ofMinutes(61)).minusSeconds(2).getEpochSecond();
        return List.of(
                role(PROD_ADMIN, "prod", "prod:AdministratorAccess", Map.of("Team", "Platform Ops")),
                role(PROD_READ, "prod", "prod:ReadOnlyAccess",
                        Map.of("History", "prod:ReadOnlyAccess," + hourAgo)),
                role(SANDBOX_ADMIN, "sandbox", "sandbox:AdministratorAccess", Map.of()));
    }

    private static SelectionModel model(String firstTag, boolean fullText) {
        return new SelectionModel(roles(), new SelectorSettings(firstTag, fullText,
                List.of("AccountName", "AccountAlias", "Email")), NOW);
    }

    private static List<String> values(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::value).toList();
    }

    @Test
    void suggestions_atStart_listEveryKeySortedPlusProfileName() {
        List<Suggestion> s = model("", true).suggestions("");

        assertThat(values(s)).containsExactly("AccountAlias", "AccountID", "History", "Role", "Team",
                "ProfileName");
        assertThat(s.get(0).description()).isEqualTo("3 roles/2 choices");
        assertThat(s.get(2).description()).isEqualTo("1 roles/1 choices");
    }

    @Test
    void suggestions_firstTagHistory_isPinnedFirst() {
        assertThat(values(model("History", true).suggestions(""))).startsWith("History", "AccountAlias");
    }

    @Test
    void suggestions_afterKey_listTheValuesWithRoleCountOrArn() {
        List<Suggestion> s = model("", true).suggestions("AccountAlias ");

        assertThat(s).containsExactly(new Suggestion("prod", "prod", "2 roles"),
                new Suggestion("sandbox", "sandbox", SANDBOX_ADMIN.toString()));
    }

    @Test
    void suggestions_historyValues_showAgeAndAliasRole() {
        List<Suggestion> s = model("", true).suggestions("History ");

        assertThat(s).singleElement().satisfies(h -> {
            assertThat(h.display()).isEqualTo("[1h1m2s] prod:ReadOnlyAccess");
            assertThat(h.value()).startsWith("prod:ReadOnlyAccess,");
            assertThat(h.description()).isEqualTo(PROD_READ.toString());
        });
    }

    @Test
    void suggestions_spacesInValues_becomeUnderscores() {
        assertThat(values(model("", true).suggestions("Team "))).containsExactly("Platform_Ops");
    }

    @Test
    void suggestions_afterAPair_dropKeysThatCannotNarrowAndListTheRoles() {
        List<Suggestion> s = model("", true).suggestions("AccountAlias prod ");

        // AccountAlias and AccountID have one value among prod's roles: they cannot narrow it.
        assertThat(values(s)).containsExactly("History", "Role", "Team", "ProfileName",
                PROD_ADMIN.toString(), PROD_READ.toString());
        assertThat(s.get(s.size() - 1).description()).isEqualTo("AccountAlias:prod");
    }

    @Test
    void suggestions_fullTextSearch_matchesSubstringsIgnoringCase() {
        assertThat(values(model("", true).suggestions("Role ONLY"))).containsExactly("ReadOnlyAccess");
    }

    @Test
    void suggestions_prefixSearch_ignoresMatchesInsideTheWord() {
        assertThat(values(model("", false).suggestions("Role a"))).containsExactly("AdministratorAccess");
        assertThat(values(model("", true).suggestions("Role a")))
                .containsExactly("AdministratorAccess", "ReadOnlyAccess");
        assertThat(values(model("", false).suggestions("Role READ"))).containsExactly("ReadOnlyAccess");
    }

    @Test
    void suggestions_fullTextNoDirectMatch_fallsBackToFuzzySubsequence() {
        assertThat(values(model("", true).suggestions("AccountAlias sbx"))).containsExactly("sandbox");
    }

    @Test
    void suggestions_prefixSearchNoMatch_offersNothing() {
        // FullTextSearch: false is go-prompt's FilterHasPrefix in aws-sso-cli: no fallback
        assertThat(values(model("", false).suggestions("AccountAlias sbx"))).isEmpty();
        assertThat(values(model("", false).suggestions("AccountAlias andbox"))).isEmpty();
        assertThat(values(model("", false).suggestions("AccountAlias sand"))).containsExactly("sandbox");
    }

    @Test
    void suggestions_valuesOfOtherRoles_areHiddenOnceNarrowed() {
        assertThat(values(model("", true).suggestions("AccountAlias sandbox Role ")))
                .containsExactly("AdministratorAccess");
    }

    @Test
    void choose_pairsLeavingOneRole_selectIt() {
        assertThat(model("", true).choose("AccountAlias sandbox")).contains(SANDBOX_ADMIN);
        assertThat(model("", true).choose("accountalias PROD role readonlyaccess")).contains(PROD_READ);
    }

    @Test
    void choose_lastTokenIsAProfileNameOrArn_selectsThatRole() {
        assertThat(model("", true).choose("ProfileName prod:AdministratorAccess")).contains(PROD_ADMIN);
        assertThat(model("", true).choose("AccountAlias prod " + PROD_READ)).contains(PROD_READ);
    }

    @Test
    void choose_severalRolesLeft_failsWithTooMany() {
        assertThatThrownBy(() -> model("", true).choose("AccountAlias prod"))
                .hasMessage("Invalid selection: Too many roles match selected values.");
    }

    @Test
    void choose_noRoleLeft_failsWithNoMatch() {
        assertThatThrownBy(() -> model("", true).choose("AccountAlias staging"))
                .hasMessage("Invalid selection: No matching roles.");
    }

    @Test
    void choose_exit_returnsEmpty() {
        assertThat(model("", true).choose("  exit ")).isEmpty();
    }

    @Test
    void age_formatsLikeGoDurations() {
        assertThat(SelectionModel.age(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(SelectionModel.age(Duration.ofSeconds(300))).isEqualTo("5m0s");
        assertThat(SelectionModel.age(Duration.ofSeconds(3723))).isEqualTo("1h2m3s");
    }
}

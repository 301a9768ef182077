package io.awssso.core.internal.config;

import static io.awssso.core.internal.config.ConfigTesting.FILE;
import static io.awssso.core.internal.config.ConfigTesting.MINIMAL;
import static io.awssso.core.internal.config.ConfigTesting.load;
import static io.awssso.core.internal.config.ConfigTesting.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.AccountId;
import io.awssso.core.internal.config.YamlNode.Mapping;
import io.awssso.core.internal.config.YamlNode.Scalar;
import io.awssso.core.internal.config.YamlNode.Sequence;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Composition keeps positions and refuses hostile YAML with a located problem. */
class YamlComposerTest {

    private static Optional<YamlNode> compose(String text) {
        return YamlComposer.compose(text, new Problems(FILE));
    }

    @Test
    void compose_nodes_keepLinesColumnsAndRawText() {
        Mapping root = (Mapping) compose("a: 012\nb:\n  - \"x\"\n  - ~\n").orElseThrow();

        Scalar a = (Scalar) root.entries().get(0).value();
        assertThat(a.value()).isEqualTo("012");
        assertThat(a.position()).isEqualTo(new YamlNode.Position(1, 4));
        Sequence b = (Sequence) root.entries().get(1).value();
        assertThat(b.position().line()).isEqualTo(3);
        assertThat(((Scalar) b.items().get(0)).plain()).isFalse();
        assertThat(((Scalar) b.items().get(1)).isNull()).isTrue();
    }

    @Test
    void compose_quotedNullWord_isText() {
        Mapping root = (Mapping) compose("a: 'null'\n").orElseThrow();

        assertThat(((Scalar) root.entries().get(0).value()).isNull()).isFalse();
    }

    @Test
    void compose_deepNesting_isRefusedWithoutStackOverflow() {
        String deep = MINIMAL + "X: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

        assertThat(problems(deep)).singleElement().asString().startsWith(FILE + ":5:")
                .contains("nested more than 64 levels");
    }

    @Test
    void compose_billionLaughs_isRefused() {
        StringBuilder b = new StringBuilder(MINIMAL).append("l0: &l0 [lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            b.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            b.append("]\n");
        }

        assertThat(problems(b.toString())).singleElement().asString()
                .contains("expands to more than 100000 nodes");
    }

    @Test
    void compose_recursiveAlias_isRefused() {
        assertThat(problems(MINIMAL + "X: &a [1, *a]\n")).singleElement().asString()
                .startsWith(FILE + ":5:11: ").contains("recursive");
    }

    @Test
    void compose_anchorRedefinedInsideItsOwnCollection_aliasTakesTheInnerDefinition() {
        Mapping root = (Mapping) compose("x: &a [&a inner, *a]\ny: *a\n").orElseThrow();

        Sequence x = (Sequence) root.entries().get(0).value();
        assertThat(((Scalar) x.items().get(1)).value()).isEqualTo("inner");
        assertThat(((Scalar) root.entries().get(1).value()).value()).isEqualTo("inner");
    }

    @Test
    void compose_aliasAfterItsCollectionCloses_isTheCollection() {
        Mapping root = (Mapping) compose("x: &a [1, 2]\ny: *a\n").orElseThrow();

        assertThat(root.entries().get(1).value()).isSameAs(root.entries().get(0).value());
    }

    @Test
    void compose_undefinedAlias_isReportedAtTheAlias() {
        assertThat(problems(MINIMAL + "Threads: *five\n")).singleElement().asString()
                .startsWith(FILE + ":5:10: ").contains("*five refers to no anchor");
    }

    @Test
    void compose_forbiddenControlCharacter_isReportedOnItsLine() {
        assertThat(problems(MINIMAL + "FirstTag: a\u0001b\n")).singleElement().asString()
                .startsWith(FILE + ":5:").contains("U+0001");
    }

    @Test
    void compose_aliasesAndMergeKeys_areResolved() {
        AwsSsoConfig c = load(ConfigTesting.resource("features.yaml"));

        SsoConfig def = c.ssoConfig().get("Default");
        AccountConfig zero = def.accounts().get(new AccountId("012345678901"));
        assertThat(zero.tags()).containsEntry("Team", "platform").containsEntry("Env", "prod")
                .containsEntry("CostCenter", "0042");
        assertThat(zero.roles().get("Admin").defaultRegion()).contains("eu-west-1");
        assertThat(zero.roles().get("Admin").tags()).containsEntry("Team", "platform");
        RoleConfig chained = def.accounts().get(new AccountId("123456789012")).roles()
                .get("Chained");
        assertThat(chained.defaultRegion()).contains("eu-west-1");
        assertThat(chained.via()).isPresent();
        assertThat(def.accounts().get(new AccountId("012345678902")).roles())
                .containsKey("PowerUser");
        assertThat(c.ssoConfig().get("Local").startUrl()).isEqualTo("http://127.0.0.1:8443/start");
        assertThat(c.profileFormat()).isEqualTo("{{ .AccountIdPad }}:{{ .RoleName }}");
        assertThat(c.promptColors()).containsEntry("SuggestionBGColor", "DarkGrey");
    }

    @Test
    void compose_mergeKey_explicitKeysWin() {
        AwsSsoConfig c = load("base: &base {Threads: 2, LogLevel: debug}\n" + MINIMAL
                + "<<: *base\nThreads: 3\n");

        assertThat(c.threads()).isEqualTo(3);
        assertThat(c.logLevel()).isEqualTo(LogLevel.DEBUG);
    }

    @Test
    void compose_aliasedBlockWithAnUnknownKey_warnsOncePerPlaceItIsUsed() {
        String yaml = "x-role: &role {Profil: p}\n" + MINIMAL + "    Accounts:\n"
                + "      \"000000000001\": {Roles: {A: *role, B: *role}}\n";

        assertThat(ConfigTesting.loaded(yaml).warnings())
                .filteredOn(w -> w.message().contains("did you mean 'Profile'")).hasSize(2)
                .extracting(w -> w.key()).containsExactlyInAnyOrder(
                        "SSOConfig.Default.Accounts.000000000001.Roles.A.Profil",
                        "SSOConfig.Default.Accounts.000000000001.Roles.B.Profil");
    }

    @Test
    void compose_problemAtTheSameSpotWithTheSameKey_isReportedOnce() {
        Problems problems = new Problems(FILE);
        problems.error(new YamlNode.Position(3, 4), "K", "m");
        problems.error(new YamlNode.Position(3, 4), "K", "m");

        org.assertj.core.api.Assertions.assertThatThrownBy(problems::throwIfAny)
                .isInstanceOfSatisfying(io.awssso.api.ConfigurationException.class,
                        e -> assertThat(e.problems()).hasSize(1));
    }

    @Test
    void positionOfCodePoint_countsLinesAndSurrogatePairs() {
        assertThat(YamlComposer.positionOfCodePoint("a\n\uD83D\uDE00b", 3))
                .isEqualTo(new YamlNode.Position(2, 2));
    }
}

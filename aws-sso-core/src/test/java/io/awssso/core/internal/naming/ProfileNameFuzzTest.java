package io.awssso.core.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.awssso.api.AccountId;
import io.awssso.api.CatalogRole;
import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleArn;
import io.awssso.api.spi.ProfileNamer;
import io.awssso.api.spi.ProfileNamerFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Any {@code ProfileFormat} (a Go template), applied to a role whose names and tags the
 * directory controls: it compiles and names, or fails with a {@link ConfigurationException}; never
 * any other exception, never a hang. Drives the factory the engine uses, not the translator's
 * internals, so a rewrite of the engine behind it keeps this target.
 */
class ProfileNameFuzzTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private static final ProfileNamerFactory FACTORY = new GoTemplateProfileNamerFactory(CLOCK);

    /** Pieces of the template languages, so that the fuzzer reaches past the lexer quickly. */
    private static final List<String> PIECES = List.of("{{", "}}", "{{-", "-}}", "{%", "%}", "{#", "#}",
            ".AccountIdPad", ".AccountId", ".AccountName", ".AccountAlias", ".RoleName", ".Profile", ".Tags",
            ".Expires", ".Via", ".Arn", ".SSO", ".EmailAddress", ".DefaultRegion", "|", " ", "\"", "'", "`",
            "(", ")", "$", "$x := ", "if ", "else", "end", "range ", "with ", "printf ", "\"%s\"", "nospace ",
            "FirstItem ", "StringsJoin ", "StringReplace ", "kebabcase ", "index ", "len ", "eq ", "and ",
            "not ", "or ", "html ", "js ", "call ", "template ", "define ", "block ", "\\", "\n", "\u0000",
            "1e400", "-1", "99999999999999999999", "%", "%%", "%v", "%d", "%*d", "%[3]s", "nil", "true");

    @FuzzTest(maxDuration = "2m")
    void createAndName_anyTemplateAnyRole_namesOrFailsWithConfigurationException(FuzzedDataProvider data) {
        StringBuilder template = new StringBuilder();
        int pieces = data.consumeInt(0, 24);
        for (int i = 0; i < pieces; i++) {
            template.append(data.consumeBoolean() ? data.pickValue(PIECES) : data.consumeString(6));
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = data.consumeInt(0, 3); i > 0; i--) {
            tags.put(data.consumeString(10), data.consumeString(20));
        }
        CatalogRole role = new CatalogRole(
                RoleArn.of(AccountId.of(data.consumeLong(0, AccountId.MAX)), roleName(data.consumeString(20))),
                "Default", data.consumeString(20), data.consumeString(20), data.consumeString(20),
                data.consumeString(20), data.consumeString(12), null, tags, null);

        ProfileNamer namer;
        try {
            namer = FACTORY.create(template.toString());
        } catch (ConfigurationException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        try {
            assertThat(namer.profileName(role)).isNotNull();
        } catch (ConfigurationException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    /**
     * Found by this target: Pebble 3.2.4's lexer, the engine before the Go-template one, never
     * returned on a string literal that ends the template with a backslash (a ProfileFormat of two
     * opening braces, a space, a double quote and a backslash). Kept so no engine does it again.
     */
    @Test
    void create_unterminatedStringEndingInABackslash_failsInsteadOfHanging() {
        assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> FACTORY.create("{{ \"\\")))
                .isInstanceOf(ConfigurationException.class);
    }

    /** A role name RoleArn accepts (its own checks are not what this target fuzzes). */
    private static String roleName(String candidate) {
        try {
            RoleArn.of(AccountId.of(1), candidate);
            return candidate;
        } catch (IllegalArgumentException e) {
            return "Admin";
        }
    }
}

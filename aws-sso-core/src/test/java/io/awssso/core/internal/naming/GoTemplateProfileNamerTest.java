package io.awssso.core.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AccountId;
import io.awssso.api.ConfigurationException;
import io.awssso.api.RoleArn;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoTemplateProfileNamerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Account 012345678901 "My Prod Account" (AWS name), role AdministratorAccess, no config Name. */
    private static Map<String, Object> vars(String accountName) {
        return ProfileVariables.of(3, RoleArn.of(AccountId.parse("012345678901"), "AdministratorAccess"),
                accountName, "My Prod Account", "root@example.com", null, NOW, "", "eu-west-1",
                "Default", "us-east-1", "https://d-1234567890.awsapps.com/start",
                Map.of("Env", "prod", "AccountID", "012345678901"), null);
    }

    // Expected values worked out by hand from Go text/template + sprig semantics.
    static Stream<Arguments> faqAndReferenceExamples() {
        return Stream.of(
                Arguments.of("{{ .AccountIdPad }}:{{ .RoleName }}", "", "012345678901:AdministratorAccess"),
                Arguments.of("{{.AccountIdPad}}:{{.RoleName}}", "", "012345678901:AdministratorAccess"),
                Arguments.of("{{ FirstItem .AccountName .AccountAlias }}", "", "My Prod Account"),
                Arguments.of("{{ FirstItem .AccountName .AccountAlias }}", "Production", "Production"),
                Arguments.of("{{ .AccountIdPad }}", "", "012345678901"),
                Arguments.of("{{ .AccountId }}", "", "12345678901"),
                Arguments.of("{{ StringsJoin \":\" .AccountAlias .RoleName }}", "", "My Prod Account:AdministratorAccess"),
                Arguments.of("{{ StringsJoin \":\" .AccountName .RoleName }}", "", "AdministratorAccess"),
                Arguments.of("{{ StringReplace \" \" \"_\" .AccountAlias }}", "", "My_Prod_Account"),
                Arguments.of("{{ FirstItem .AccountName (nospace .AccountAlias) }}:{{ .RoleName }}", "", "MyProdAccount:AdministratorAccess"),
                Arguments.of("{{ FirstItem .AccountName (.AccountAlias | nospace) }}:{{ .RoleName }}", "", "MyProdAccount:AdministratorAccess"),
                Arguments.of("{{ FirstItem .AccountName (.AccountAlias | nospace) }}:{{ .RoleName }}", "Prod", "Prod:AdministratorAccess"),
                Arguments.of("{{ kebabcase .AccountAlias }}:{{ .RoleName }}", "", "my-prod-account:AdministratorAccess"),
                Arguments.of("{{ .AccountAlias | kebabcase }}", "", "my-prod-account"),
                Arguments.of("{{ .SSO }}:{{ .AccountIdPad }}:{{ .RoleName }}", "", "Default:012345678901:AdministratorAccess"),
                Arguments.of("{{ index .Tags \"Env\" }}-{{ .RoleName }}", "", "prod-AdministratorAccess"),
                Arguments.of("{{ .Tags.Env }}", "", "prod"),
                Arguments.of("{{ index .Tags \"Missing\" }}x", "", "x"),
                Arguments.of("{{ AccountIdStr .AccountId }}", "", "012345678901"),
                Arguments.of("{{ EmptyString .AccountName }}", "", "true"),
                Arguments.of("{{ .AccountAlias | lower | replace \" \" \"-\" }}", "", "my-prod-account"),
                Arguments.of("{{ trunc 2 .RoleName }}", "", "Ad"),
                Arguments.of("{{ upper (trunc 2 .RoleName) }}", "", "AD"),
                Arguments.of("{{ default \"none\" .AccountName }}", "", "none"),
                Arguments.of("{{ regexReplaceAll \"[aeiou]\" .RoleName \"\" }}", "", "AdmnstrtrAccss"),
                Arguments.of("{{ snakecase .RoleName }}", "", "administrator_access"),
                Arguments.of("{{ .RoleName }} {{/* a comment */}}x", "", "AdministratorAccess x"),
                Arguments.of("{{ .RoleName -}}  :  {{- .AccountIdPad }}", "", "AdministratorAccess:012345678901"),
                Arguments.of("{{ printf \"%s@%s\" .RoleName .SSORegion }}", "", "AdministratorAccess@us-east-1"),
                Arguments.of("{{ \"#{x}\" }}{ {{ .RoleName }} }", "", "#{x}{ AdministratorAccess }"),
                Arguments.of("{{ .AccountAlias | StringReplace \" \" \"_\" }}", "", "My_Prod_Account"),
                Arguments.of("{{ StringReplace \"Prod\" \"'\\\"\" .AccountAlias }}", "", "My '\" Account"),
                Arguments.of("{{ `raw \\n` }}{{ .RoleName }}", "", "raw \\nAdministratorAccess"),
                Arguments.of("{{ lower (FirstItem .AccountName (StringsJoin \"-\" (.AccountAlias | nospace) (trunc 5 .RoleName))) }}", "", "myprodaccount-admin"),
                Arguments.of("{{ .AccountName | default .AccountAlias | kebabcase }}", "", "my-prod-account"),
                Arguments.of("{{- .RoleName -}}", "", "AdministratorAccess"),
                Arguments.of("{{ StringsJoin \":\" \"a\" \"\" \"b\" }}", "", "a:b"),
                Arguments.of("", "", "012345678901:AdministratorAccess"));
    }

    /**
     * What aws-sso-cli's Go (1.26) has and the Go 1.19 of the table test lacked: range over an
     * integer (Go 1.22) and {@code else with} (Go 1.23). Worked out from the text/template docs.
     */
    static Stream<Arguments> newerGoTemplateFeatures() {
        return Stream.of(
                Arguments.of("{{ range 3 }}{{ . }}{{ end }}", "", "012"),
                Arguments.of("{{ range $i := 2 }}[{{ $i }}]{{ end }}", "", "[0][1]"),
                Arguments.of("{{ range 0 }}x{{ else }}none{{ end }}", "", "none"),
                Arguments.of("{{ with .AccountName }}{{ . }}{{ else with .AccountAlias }}{{ nospace . }}{{ end }}",
                        "", "MyProdAccount"),
                Arguments.of("{{ with .AccountName }}{{ . }}{{ else with .AccountAlias }}{{ nospace . }}{{ end }}",
                        "Prod", "Prod"),
                Arguments.of("{{ with .AccountName }}a{{ else with .Profile }}b{{ else }}c{{ end }}", "", "c"));
    }

    @ParameterizedTest
    @MethodSource("newerGoTemplateFeatures")
    void name_newerGoTemplateFeatures_matchGo126(String format, String accountName, String expected) {
        assertThat(GoTemplateProfileNamer.compile(format, null, CLOCK).name(vars(accountName)))
                .isEqualTo(expected);
    }

    @Test
    void name_rangeOverIntegerWithTwoVariables_failsAsGo() {
        GoTemplateProfileNamer namer = GoTemplateProfileNamer.compile("{{ range $i, $v := 2 }}{{ end }}", null, CLOCK);

        assertThatThrownBy(() -> namer.name(vars("")))
                .hasMessageContaining("can't use 2 to iterate over more than one variable");
    }

    @ParameterizedTest
    @MethodSource("faqAndReferenceExamples")
    void name_goTemplateExamples_matchAwsSsoCli(String format, String accountName, String expected) {
        assertThat(GoTemplateProfileNamer.compile(format, null, CLOCK).name(vars(accountName)))
                .isEqualTo(expected);
    }

    @Test
    void compile_unknownFunction_isConfigurationErrorNamingProfileFormat() {
        assertThatThrownBy(() -> GoTemplateProfileNamer.compile("{{ Nope .RoleName }}", null, CLOCK))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ProfileFormat")
                .hasMessageContaining("Nope");
    }

    @Test
    void compile_unclosedAction_isConfigurationError() {
        assertThatThrownBy(() -> GoTemplateProfileNamer.compile("{{ .RoleName ", null, CLOCK))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("ProfileFormat");
    }

    @Test
    void compile_defineAction_isReportedAsUnsupported() {
        assertThatThrownBy(() -> GoTemplateProfileNamer.compile("{{ define \"x\" }}x{{ end }}", null, CLOCK))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not supported in ProfileFormat");
    }

    @Test
    void compile_sprigDateFunction_saysWhyItIsNotProvided() {
        assertThatThrownBy(() -> GoTemplateProfileNamer.compile("{{ now }}", null, CLOCK))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("function \"now\" not defined (sprig has it, but dates");
    }

    @Test
    void name_unknownField_failsNamingRoleTemplateAndPosition() {
        GoTemplateProfileNamer namer = GoTemplateProfileNamer.compile("{{ .RoleName }}:{{ .Nope }}", null, CLOCK);

        assertThatThrownBy(() -> namer.name(vars("")))
                .isInstanceOf(GoTemplateProfileNamer.ProfileFormatException.class)
                .hasMessageContaining("ProfileFormat '{{ .RoleName }}:{{ .Nope }}' failed for role"
                        + " arn:aws:iam::012345678901:role/AdministratorAccess")
                .hasMessageContaining("template: profile_name:1:19: executing \"profile_name\" at <.Nope>:"
                        + " can't evaluate field Nope in type *roles.AWSRoleFlat");
    }

    @ParameterizedTest
    @MethodSource("caseExamples")
    void kebabAndSnake_xstringsExamples_match(String in, String snake) {
        assertThat(TextCase.snake(in)).isEqualTo(snake);
        assertThat(TextCase.kebab(in)).isEqualTo(snake.replace('_', '-'));
    }

    // The examples documented by huandu/xstrings for ToSnakeCase.
    static Stream<Arguments> caseExamples() {
        return Stream.of(
                Arguments.of("FirstName", "first_name"),
                Arguments.of("HTTPServer", "http_server"),
                Arguments.of("NoHTTPS", "no_https"),
                Arguments.of("GO_PATH", "go_path"),
                Arguments.of("GO PATH", "go_path"),
                Arguments.of("GO-PATH", "go_path"),
                Arguments.of("http2xx", "http_2xx"),
                Arguments.of("HTTP20xOK", "http_20x_ok"),
                Arguments.of("Duration2m3s", "duration_2m3s"),
                Arguments.of("Bld4Floor3rd", "bld4_floor_3rd"),
                Arguments.of("AStringLikeThis", "a_string_like_this"));
    }

    @Test
    void camelcase_xstringsPascalCaseExamples_match() {
        assertThat(TextCase.pascal("some_words")).isEqualTo("SomeWords");
        assertThat(TextCase.pascal("http_server")).isEqualTo("HttpServer");
        assertThat(TextCase.pascal("no_https")).isEqualTo("NoHttps");
        assertThat(TextCase.pascal("_complex__case_")).isEqualTo("_Complex_Case_");
        assertThat(TextCase.pascal("some words")).isEqualTo("SomeWords");
        assertThat(TextCase.pascal("GOLANG_IS_GREAT")).isEqualTo("GolangIsGreat");
    }

    @Test
    void camelcase_mixedCaseWord_staysAsWritten() {
        assertThat(TextCase.pascal("ReadOnlyAccess")).isEqualTo("ReadOnlyAccess");
    }

    @Test
    void expiresText_coversEveryCase() {
        assertThat(ProfileVariables.expiresText(null, NOW)).isEmpty();
        assertThat(ProfileVariables.expiresText(NOW.minusSeconds(5), NOW)).isEqualTo("Expired");
        assertThat(ProfileVariables.expiresText(NOW.plusSeconds(30), NOW)).isEqualTo("< 1m");
        assertThat(ProfileVariables.expiresText(NOW.plusSeconds(5 * 60 + 3), NOW)).isEqualTo(" 5m");
        assertThat(ProfileVariables.expiresText(NOW.plusSeconds(3900), NOW)).isEqualTo(" 1h 5m");
    }

    /**
     * A deliberate difference from goutils, which walks bytes and so mangles every non-ASCII
     * letter (U+2019 into "\u00e2\u0080\u0099", two of them C1 controls; the 0xA0 byte of
     * "\u00e0" dropped as a space): here white space is deleted per character.
     */
    @Test
    void name_nospaceAndInitialsOnNonAsciiNames_keepTheLettersAsWritten() {
        Map<String, Object> v = new java.util.HashMap<>(vars(""));
        v.put("AccountAlias", "Caf\u00e9 d\u2019\u00e0 c\u00f4t\u00e9\u00a0Prod");

        assertThat(GoTemplateProfileNamer.compile("{{ FirstItem .AccountName (.AccountAlias | nospace) }}:{{ .RoleName }}",
                null, CLOCK).name(v)).isEqualTo("Caf\u00e9d\u2019\u00e0c\u00f4t\u00e9Prod:AdministratorAccess");
        assertThat(GoTemplateProfileNamer.compile("{{ initials .AccountAlias }}", null, CLOCK).name(v))
                .isEqualTo("CdcP");
    }
}

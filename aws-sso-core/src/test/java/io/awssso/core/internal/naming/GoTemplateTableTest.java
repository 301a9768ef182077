package io.awssso.core.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ProfileFormat templates with the output (or error) Go gives. The expected values in
 * {@code go-template-cases.jsonl} were produced by Go 1.19's {@code text/template} with
 * aws-sso-cli's five functions and sprig v3.3.0's function code (strings, lists, defaults, dicts,
 * regex, reflection; goutils; xstrings v1.5's case conversion), run over an {@code AWSRoleFlat}
 * holding the same role as {@link #vars}; only Go's type name {@code *main.AWSRoleFlat} was
 * renamed to aws-sso-cli's {@code *roles.AWSRoleFlat}.
 */
class GoTemplateTableTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Map<String, Object> vars(String accountName) {
        return ProfileVariables.of(3, RoleArn.of(AccountId.parse("012345678901"), "AdministratorAccess"),
                accountName, "My Prod Account", "root@example.com", null, NOW, "", "eu-west-1",
                "Default", "us-east-1", "https://d-1234567890.awsapps.com/start",
                Map.of("Env", "prod", "AccountID", "012345678901"), null);
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = GoTemplateTableTest.class.getResourceAsStream("go-template-cases.jsonl");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode c = json.readTree(line);
                out.add(Arguments.of(c.get("template").asText(), c.get("accountName").asText(),
                        c.has("output") ? c.get("output").asText() : null,
                        c.has("error") ? c.get("error").asText() : null));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void render_goTemplate_givesWhatGoGives(String template, String accountName, String output, String error) {
        if (error == null) {
            String name = GoTemplateProfileNamer.compile(template, null, CLOCK).name(vars(accountName));
            assertThat(name).isEqualTo(output);
        } else {
            assertThatThrownBy(() -> GoTemplateProfileNamer.compile(template, null, CLOCK).name(vars(accountName)))
                    .isInstanceOf(GoTemplateProfileNamer.ProfileFormatException.class)
                    .satisfies(e -> assertThat(((GoTemplateProfileNamer.ProfileFormatException) e).templateError())
                            .isEqualTo(error))
                    .hasMessageContaining("'" + template + "'");
        }
    }

    @Test
    void cases_coverEnoughTemplates() throws IOException {
        assertThat(cases().count()).isGreaterThanOrEqualTo(60);
        assertThat(cases().filter(a -> a.get()[3] != null).count()).isGreaterThanOrEqualTo(20);
    }
}

package io.awssso.core.internal.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.RoleArn;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class EnvironmentRoleTest {
    private static final RoleArn ADMIN = RoleArn.parse("arn:aws:iam::012345678901:role/Admin");
    private static final Map<String, String> CREDENTIALS = Map.of("AWS_ACCESS_KEY_ID", "ASIAKEY",
            "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token");

    private static Function<String, Optional<String>> vars(Map<String, String> m) {
        return k -> Optional.ofNullable(m.get(k)).filter(v -> !v.isEmpty());
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new java.util.HashMap<>(a);
        m.putAll(b);
        return m;
    }

    @Test
    void select_everyVariableSet_arnWinsThenAccountThenCredentialsThenProfile() {
        Map<String, String> all = with(CREDENTIALS, Map.of("AWS_SSO_ROLE_ARN", ADMIN.toString(),
                "AWS_SSO_ACCOUNT_ID", "111111111111", "AWS_SSO_ROLE_NAME", "Other", "AWS_PROFILE", "p"));
        assertThat(EnvironmentRole.select(vars(all), true)).contains(new EnvironmentRole.Named(ADMIN));

        all.remove("AWS_SSO_ROLE_ARN");
        assertThat(EnvironmentRole.select(vars(all), true))
                .contains(new EnvironmentRole.Named(RoleArn.parse("111111111111:Other")));

        all.remove("AWS_SSO_ACCOUNT_ID");
        all.remove("AWS_SSO_ROLE_NAME");
        assertThat(EnvironmentRole.select(vars(all), true))
                .contains(new EnvironmentRole.Credentials("ASIAKEY", "secret", "token"));
        assertThat(EnvironmentRole.select(vars(all), false)).contains(new EnvironmentRole.Profile("p"));
    }

    @Test
    void select_nothingOrEmptyValues_empty() {
        assertThat(EnvironmentRole.select(vars(Map.of()), true)).isEmpty();
        assertThat(EnvironmentRole.select(vars(Map.of("AWS_SSO_ROLE_ARN", "", "AWS_PROFILE", "")), true)).isEmpty();
        // two of the three credential variables are no credentials
        assertThat(EnvironmentRole.select(vars(Map.of("AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "s")),
                true)).isEmpty();
    }

    @Test
    void named_halfOfThePairOrMalformed_errorNamesTheVariable() {
        assertThatThrownBy(() -> EnvironmentRole.named(vars(Map.of("AWS_SSO_ROLE_NAME", "Admin"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AWS_SSO_ROLE_NAME is set without AWS_SSO_ACCOUNT_ID; set both, or AWS_SSO_ROLE_ARN");
        assertThatThrownBy(() -> EnvironmentRole.named(vars(Map.of("AWS_SSO_ROLE_ARN", "not-an-arn"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("AWS_SSO_ROLE_ARN: ");
        assertThatThrownBy(() -> EnvironmentRole.named(vars(Map.of("AWS_SSO_ACCOUNT_ID", "12x",
                "AWS_SSO_ROLE_NAME", "Admin")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AWS_SSO_ACCOUNT_ID: ");
    }

    @Test
    void credentials_toString_hidesTheSecrets() {
        assertThat(new EnvironmentRole.Credentials("ASIAKEY", "secret", "token").toString())
                .contains("ASIAKEY").doesNotContain("secret").doesNotContain("token");
    }
}

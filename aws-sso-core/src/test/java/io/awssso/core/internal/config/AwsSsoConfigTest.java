package io.awssso.core.internal.config;

import static io.awssso.core.internal.config.ConfigTesting.HOME;
import static io.awssso.core.internal.config.ConfigTesting.MINIMAL;
import static io.awssso.core.internal.config.ConfigTesting.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.ConfigurationException;
import io.awssso.core.internal.env.Environment;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsSsoConfigTest {
    private static final String TWO = "SSOConfig:\n"
            + "  Work:\n    SSORegion: us-east-1\n    StartUrl: https://w.awsapps.com/start\n"
            + "  Home:\n    SSORegion: eu-west-1\n    StartUrl: https://h.awsapps.com/start\n";

    private static final Environment NO_VARIABLES = Environment.of(Map.of(), HOME);

    @Test
    void selectInstance_flag_winsOverVariableAndDefault() {
        AwsSsoConfig c = load(TWO + "DefaultSSO: Work\n");
        Environment env = Environment.of(Map.of("AWS_SSO", "Work"), HOME);

        assertThat(c.selectInstance(Optional.of("Home"), env).name()).isEqualTo("Home");
    }

    @Test
    void selectInstance_variable_winsOverDefault() {
        AwsSsoConfig c = load(TWO + "DefaultSSO: Work\n");
        Environment env = Environment.of(Map.of("AWS_SSO", "Home"), HOME);

        assertThat(c.selectInstance(Optional.empty(), env).name()).isEqualTo("Home");
    }

    @Test
    void selectInstance_nothingGiven_usesDefaultSso() {
        AwsSsoConfig c = load(TWO + "DefaultSSO: Home\n");

        assertThat(c.selectInstance(Optional.empty(), NO_VARIABLES).name()).isEqualTo("Home");
    }

    @Test
    void selectInstance_singleInstanceNotNamedByDefaultSso_isUsed() {
        AwsSsoConfig c = load(MINIMAL.replace("Default:", "Corp:"));

        assertThat(c.defaultSso()).isEqualTo("Default");
        assertThat(c.selectInstance(Optional.empty(), NO_VARIABLES).name()).isEqualTo("Corp");
    }

    @Test
    void selectInstance_severalAndDefaultSsoMatchesNone_listsValidNames() {
        AwsSsoConfig c = load(TWO);

        assertThatThrownBy(() -> c.selectInstance(Optional.empty(), NO_VARIABLES))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DefaultSSO is 'Default'")
                .hasMessageContaining("Work, Home");
    }

    @Test
    void selectInstance_unknownFlag_listsValidNamesEvenWithOneInstance() {
        AwsSsoConfig c = load(MINIMAL);

        assertThatThrownBy(() -> c.selectInstance(Optional.of("Nope"), NO_VARIABLES))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("no SSO instance named 'Nope' (from --sso)")
                .hasMessageContaining("valid names: Default");
    }

    @Test
    void selectInstance_unknownVariable_saysItCameFromTheVariable() {
        AwsSsoConfig c = load(MINIMAL);
        Environment env = Environment.of(Map.of("AWS_SSO", "Nope"), HOME);

        assertThatThrownBy(() -> c.selectInstance(Optional.empty(), env))
                .hasMessageContaining("(from $AWS_SSO)");
    }

    @Test
    void toSsoInstance_carriesTheConnectionSettings() {
        SsoConfig def = load(MINIMAL + "    DefaultRegion: us-west-2\n").ssoConfig().get("Default");

        assertThat(def.toSsoInstance()).isEqualTo(new io.awssso.api.SsoInstance("Default",
                "https://d-1234567890.awsapps.com/start", "us-east-1", "us-west-2"));
    }

    @Test
    void collections_areUnmodifiable() {
        AwsSsoConfig c = load(MINIMAL);

        assertThatThrownBy(() -> c.ssoConfig().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.listFields().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> c.promptColors().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}

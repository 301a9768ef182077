package io.awssso.core.internal.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.core.internal.env.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfilesPlannerTest {
    private final Environment env = Environment.of(Map.of(), Path.of("/home/u"));
    private final List<String> warnings = new ArrayList<>();

    @Test
    void binary_configured_winsWithTildeExpanded() {
        assertThat(ProfilesPlanner.binary(Optional.of("~/bin/aws-sso"), Optional.of("/opt/x/aws-sso"), env,
                warnings::add)).isEqualTo("/home/u/bin/aws-sso");
        assertThat(warnings).isEmpty();
    }

    @Test
    void binary_launcherOnly_isItsAbsolutePath() {
        assertThat(ProfilesPlanner.binary(Optional.empty(), Optional.of("/opt/x/../y/aws-sso"), env, warnings::add))
                .isEqualTo("/opt/y/aws-sso");
    }

    @Test
    void binary_nixStore_isThePlainNameWithAWarning() {
        assertThat(ProfilesPlanner.binary(Optional.empty(), Optional.of("/nix/store/abc-aws-sso/bin/aws-sso"), env,
                warnings::add)).isEqualTo("aws-sso");
        assertThat(warnings).singleElement().asString().contains("/nix/store");
    }

    @Test
    void binary_unknown_isThePlainNameWithAWarning() {
        assertThat(ProfilesPlanner.binary(Optional.empty(), Optional.empty(), env, warnings::add)).isEqualTo("aws-sso");
        assertThat(warnings).hasSize(1);
    }
}

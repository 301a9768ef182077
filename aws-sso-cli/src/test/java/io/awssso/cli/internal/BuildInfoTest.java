package io.awssso.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
    private static Properties properties(String version, String commit) {
        Properties properties = new Properties();
        properties.setProperty("version", version);
        properties.setProperty("commit", commit);
        return properties;
    }

    @Test
    void new_generatedResource_holdsTheProjectVersion() {
        assertThat(new BuildInfo().version()).isEqualTo(System.getProperty("awssso.project.version"));
    }

    @Test
    void new_generatedResource_holdsTheBuildDate() {
        assertThat(new BuildInfo().date()).hasValueSatisfying(
                date -> assertThat(java.time.Instant.parse(date)).isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Test
    void new_withDate_reportsIt() {
        Properties properties = properties("1.2.3", "");
        properties.setProperty("date", "2026-12-07T17:26:33Z");

        assertThat(new BuildInfo(properties).date()).contains("2026-12-07T17:26:33Z");
        assertThat(new BuildInfo(properties("1.2.3", "")).date()).isEmpty();
    }

    @Test
    void new_withCommit_reportsIt() {
        BuildInfo info = new BuildInfo(properties("1.2.3", "0123456789ab-dirty"));

        assertThat(info.version()).isEqualTo("1.2.3");
        assertThat(info.commit()).contains("0123456789ab-dirty");
    }

    @Test
    void new_emptyOrUnfilteredValues_areTreatedAsUnknown() {
        assertThat(new BuildInfo(properties("1.2.3", "")).commit()).isEmpty();
        assertThat(new BuildInfo(properties("${project.version}", "${build.commit}")).version()).isEqualTo("unknown");
        assertThat(new BuildInfo(properties("1.2.3", "${build.commit}")).commit()).isEmpty();
        assertThat(new BuildInfo(new Properties()).version()).isEqualTo("unknown");
    }
}

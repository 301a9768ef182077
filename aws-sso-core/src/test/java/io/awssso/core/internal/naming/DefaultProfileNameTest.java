package io.awssso.core.internal.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.RoleArn;
import io.awssso.core.internal.config.AwsSsoConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultProfileNameTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void of_anyNameAndAlias_isWhatTheDefaultProfileFormatGives() {
        GoTemplateProfileNamer template = GoTemplateProfileNamer.compile(AwsSsoConfig.DEFAULT_PROFILE_FORMAT, null, CLOCK);
        RoleArn arn = RoleArn.parse("arn:aws:iam::012345678901:role/Admin");
        List<String> texts = List.of("", "Prod", "Prod Account", " lead and trail ", "tab\there", "nbsp\u00a0x",
                "nel\u0085x", "ideographic\u3000space", "em\u2003space", "line\u2028sep", "zero\u200bwidth",
                "Pröd Äccount", "emoji 😀 here", "lone\ud800surrogate");
        for (String name : texts) {
            for (String alias : texts) {
                Map<String, Object> v = ProfileVariables.of(0, arn, name, alias, "", null, CLOCK.instant(), "", "",
                        "Default", "us-east-1", "https://x", Map.of(), null);

                assertThat(DefaultProfileName.of(name, alias, "Admin")).as("name '%s', alias '%s'", name, alias)
                        .isEqualTo(template.name(v));
            }
        }
    }
}

package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeCommandTest {
    @Test
    void left_spans_formattedForPrompts() {
        assertThat(TimeCommand.left(Duration.ofMinutes(83))).isEqualTo("1h23m");
        assertThat(TimeCommand.left(Duration.ofMinutes(45).plusSeconds(30))).isEqualTo("45m");
        assertThat(TimeCommand.left(Duration.ofSeconds(59))).isEqualTo("< 1m");
        assertThat(TimeCommand.left(Duration.ZERO)).isEqualTo("Expired");
        assertThat(TimeCommand.left(Duration.ofMinutes(-5))).isEqualTo("Expired");
    }

    @Test
    void json_credentialProcessDocument_versionNumberAndZuluSeconds() {
        RoleCredentials c = new RoleCredentials(RoleArn.of(AccountId.parse("1"), "R"), "AKID", "se\"cr\\et", "tok",
                Instant.parse("2026-11-26T10:00:00.987Z"), false);

        assertThat(ProcessCommand.json(c)).isEqualTo("{\"Version\":1,\"AccessKeyId\":\"AKID\","
                + "\"SecretAccessKey\":\"se\\\"cr\\\\et\",\"SessionToken\":\"tok\",\"Expiration\":\"2026-11-26T10:00:00Z\"}");
    }
}

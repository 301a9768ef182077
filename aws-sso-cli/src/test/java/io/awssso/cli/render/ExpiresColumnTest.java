package io.awssso.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiresColumnTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private static String left(Duration d) {
        return ExpiresColumn.text(NOW.plus(d), NOW);
    }

    @Test
    void text_timeLeft_isRightAlignedToSevenCharactersAsAwsSsoCliPrintsIt() {
        assertThat(left(Duration.ofMinutes(65).plusSeconds(59))).isEqualTo(" 1h  5m");
        assertThat(left(Duration.ofMinutes(119))).isEqualTo(" 1h 59m");
        assertThat(left(Duration.ofHours(12).plusMinutes(30))).isEqualTo("12h 30m");
        assertThat(left(Duration.ofHours(2))).isEqualTo(" 2h  0m");
        assertThat(left(Duration.ofMinutes(42))).isEqualTo("    42m");
        assertThat(left(Duration.ofMinutes(5))).isEqualTo("     5m");
        assertThat(left(Duration.ofSeconds(59))).isEqualTo("   < 1m");
        assertThat(left(Duration.ofHours(100).plusMinutes(1))).isEqualTo("100h  1m");
    }

    @Test
    void text_expiredOrNoCredentials_isExpired() {
        assertThat(ExpiresColumn.text(NOW, NOW)).isEqualTo("Expired");
        assertThat(ExpiresColumn.text(NOW.minusSeconds(1), NOW)).isEqualTo("Expired");
        assertThat(ExpiresColumn.text(null, NOW)).isEqualTo("Expired");
        assertThat(ExpiresColumn.text(Instant.EPOCH, NOW)).isEqualTo("Expired");
    }
}

package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CredentialProcessJsonTest {
    private static RoleCredentials expiringAt(Instant expiration, String secret) {
        return new RoleCredentials(RoleArn.of(AccountId.parse("1"), "R"), "AKID", secret, "tok", expiration, false);
    }

    @Test
    void expiration_isWhatIsoInstantPrintsForTheWholeSecond_acrossTheRange() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Random r = new Random(17);
        for (int i = 0; i < 2_000; i++) {
            // years 1970 to 9999, any millisecond
            Instant t = Instant.ofEpochMilli((long) (r.nextDouble() * 253_402_300_799_999L));
            JsonNode doc = mapper.readTree(CredentialProcessJson.of(expiringAt(t, "s")));
            assertThat(doc.get("Expiration").asText()).as("%s", t)
                    .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS)));
        }
        assertThat(mapper.readTree(CredentialProcessJson.of(expiringAt(Instant.parse("+10000-01-01T00:00:00Z"), "s")))
                .get("Expiration").asText()).isEqualTo("+10000-01-01T00:00:00Z");
    }

    @Test
    void secretsWithQuotesBackslashesAndControlCharacters_readBackExactly() throws Exception {
        String secret = "a\"b\\c\u0001d\ne\u001ff/é";

        JsonNode doc = new ObjectMapper().readTree(CredentialProcessJson.of(expiringAt(Instant.EPOCH, secret)));

        assertThat(doc.get("Version").isInt()).isTrue();
        assertThat(doc.get("Version").asInt()).isEqualTo(1);
        assertThat(doc.get("SecretAccessKey").asText()).isEqualTo(secret);
        assertThat(doc.get("Expiration").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(CredentialProcessJson.of(expiringAt(Instant.EPOCH, secret))).doesNotContain("\n");
    }
}

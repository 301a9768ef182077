package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The hand-written credential_process document, for any credentials the store can hold: one line,
 * valid JSON by Jackson's reading, holding exactly the same values.
 */
class CredentialProcessJsonFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @FuzzTest(maxDuration = "1m")
    void of_anyCredentials_isOneLineOfJsonWithTheSameValues(FuzzedDataProvider data) throws Exception {
        RoleCredentials c = new RoleCredentials(RoleArn.of(AccountId.of(data.consumeLong(0, AccountId.MAX)), "Admin"),
                data.consumeString(40), data.consumeString(60), data.consumeString(200),
                Instant.ofEpochSecond(data.consumeLong(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                        data.consumeInt(0, 999_999_999)),
                data.consumeBoolean());

        String json = CredentialProcessJson.of(c);

        assertThat(json).doesNotContain("\n", "\r");
        JsonNode n = MAPPER.readTree(json);
        assertThat(n.size()).isEqualTo(5);
        assertThat(n.get("Version").isInt()).isTrue();
        assertThat(n.get("Version").intValue()).isEqualTo(1);
        assertThat(n.get("AccessKeyId").textValue()).isEqualTo(c.accessKeyId());
        assertThat(n.get("SecretAccessKey").textValue()).isEqualTo(c.secretAccessKey());
        assertThat(n.get("SessionToken").textValue()).isEqualTo(c.sessionToken());
        assertThat(Instant.parse(n.get("Expiration").textValue()))
                .isEqualTo(c.expiration().truncatedTo(ChronoUnit.SECONDS));
    }
}

package io.awssso.core.internal.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a PUT to the ECS server (an {@code ECSClientRequest}), as any local process could
 * send it: it parses, or fails with {@link EcsRequestException} whose message (sent back to the
 * client and logged) holds none of the credentials in the body.
 */
class LoadRequestFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @FuzzTest(maxDuration = "2m")
    void parseLoadRequest_anyBody_parsesOrIsRefusedWithoutEchoingSecrets(byte[] body) {
        LoadRequest request;
        try {
            request = EcsJson.parseLoadRequest(body);
        } catch (EcsRequestException e) {
            assertThat(e.status()).isEqualTo(500);
            for (String secret : secretsIn(body)) {
                assertThat(e.getMessage()).doesNotContain(secret);
            }
            return;
        }
        assertThat(request.credentials()).isNotNull();
        // what the client sent is what the server holds: write it back and read it again
        byte[] again = EcsJson.loadRequest(request.profileName(), request.credentials());
        assertThat(EcsJson.parseLoadRequest(again)).isEqualTo(request);
    }

    /**
     * The credential values in the body that could be told apart from the fixed wording of the
     * messages (at least 8 characters, one of them not a letter, space or dot).
     */
    private static List<String> secretsIn(byte[] body) {
        List<String> out = new ArrayList<>();
        try {
            JsonNode creds = MAPPER.readTree(body).path("Creds");
            for (String field : List.of("accessKeyId", "secretAccessKey", "sessionToken")) {
                String v = creds.path(field).asText("");
                if (v.length() >= 8 && !v.chars().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '.')) {
                    out.add(v);
                }
            }
        } catch (Exception e) {
            // not JSON: the parser cannot have quoted a member value
        }
        return out;
    }
}

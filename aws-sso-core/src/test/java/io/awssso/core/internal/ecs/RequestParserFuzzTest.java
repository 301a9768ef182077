package io.awssso.core.internal.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Any bytes a local process (or, in docker and remote modes, a peer) writes to the ECS server's
 * socket: the parser reads a request, or refuses it with one of the statuses it documents, or
 * sees the stream end; never another exception, never a hang, and the head it reads never shows a
 * header value in its {@code toString()} (a bearer token travels in one).
 */
class RequestParserFuzzTest {
    /** What {@link RequestParser} refuses with: bad request, 413, 414, 417, 431, 501, 505. */
    private static final Set<String> REFUSALS = Set.of("400", "413", "414", "417", "431", "501", "505");

    @FuzzTest(maxDuration = "2m")
    void readHeadAndBody_anyBytes_requestOrDocumentedRefusal(byte[] wire) {
        String outcome = RequestParserTest.outcome(wire);

        if (!outcome.equals("EOF") && !REFUSALS.contains(outcome)) {
            // "<method> <path> <body length> keep|close"
            assertThat(outcome).matches("\\S+ /\\S* \\d+ (keep|close)");
        }
        String text = new String(wire, StandardCharsets.ISO_8859_1);
        int auth = text.toLowerCase(java.util.Locale.ROOT).indexOf("authorization:");
        if (auth >= 0) {
            String value = text.substring(auth + "authorization:".length()).split("\r?\n", 2)[0].strip();
            if (value.length() >= 12) {
                assertThat(outcome).doesNotContain(value);
            }
        }
    }
}

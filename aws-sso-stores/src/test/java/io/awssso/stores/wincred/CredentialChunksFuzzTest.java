package io.awssso.stores.wincred;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Windows credential chunks as another program could leave them: they join, or fail with the
 * documented {@link IOException}; and whatever is split joins back byte for byte.
 */
class CredentialChunksFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void join_anyChunks_joinsOrIsRefused(FuzzedDataProvider data) {
        List<byte[]> chunks = new ArrayList<>();
        for (int i = data.consumeInt(0, 5); i > 0; i--) {
            chunks.add(data.consumeBytes(data.consumeInt(0, 64)));
        }
        try {
            Optional<byte[]> joined = CredentialChunks.join(n -> n < chunks.size() ? Optional.of(chunks.get(n))
                    : Optional.empty());
            assertThat(joined.isPresent()).isEqualTo(!chunks.isEmpty());
        } catch (IOException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "1m")
    void splitThenJoin_anyData_givesTheSameBytes(byte[] data) throws IOException {
        List<byte[]> chunks = CredentialChunks.split(data);

        assertThat(CredentialChunks.join(n -> n < chunks.size() ? Optional.of(chunks.get(n)) : Optional.empty()))
                .hasValueSatisfying(joined -> assertThat(joined).isEqualTo(data));
    }
}

package io.awssso.stores.wincred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CredentialChunksTest {

    private static byte[] data(int length) {
        byte[] b = new byte[length];
        new Random(length).nextBytes(b);
        return b;
    }

    private static Optional<byte[]> join(List<byte[]> chunks) throws IOException {
        return CredentialChunks.join(n -> n < chunks.size() ? Optional.of(chunks.get(n)) : Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1991, 1992, 1993, 1999, 2000, 2001, 3992, 3993, 4000, 200_000})
    void split_thenJoin_givesTheSameBytes(int length) throws IOException {
        byte[] original = data(length);

        List<byte[]> chunks = CredentialChunks.split(original);

        assertThat(join(chunks)).hasValueSatisfying(back -> assertThat(back).isEqualTo(original));
        assertThat(chunks).allSatisfy(c -> assertThat(c.length).isBetween(1, CredentialChunks.MAX_CHUNK));
        assertThat(chunks).hasSize(CredentialChunks.chunkCount(length));
        int total = chunks.stream().mapToInt(c -> c.length).sum();
        assertThat(total).isEqualTo(length + 8);
    }

    @Test
    void split_chunkZero_startsWithBigEndianTotalLength() {
        byte[] original = data(4000);

        byte[] first = CredentialChunks.split(original).get(0);

        assertThat(Arrays.copyOfRange(first, 0, 8)).containsExactly(0, 0, 0, 0, 0, 0, 0x0f, (byte) 0xa0);
        assertThat(Arrays.copyOfRange(first, 8, first.length)).isEqualTo(Arrays.copyOfRange(original, 0, 1992));
    }

    @Test
    void split_exactBoundaries_giveTheExpectedChunkSizes() {
        // 1992 data bytes plus the 8-byte header fill exactly one chunk; one more byte needs a second.
        assertThat(CredentialChunks.split(data(1992))).extracting(c -> c.length).containsExactly(2000);
        assertThat(CredentialChunks.split(data(1993))).extracting(c -> c.length).containsExactly(2000, 1);
        assertThat(CredentialChunks.split(data(1999))).extracting(c -> c.length).containsExactly(2000, 7);
        assertThat(CredentialChunks.split(data(2000))).extracting(c -> c.length).containsExactly(2000, 8);
        assertThat(CredentialChunks.split(data(2001))).extracting(c -> c.length).containsExactly(2000, 9);
        assertThat(CredentialChunks.split(data(4000))).extracting(c -> c.length).containsExactly(2000, 2000, 8);
        assertThat(CredentialChunks.split(new byte[0])).extracting(c -> c.length).containsExactly(8);
    }

    @Test
    void split_laterChunks_continueTheDataInOrder() {
        byte[] original = data(4000);

        List<byte[]> chunks = CredentialChunks.split(original);

        assertThat(chunks.get(1)).isEqualTo(Arrays.copyOfRange(original, 1992, 3992));
        assertThat(chunks.get(2)).isEqualTo(Arrays.copyOfRange(original, 3992, 4000));
    }

    @Test
    void target_chunkNumber_isPrefixServiceKeyAndNumber() {
        assertThat(CredentialChunks.target(0)).isEqualTo("aws-sso-cli:aws-sso-cli:aws-sso-cli-records_0");
        assertThat(CredentialChunks.target(12)).isEqualTo("aws-sso-cli:aws-sso-cli:aws-sso-cli-records_12");
    }

    @Test
    void join_noChunkZero_isEmpty() throws IOException {
        assertThat(CredentialChunks.join(n -> Optional.empty())).isEmpty();
    }

    @Test
    void join_missingLaterChunk_fails() {
        List<byte[]> chunks = CredentialChunks.split(data(4000));

        assertThatThrownBy(() -> join(chunks.subList(0, 2)))
                .isInstanceOf(IOException.class).hasMessageContaining("chunk 2 of 3 is missing");
    }

    @Test
    void join_chunksLongerThanAnnounced_fails() {
        List<byte[]> chunks = new java.util.ArrayList<>(CredentialChunks.split(data(100)));
        chunks.set(0, ByteBuffer.allocate(50).putLong(10).array());

        assertThatThrownBy(() -> join(chunks)).isInstanceOf(IOException.class).hasMessageContaining("announces 10");
    }

    @Test
    void join_chunkZeroShorterThanHeader_fails() {
        assertThatThrownBy(() -> join(List.of(new byte[3]))).isInstanceOf(IOException.class)
                .hasMessageContaining("header");
    }

    @Test
    void join_negativeLength_fails() {
        byte[] bad = ByteBuffer.allocate(8).putLong(-1).array();

        assertThatThrownBy(() -> join(List.of(bad))).isInstanceOf(IOException.class)
                .hasMessageContaining("impossible length");
    }
}

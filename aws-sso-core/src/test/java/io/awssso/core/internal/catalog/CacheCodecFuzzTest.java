package io.awssso.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * cache.json as anyone with write access to it could leave it: it reads, or fails with the
 * {@link IllegalArgumentException} that {@link CacheFile} turns into "ignoring the unreadable role
 * cache"; what reads also writes and reads back the same.
 */
class CacheCodecFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void read_anyBytes_readsOrIsRefusedAsUnreadable(byte[] bytes) {
        CacheData data;
        try {
            data = CacheCodec.read(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        String written = CacheCodec.write(data);
        assertThat(CacheCodec.write(CacheCodec.read(written))).isEqualTo(written);
    }
}

package io.awssso.stores.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DerivedKeysTest {
    private static final char[] PASSWORD = "correct horse battery staple".toCharArray();
    private static final byte[] SALT = "sixteen byte slt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final AtomicInteger derivations = new AtomicInteger();
    private final DerivedKeys keys = new DerivedKeys((password, p2s, iterations, nanoTime) -> {
        derivations.incrementAndGet();
        return Jwe.deriveKek(password, p2s, iterations, nanoTime);
    });

    @Test
    void cached_afterRemember_onlyForTheSamePasswordSaltAndCount() throws Exception {
        byte[] key = keys.derive(PASSWORD, SALT, 8192, System::nanoTime);
        keys.remember(PASSWORD, SALT, 8192, key);

        assertThat(keys.cached(PASSWORD, SALT, 8192)).isEqualTo(key);
        assertThat(keys.cached("another password".toCharArray(), SALT, 8192)).isNull();
        assertThat(keys.cached(PASSWORD, "another salt 16b".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                8192)).isNull();
        assertThat(keys.cached(PASSWORD, SALT, 10_000)).isNull();
    }

    @Test
    void forWriting_again_sameSaltAndKeyWithoutDerivingAgain() throws Exception {
        byte[][] first = keys.forWriting(PASSWORD, 8192);
        byte[][] second = keys.forWriting(PASSWORD, 8192);

        assertThat(second[0]).isEqualTo(first[0]).hasSize(DerivedKeys.SALT_BYTES);
        assertThat(second[1]).isEqualTo(first[1]);
        assertThat(first[1]).isEqualTo(Jwe.deriveKek(PASSWORD, first[0], 8192, System::nanoTime));
        assertThat(derivations).hasValue(1);
    }

    @Test
    void forWriting_anotherPassword_newSaltDerivedAnew() throws Exception {
        byte[][] first = keys.forWriting(PASSWORD, 8192);
        byte[][] other = keys.forWriting("another password".toCharArray(), 8192);

        assertThat(other[0]).isNotEqualTo(first[0]);
        assertThat(derivations).hasValue(2);
        assertThat(keys.cached(PASSWORD, first[0], 8192)).isNull();
    }

    @Test
    void forWriting_afterAKeyOnlyRead_takesItsOwnSalt() throws Exception {
        keys.remember(PASSWORD, SALT, 8192, keys.derive(PASSWORD, SALT, 8192, System::nanoTime));

        byte[][] written = keys.forWriting(PASSWORD, 8192);

        assertThat(written[0]).isNotEqualTo(SALT); // the salt moves on with every process that writes
        assertThat(derivations).hasValue(2);
    }

    @Test
    void clear_forgetsTheKey() throws Exception {
        byte[][] written = keys.forWriting(PASSWORD, 8192);

        keys.clear();

        assertThat(keys.cached(PASSWORD, written[0], 8192)).isNull();
        keys.forWriting(PASSWORD, 8192);
        assertThat(derivations).hasValue(2);
    }

    @Test
    void toString_never_showsTheKeyOrPassword() throws Exception {
        byte[][] written = keys.forWriting(PASSWORD, 8192);

        assertThat(keys.toString()).isEqualTo("DerivedKeys[one key]")
                .doesNotContain(new String(PASSWORD)).doesNotContain(java.util.HexFormat.of().formatHex(written[1]));
    }
}

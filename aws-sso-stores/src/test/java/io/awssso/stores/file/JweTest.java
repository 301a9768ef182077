package io.awssso.stores.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class JweTest {
    private static final char[] PASSWORD = "correct horse".toCharArray();

    /** A clock that moves half a second each time it is read: any long derivation outruns the budget. */
    private static LongSupplier secondPerReading() {
        AtomicLong now = new AtomicLong();
        return () -> now.getAndAdd(500_000_000L);
    }

    @Test
    void decrypt_derivationOverTheTimeBudget_stopsWithAClearError() {
        // An iteration count jose2go accepts, on a machine slow enough that it exceeds the budget
        // (the derivation runs before the key unwrap, so the other parts need not be real).
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"PBES2-HS256+A128KW\",\"enc\":\"A256GCM\",\"p2c\":1000000,\"p2s\":\"AAAAAAAAAAAAAAAA\"}"
                        .getBytes(StandardCharsets.UTF_8));
        String token = header + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";

        assertThatThrownBy(() -> Jwe.decrypt(token, PASSWORD, secondPerReading()))
                .isInstanceOf(IOException.class)
                .hasMessage("deriving the key from the password with the JWE header's p2c of 1000000"
                        + " iterations took longer than 2 s; aws-sso and aws-sso-cli write 8192");
    }

    @Test
    void decrypt_writtenCountUnderTheSameClock_finishesInsideTheBudget() throws Exception {
        // 8192 iterations read the clock at the start and twice more: one second of the two.
        String token = Jwe.encrypt("x".getBytes(StandardCharsets.UTF_8), PASSWORD, Jwe.WRITE_ITERATIONS, Map.of());

        assertThat(Jwe.decrypt(token, PASSWORD, secondPerReading())).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void encryptThenDecrypt_emptyPassword_roundTrips() throws Exception {
        String token = Jwe.encrypt("x".getBytes(StandardCharsets.UTF_8), new char[0], 1000, Map.of());

        assertThat(Jwe.decrypt(token, new char[0])).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Jwe.decrypt(token, PASSWORD)).isInstanceOf(Jwe.WrongPasswordException.class);
    }
}

package io.awssso.core.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void challengeOf_knownVerifier_matchesAnIndependentSha256() {
        // Expected value computed with Python's hashlib + base64.urlsafe_b64encode, '=' stripped.
        assertThat(Pkce.challengeOf(
                "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-._~"))
                .isEqualTo("BsoijlJ_Ic9X2cSqcbWvQDEIQ4pd-I-kqD0mhzTv9aY");
    }

    @Test
    void create_makesUrlSafeVerifierOf64CharsAndAFreshState() {
        SecureRandom random = new SecureRandom();
        Pkce a = Pkce.create(random);
        Pkce b = Pkce.create(random);

        assertThat(a.verifier()).hasSize(64).matches("[A-Za-z0-9_-]+");
        assertThat(a.challenge()).isEqualTo(Pkce.challengeOf(a.verifier()));
        assertThat(a.state()).isNotEqualTo(b.state());
    }

    @Test
    void stateMatches_onlyTheExactState() {
        Pkce p = Pkce.create(new SecureRandom());

        assertThat(p.stateMatches(p.state())).isTrue();
        assertThat(p.stateMatches(p.state() + "x")).isFalse();
        assertThat(p.stateMatches(null)).isFalse();
    }

    @Test
    void toString_hidesVerifierAndState() {
        Pkce p = Pkce.create(new SecureRandom());

        assertThat(p.toString()).doesNotContain(p.verifier()).doesNotContain(p.state());
    }
}

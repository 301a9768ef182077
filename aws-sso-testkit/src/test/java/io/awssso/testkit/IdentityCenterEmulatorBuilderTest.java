package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AccountId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.SsoClient;

/** Builder validation, the data set API and the emulator's lifecycle. */
class IdentityCenterEmulatorBuilderTest {

    @Test
    void builder_nonPositiveLifetime_rejectedWithName() {
        assertThatThrownBy(() -> IdentityCenterEmulator.builder().sessionLifetime(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session lifetime");
        assertThatThrownBy(() -> IdentityCenterEmulator.builder().rateLimit(Operation.LIST_ACCOUNTS, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate");
        assertThatThrownBy(() -> IdentityCenterEmulator.builder().failureRate(Operation.LIST_ACCOUNTS, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failure rate");
    }

    @Test
    void build_twice_rejected() {
        IdentityCenterEmulator.Builder b = IdentityCenterEmulator.builder();
        b.build();

        assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void start_afterClose_rejected() {
        IdentityCenterEmulator e = IdentityCenterEmulator.builder().build().start();
        e.close();

        assertThat(e.isRunning()).isFalse();
        assertThatThrownBy(e::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void endpoint_beforeStart_rejectedWithHint() {
        assertThatThrownBy(() -> IdentityCenterEmulator.create().endpoint())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
    }

    @Test
    void generateAccounts_deterministic_sameIdsNamesAndRoles() {
        List<IdentityCenterEmulator.EmulatedAccount> a = IdentityCenterEmulator.create().generateAccounts(3000, 7).accounts();
        List<IdentityCenterEmulator.EmulatedAccount> b = IdentityCenterEmulator.create().generateAccounts(3000, 7).accounts();

        assertThat(a).hasSize(3000).isEqualTo(b);
        assertThat(a.get(0)).isEqualTo(new IdentityCenterEmulator.EmulatedAccount(AccountId.parse("10000"),
                "account-00001", "account-00001@example.com", List.of("AdministratorAccess", "ReadOnlyAccess",
                        "PowerUserAccess", "ViewOnlyAccess", "Billing", "Role006", "Role007")));
    }

    @Test
    void addAccount_shortId_paddedNeverOctal() {
        IdentityCenterEmulator e = IdentityCenterEmulator.create().addAccount("0123", "octal-trap", "o@example.com", "R");

        assertThat(e.accounts()).singleElement().satisfies(acc -> assertThat(acc.id().value()).isEqualTo("000000000123"));
    }

    @Test
    void recordCallsOff_listenerAndCountsStillSeeCalls() {
        List<Call> heard = new CopyOnWriteArrayList<>();
        try (IdentityCenterEmulator e = IdentityCenterEmulator.builder().recordCalls(false).callListener(heard::add)
                .generateAccounts(1, 1).build().start();
             SsoClient portal = Sdk.portal(e.endpoint())) {
            portal.listAccounts(r -> r.accessToken(e.signIn().accessToken()));

            assertThat(e.callLog()).isEmpty();
            assertThat(e.counts()).containsEntry(Operation.LIST_ACCOUNTS, 1);
            assertThat(heard).singleElement().satisfies(c -> {
                assertThat(c.operation()).isEqualTo(Operation.LIST_ACCOUNTS);
                assertThat(c.status()).isEqualTo(200);
            });
        }
    }

    @Test
    void issuedTokens_toString_hidesSecrets() {
        IssuedTokens t = IdentityCenterEmulator.create().signIn();

        assertThat(t.toString()).doesNotContain(t.accessToken(), t.refreshToken(), t.clientSecret())
                .contains(t.clientId());
    }
}

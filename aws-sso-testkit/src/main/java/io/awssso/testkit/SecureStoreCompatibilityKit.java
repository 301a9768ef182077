package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AccountId;
import io.awssso.api.ClientRegistration;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoToken;
import io.awssso.api.spi.SecureStore;
import io.awssso.api.spi.StoredSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SecureStore} backend must show, as a JUnit 5 test class to extend.
 * A backend's test is a short subclass:
 *
 * <pre>{@code
 * class MyStoreTest extends SecureStoreCompatibilityKit {
 *     @TempDir Path dir;
 *
 *     @Override protected SecureStore createStore() { return new MyStore(dir); }
 *     @Override protected SecureStore reopen() { return new MyStore(dir); }
 * }
 * }</pre>
 *
 * <p>{@link #createStore()} is called before each test and must return an empty store;
 * {@link #reopen()} (optional) returns another instance over the same storage, which enables the
 * persistence and cross-instance tests. Stores are closed after each test.
 *
 * <p>The values used are whole seconds (whole milliseconds for role credential expiry) because
 * that is the precision of the formats aws-sso-cli writes; a backend must round-trip them
 * exactly, with {@code equals}. A change function that throws must propagate the same exception
 * and leave the store unchanged.
 */
public abstract class SecureStoreCompatibilityKit {

    /** Threads used by the concurrent-writer tests. */
    protected static final int WRITER_THREADS = 6;
    /** Roles each writer thread adds, one {@code update} each. */
    protected static final int ROLES_PER_WRITER = 4;

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final List<SecureStore> opened = new ArrayList<>();
    private SecureStore store;

    /** Creates an empty store for one test. */
    protected abstract SecureStore createStore();

    /**
     * Opens another instance over the same storage as the store {@link #createStore()} returned,
     * or returns {@code null} (the default) when the backend does not persist.
     */
    protected SecureStore reopen() {
        return null;
    }

    /** The store under test. */
    protected final SecureStore store() {
        return store;
    }

    @BeforeEach
    public final void openStoreUnderTest() {
        store = track(createStore());
        assertThat(store).as("createStore() result").isNotNull();
    }

    @AfterEach
    public final void closeStores() {
        opened.forEach(SecureStore::close);
        opened.clear();
    }

    private SecureStore track(SecureStore s) {
        if (s != null) {
            opened.add(s);
        }
        return s;
    }

    private SecureStore reopenedOrSkip() {
        SecureStore again = track(reopen());
        Assumptions.assumeTrue(again != null, "the backend does not persist (reopen() returns null)");
        return again;
    }

    // ---------------------------------------------------------------- sample values

    /** A registration with every part set, including the PKCE grant types. */
    protected static ClientRegistration sampleRegistration(String tag) {
        return new ClientRegistration("client-id-" + tag, "client-secret-" + tag,
                T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(89)),
                "https://oidc.us-east-1.amazonaws.com/authorize",
                "https://oidc.us-east-1.amazonaws.com/token",
                List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN));
    }

    /** A token with a refresh token and an id token. */
    protected static SsoToken sampleToken(String tag) {
        return new SsoToken("access-token-" + tag, "Bearer", Duration.ofHours(8),
                T0.plus(Duration.ofHours(8)), "refresh-token-" + tag, "id-token-" + tag);
    }

    /** Credentials for {@code role}, with a millisecond expiry as GetRoleCredentials gives it. */
    protected static RoleCredentials sampleCredentials(RoleArn role, String tag, boolean chained) {
        return new RoleCredentials(role, "ASIA" + tag.toUpperCase(),
                "secret-key-" + tag, "session-token-" + tag,
                T0.plusMillis(3_600_123), chained);
    }

    private static final String PRIVATE_KEY_PEM = "-----BEGIN PRIVATE KEY-----\n"
            + "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgsecretkeymaterial\n"
            + "-----END PRIVATE KEY-----\n";
    private static final String CERT_CHAIN_PEM = "-----BEGIN CERTIFICATE-----\n"
            + "MIIBdzCCAR2gAwIBAgIUcertificatebody0000000000000000000000000000\n"
            + "-----END CERTIFICATE-----\n";

    // ---------------------------------------------------------------- round trips

    @Test
    public void read_newStore_isEmpty() {
        assertThat(store.read()).isEqualTo(StoredSecrets.EMPTY);
    }

    @Test
    public void name_always_isNotBlank() {
        assertThat(store.name()).isNotBlank();
    }

    @Test
    public void update_registration_readsBackEqual() {
        ClientRegistration r = sampleRegistration("a");
        store.update(s -> s.withRegistration("Default", r));

        assertThat(store.read().registration("Default")).contains(r);
    }

    @Test
    public void update_registrationWithDeviceGrantOnly_readsBackEqual() {
        ClientRegistration r = new ClientRegistration("cid", "csecret", T0, T0.plusSeconds(7_776_000),
                null, null, List.of(ClientRegistration.DEVICE_CODE));
        store.update(s -> s.withRegistration("Other", r));

        assertThat(store.read().registration("Other")).contains(r);
    }

    @Test
    public void update_tokenWithRefreshToken_readsBackEqual() {
        SsoToken t = sampleToken("a");
        store.update(s -> s.withToken("Default", t));

        assertThat(store.read().token("Default")).contains(t);
        assertThat(store.read().token("Default").orElseThrow().refreshTokenIfAny())
                .contains("refresh-token-a");
    }

    @Test
    public void update_tokenWithoutRefreshToken_readsBackWithoutOne() {
        SsoToken t = new SsoToken("access-only", "Bearer", Duration.ofSeconds(28_800),
                T0.plusSeconds(28_800), null, null);
        store.update(s -> s.withToken("Default", t));

        SsoToken back = store.read().token("Default").orElseThrow();
        assertThat(back).isEqualTo(t);
        assertThat(back.refreshTokenIfAny()).isEmpty();
    }

    @Test
    public void update_roleCredentialsWithLeadingZeroAccount_keepTheZeros() {
        RoleArn role = RoleArn.of(AccountId.parse("000123456789"), "AdministratorAccess");
        RoleCredentials c = sampleCredentials(role, "zero", false);
        store.update(s -> s.withCredentials(role, c));

        StoredSecrets back = store.read();
        assertThat(back.roleCredentials()).containsOnlyKeys(role);
        assertThat(back.credentials(role)).contains(c);
        assertThat(back.credentials(role).orElseThrow().accountId().value()).isEqualTo("000123456789");
    }

    @Test
    public void update_chainedRoleCredentials_keepRoleChaining() {
        RoleArn role = RoleArn.parse("arn:aws:iam::123456789012:role/Chained");
        RoleCredentials c = sampleCredentials(role, "chain", true);
        store.update(s -> s.withCredentials(role, c));

        assertThat(store.read().credentials(role).orElseThrow().roleChaining()).isTrue();
        assertThat(store.read().credentials(role)).contains(c);
    }

    @Test
    public void update_roleInAnotherPartition_keepsTheArn() {
        RoleArn role = RoleArn.parse("arn:aws-us-gov:iam::210987654321:role/GovRole");
        RoleCredentials c = sampleCredentials(role, "gov", false);
        store.update(s -> s.withCredentials(role, c));

        assertThat(store.read().roleCredentials()).containsOnlyKeys(role);
        assertThat(store.read().credentials(role)).contains(c);
    }

    @Test
    public void update_ecsTokenAndTls_readBackEqual() {
        store.update(s -> s.withEcsBearerToken("Bearer ecs-token-value")
                .withEcsTls(PRIVATE_KEY_PEM, CERT_CHAIN_PEM));

        StoredSecrets back = store.read();
        assertThat(back.ecsBearerToken()).isEqualTo("Bearer ecs-token-value");
        assertThat(back.ecsPrivateKey()).isEqualTo(PRIVATE_KEY_PEM);
        assertThat(back.ecsCertChain()).isEqualTo(CERT_CHAIN_PEM);
    }

    @Test
    public void update_everyPartTogether_readsBackEqual() {
        StoredSecrets all = everything();
        StoredSecrets saved = store.update(s -> all);

        assertThat(saved).isEqualTo(all);
        assertThat(store.read()).isEqualTo(all);
    }

    @Test
    public void update_returnsWhatALaterReadSees() {
        StoredSecrets saved = store.update(s -> s.withToken("Default", sampleToken("r")));

        assertThat(store.read()).isEqualTo(saved);
    }

    @Test
    public void update_changeFunction_receivesCurrentContents() {
        store.update(s -> s.withToken("First", sampleToken("1")));
        List<StoredSecrets> seen = new ArrayList<>();
        store.update(s -> {
            seen.add(s);
            return s.withToken("Second", sampleToken("2"));
        });

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).tokens()).containsOnlyKeys("First");
        assertThat(store.read().tokens()).containsOnlyKeys("First", "Second");
    }

    // ---------------------------------------------------------------- overwrite, delete, missing

    @Test
    public void update_sameKeyTwice_lastValueWins() {
        RoleArn role = RoleArn.parse("111122223333:Dev");
        store.update(s -> s.withToken("Default", sampleToken("old"))
                .withCredentials(role, sampleCredentials(role, "old", false))
                .withEcsBearerToken("old-ecs"));
        store.update(s -> s.withToken("Default", sampleToken("new"))
                .withCredentials(role, sampleCredentials(role, "new", true))
                .withEcsBearerToken("new-ecs"));

        StoredSecrets back = store.read();
        assertThat(back.token("Default")).contains(sampleToken("new"));
        assertThat(back.credentials(role)).contains(sampleCredentials(role, "new", true));
        assertThat(back.ecsBearerToken()).isEqualTo("new-ecs");
        assertThat(back.tokens()).hasSize(1);
        assertThat(back.roleCredentials()).hasSize(1);
    }

    @Test
    public void update_withNullValues_deletesEachPart() {
        StoredSecrets all = everything();
        store.update(s -> all);
        RoleArn oneRole = all.roleCredentials().keySet().iterator().next();

        store.update(s -> s.withRegistration("Default", null)
                .withToken("Default", null)
                .withCredentials(oneRole, null)
                .withEcsBearerToken(null)
                .withEcsTls(null, null));

        StoredSecrets back = store.read();
        assertThat(back.registration("Default")).isEmpty();
        assertThat(back.token("Default")).isEmpty();
        assertThat(back.credentials(oneRole)).isEmpty();
        assertThat(back.ecsBearerToken()).isNull();
        assertThat(back.ecsPrivateKey()).isNull();
        assertThat(back.ecsCertChain()).isNull();
        // The other instance's entries survive the deletion of "Default".
        assertThat(back.registration("Other")).isEqualTo(all.registration("Other"));
        assertThat(back.token("Other")).isEqualTo(all.token("Other"));
        assertThat(back.roleCredentials()).hasSize(all.roleCredentials().size() - 1);
    }

    @Test
    public void update_deleteEverything_readsEmpty() {
        store.update(s -> everything());
        store.update(s -> StoredSecrets.EMPTY);

        assertThat(store.read()).isEqualTo(StoredSecrets.EMPTY);
    }

    @Test
    public void read_missingKeys_areEmpty() {
        store.update(s -> everything());

        StoredSecrets back = store.read();
        assertThat(back.registration("NoSuchInstance")).isEmpty();
        assertThat(back.token("NoSuchInstance")).isEmpty();
        assertThat(back.credentials(RoleArn.parse("999999999999:NoSuchRole"))).isEmpty();
    }

    // ---------------------------------------------------------------- size

    @Test
    public void update_thousandRoleCredentials_allReadBack() {
        Map<RoleArn, RoleCredentials> many = new java.util.HashMap<>();
        String bigSessionToken = "x".repeat(200);
        for (int i = 0; i < 1000; i++) {
            RoleArn role = RoleArn.of(AccountId.of(i * 1_000_003L), "Role" + i);
            RoleCredentials c = new RoleCredentials(role,
                    "ASIA" + i, "secret" + i, bigSessionToken + i, T0.plusMillis(i), i % 2 == 0);
            many.put(role, c);
        }
        StoredSecrets big = new StoredSecrets(Map.of(), Map.of(), many, null, null, null);
        store.update(s -> big);

        StoredSecrets back = store.read();
        assertThat(back.roleCredentials()).hasSize(1000);
        assertThat(back).isEqualTo(big);
    }

    @Test
    public void update_largeSingleValue_readsBackWhole() {
        // A 200 KB certificate chain: far beyond any real one, and beyond chunk sizes of keyrings.
        StringBuilder pem = new StringBuilder();
        for (int i = 0; pem.length() < 200_000; i++) {
            pem.append("line").append(i).append(' ').append("A".repeat(58)).append('\n');
        }
        String chain = pem.toString();
        store.update(s -> s.withEcsTls(PRIVATE_KEY_PEM, chain));

        assertThat(store.read().ecsCertChain()).isEqualTo(chain);
    }

    // ---------------------------------------------------------------- concurrency and failure

    @Test
    public void update_concurrentWritersOnOneInstance_loseNothing() throws Exception {
        assertConcurrentWritersLoseNothing(List.of(store));
    }

    @Test
    public void update_concurrentWritersOnSeparateInstances_loseNothing() throws Exception {
        List<SecureStore> instances = new ArrayList<>();
        instances.add(store);
        instances.add(reopenedOrSkip());
        instances.add(reopenedOrSkip());
        assertConcurrentWritersLoseNothing(instances);
    }

    private void assertConcurrentWritersLoseNothing(List<SecureStore> instances) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITER_THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITER_THREADS; w++) {
                int writer = w;
                SecureStore target = instances.get(w % instances.size());
                futures.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < ROLES_PER_WRITER; i++) {
                        RoleArn role = RoleArn.of(AccountId.of(100 + writer), "Writer" + writer + "Role" + i);
                        target.update(s -> s.withCredentials(role,
                                sampleCredentials(role, "w" + writer + "r", false)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.read().roleCredentials()).hasSize(WRITER_THREADS * ROLES_PER_WRITER);
    }

    @Test
    public void update_changeThrows_storeUnchangedAndSameExceptionPropagates() {
        StoredSecrets before = store.update(s -> everything());
        IllegalStateException boom = new IllegalStateException("change failed on purpose");

        assertThatThrownBy(() -> store.update(s -> {
            throw boom;
        })).isSameAs(boom);

        assertThat(store.read()).isEqualTo(before);
        SecureStore again = track(reopen());
        if (again != null) {
            assertThat(again.read()).isEqualTo(before);
        }
    }

    @Test
    public void update_changeReturnsNull_isRefusedAndStoreUnchanged() {
        StoredSecrets before = store.update(s -> s.withToken("Default", sampleToken("n")));

        assertThatThrownBy(() -> store.update(s -> null)).isInstanceOf(RuntimeException.class);

        assertThat(store.read()).isEqualTo(before);
    }

    // ---------------------------------------------------------------- persistence

    @Test
    public void reopen_afterUpdate_seesTheSavedContents() {
        StoredSecrets all = store.update(s -> everything());
        store.close();

        SecureStore again = reopenedOrSkip();
        assertThat(again.read()).isEqualTo(all);
    }

    @Test
    public void reopen_changesThroughOneInstance_areSeenByTheOther() {
        SecureStore other = reopenedOrSkip();
        store.update(s -> s.withToken("Default", sampleToken("from-first")));

        assertThat(other.read().token("Default")).contains(sampleToken("from-first"));
        other.update(s -> s.withToken("Second", sampleToken("from-second")));
        assertThat(store.read().tokens()).containsOnlyKeys("Default", "Second");
    }

    // ---------------------------------------------------------------- secrets stay secret

    @Test
    public void toString_ofStoreAndContents_showsNoSecret() {
        StoredSecrets saved = store.update(s -> everything());
        StoredSecrets read = store.read();

        for (String text : List.of(store.toString(), saved.toString(), read.toString(),
                String.valueOf(read.registrations()), String.valueOf(read.tokens()),
                String.valueOf(read.roleCredentials()))) {
            assertThat(text).doesNotContain("client-secret-", "access-token-", "refresh-token-",
                    "id-token-", "secret-key-", "session-token-", "ecs-token-value",
                    "secretkeymaterial");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A value with every part set: two instances, three roles, ECS token and TLS pair. */
    protected static StoredSecrets everything() {
        RoleArn admin = RoleArn.of(AccountId.parse("012345678901"), "AdministratorAccess");
        RoleArn read = RoleArn.parse("arn:aws:iam::123456789012:role/ReadOnly");
        RoleArn chained = RoleArn.parse("arn:aws:iam::000000000042:role/Chained");
        return StoredSecrets.EMPTY
                .withRegistration("Default", sampleRegistration("default"))
                .withRegistration("Other", sampleRegistration("other"))
                .withToken("Default", sampleToken("default"))
                .withToken("Other", new SsoToken("access-token-other", "Bearer",
                        Duration.ofHours(1), T0.plusSeconds(3600), null, null))
                .withCredentials(admin, sampleCredentials(admin, "admin", false))
                .withCredentials(read, sampleCredentials(read, "read", false))
                .withCredentials(chained, sampleCredentials(chained, "chained", true))
                .withEcsBearerToken("Bearer ecs-token-value")
                .withEcsTls(PRIVATE_KEY_PEM, CERT_CHAIN_PEM);
    }
}

package io.awssso.core.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.ConfigurationException;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoToken;
import io.awssso.core.AwsSso;
import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.MutableClock;
import io.awssso.testkit.Operation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialServiceTest {
    private static final RoleArn ADMIN = RoleArn.parse("arn:aws:iam::012345678901:role/AdministratorAccess");
    private static final RoleArn DEPLOY = RoleArn.parse("arn:aws:iam::210987654321:role/DeployRole");
    private static final RoleArn AUDIT = RoleArn.parse("arn:aws:iam::333333333333:role/Audit");

    @TempDir
    Path home;
    MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-26T10:00:00Z"));
    IdentityCenterEmulator emulator;
    CredentialsHarness h;

    @BeforeEach
    void start() {
        emulator = IdentityCenterEmulator.builder().clock(clock).build().start();
        emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess");
        h = new CredentialsHarness(home, emulator, clock);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void credentials_storedStillValid_reusedWithoutCall() {
        h.config("", "").signedIn();
        try (AwsSso sso = h.engine()) {
            RoleCredentials first = sso.credentials().get(ADMIN);
            RoleCredentials second = sso.credentials().get(ADMIN);

            assertThat(second).isEqualTo(first);
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
            assertThat(h.store.read().credentials(ADMIN)).contains(first);
        }
    }

    @Test
    void credentials_stsRefresh_fetchesAgainAndStores() {
        h.config("", "").signedIn();
        try (AwsSso sso = h.engine()) {
            RoleCredentials first = sso.credentials().get(ADMIN);
            RoleCredentials forced = sso.credentials().fetch(ADMIN);

            assertThat(forced.accessKeyId()).isNotEqualTo(first.accessKeyId());
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(2);
            assertThat(h.store.read().credentials(ADMIN)).contains(forced);
        }
    }

    @Test
    void credentials_storedExpireWithinAMinute_fetchedAgain() {
        h.config("", "").signedIn();
        try (AwsSso sso = h.engine()) {
            RoleCredentials first = sso.credentials().get(ADMIN);
            clock.set(first.expiration().minusSeconds(59));

            RoleCredentials next = sso.credentials().get(ADMIN);

            assertThat(next.accessKeyId()).isNotEqualTo(first.accessKeyId());
            assertThat(next.expiration()).isAfter(first.expiration());
        }
    }

    @Test
    void cachedCredentials_validStored_buildsNoClient() {
        h.config("", "").signedIn();
        try (AwsSso sso = h.engine()) {
            sso.credentials().get(ADMIN);
        }
        h.clientsCreated.set(0);
        try (AwsSso sso = h.engine()) {
            assertThat(sso.credentials().stored(ADMIN)).isPresent();
            assertThat(sso.credentials().get(ADMIN)).isNotNull();
            assertThat(h.clientsCreated).hasValue(0);
        }
    }

    @Test
    void cachedCredentials_nothingStored_empty() {
        h.config("", "").signedIn();
        try (AwsSso sso = h.engine()) {
            assertThat(sso.credentials().stored(ADMIN)).isEmpty();
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isZero();
        }
    }

    @Test
    void credentials_noToken_loginRequired() {
        h.config("", "");
        try (AwsSso sso = h.engine()) {
            assertThatThrownBy(() -> sso.credentials().get(ADMIN)).isInstanceOf(LoginRequiredException.class);
        }
    }

    @Test
    void credentials_expiredTokenWithRefreshToken_renewedThenFetched() {
        h.config("", "").signedIn();
        clock.advance(Duration.ofHours(2)); // past the access token, within the session
        try (AwsSso sso = h.engine()) {
            RoleCredentials c = sso.credentials().get(ADMIN);

            assertThat(c.roleName()).isEqualTo("AdministratorAccess");
            assertThat(emulator.count(Operation.CREATE_TOKEN)).isEqualTo(1);
            // the renewed token written during the fetch survives the credentials' write
            assertThat(h.store.read().token("Default").orElseThrow().expiresAt()).isAfter(clock.instant());
            assertThat(h.store.read().credentials(ADMIN)).contains(c);
        }
    }

    @Test
    void credentials_expiredToken_renewedBeforeTheStoreLockIsTaken() {
        h.config("", "").signedIn();
        clock.advance(Duration.ofHours(2));
        try (AwsSso sso = h.engine()) {
            sso.credentials().get(ADMIN);

            assertThat(emulator.calls(Operation.CREATE_TOKEN)).extracting(Call::grantType)
                    .containsExactly("refresh_token");
            assertThat(h.callsUnderStoreLock).as("store calls while the store lock is held").hasValue(0);
        }
    }

    @Test
    void credentials_tokenRevokedBeforeItsExpiry_renewedOutsideTheStoreLockAndFetchedAgainOnce() {
        h.config("", "").signedIn();
        SsoToken revoked = h.store.read().token("Default").orElseThrow();
        emulator.expireAccessTokens(); // the portal answers 401; the refresh token still works
        try (AwsSso sso = h.engine()) {
            RoleCredentials c = sso.credentials().get(ADMIN);

            assertThat(h.store.read().credentials(ADMIN)).contains(c);
            assertThat(h.store.read().token("Default").orElseThrow().accessToken())
                    .isNotEqualTo(revoked.accessToken());
            assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS)).extracting(Call::status)
                    .containsExactly(401, 200);
            assertThat(emulator.calls(Operation.CREATE_TOKEN)).extracting(Call::grantType)
                    .containsExactly("refresh_token");
            assertThat(h.callsUnderStoreLock).as("store calls while the store lock is held").hasValue(0);
        }
    }

    @Test
    void credentials_tokenRevokedAndSessionEnded_loginRequiredAfterOneTry() {
        h.config("", "").signedIn();
        emulator.endSessions();
        try (AwsSso sso = h.engine()) {
            assertThatThrownBy(() -> sso.credentials().get(ADMIN)).isInstanceOf(LoginRequiredException.class)
                    .hasMessageContaining("aws-sso login");
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
            assertThat(h.store.read().credentials(ADMIN)).isEmpty();
        }
    }

    @Test
    void credentials_viaChainOfTwo_assumesEachRoleWithSessionNameOfItsSource() {
        h.config("""
                    Accounts:
                      "210987654321":
                        Roles:
                          DeployRole:
                            Via: arn:aws:iam::012345678901:role/AdministratorAccess
                            ExternalId: ext-123
                            SourceIdentity: alice
                      "333333333333":
                        Roles:
                          Audit:
                            Via: arn:aws:iam::210987654321:role/DeployRole
                """, "").signedIn();
        emulator.requireExternalId(DEPLOY.toString(), "ext-123");
        try (AwsSso sso = h.engine()) {
            RoleCredentials audit = sso.credentials().get(AUDIT);

            assertThat(audit.roleChaining()).isTrue();
            assertThat(audit.roleArn()).isEqualTo(AUDIT);
            List<Call> assumes = emulator.calls(Operation.ASSUME_ROLE);
            assertThat(assumes).extracting(c -> c.parameter(Call.ROLE_ARN), c -> c.parameter(Call.ROLE_SESSION_NAME))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(DEPLOY.toString(), "AdministratorAccess@012345678901"),
                            org.assertj.core.groups.Tuple.tuple(AUDIT.toString(), "DeployRole@210987654321"));
            assertThat(h.store.read().roleCredentials().keySet()).contains(ADMIN, DEPLOY, AUDIT);

            sso.credentials().get(DEPLOY);
            assertThat(emulator.count(Operation.ASSUME_ROLE)).isEqualTo(2); // reused from the store
        }
    }

    @Test
    void credentials_viaLoop_configurationErrorNamingTheChainBeforeAnyCall() {
        h.config("""
                    Accounts:
                      "210987654321":
                        Roles:
                          DeployRole:
                            Via: arn:aws:iam::333333333333:role/Audit
                      "333333333333":
                        Roles:
                          Audit:
                            Via: arn:aws:iam::210987654321:role/DeployRole
                """, "").signedIn();
        try (AwsSso sso = h.engine()) {
            assertThatThrownBy(() -> sso.credentials().get(DEPLOY))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("loop")
                    .hasMessageContaining(DEPLOY + " -> " + AUDIT + " -> " + DEPLOY);
            assertThat(emulator.callLog()).noneMatch(c -> c.operation() == Operation.GET_ROLE_CREDENTIALS
                    || c.operation() == Operation.ASSUME_ROLE);
        }
    }

    @Test
    void credentials_manyThreadsOneExpiredRole_oneGetRoleCredentials() throws Exception {
        h.config("", "").signedIn();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<AwsSso> engines = new ArrayList<>();
        try {
            List<Future<RoleCredentials>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                AwsSso sso = h.engine(); // one engine per "process", sharing the store
                engines.add(sso);
                results.add(pool.submit(() -> sso.credentials().get(ADMIN)));
            }
            Set<String> keys = new java.util.HashSet<>();
            for (Future<RoleCredentials> f : results) {
                keys.add(f.get().accessKeyId());
            }
            assertThat(keys).hasSize(1);
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            engines.forEach(AwsSso::close);
        }
    }

    @Test
    void roleByAccount_leadingZero_readInBase10() {
        h.config("", "");
        try (AwsSso sso = h.engine()) {
            assertThat(sso.roles().of("0123", "Admin").toString())
                    .isEqualTo("arn:aws:iam::000000000123:role/Admin");
            assertThat(sso.roles().parse("012345678901:Admin")).isEqualTo(RoleArn.parse(
                    "arn:aws:iam::012345678901:role/Admin"));
            assertThatThrownBy(() -> sso.roles().of("0x12", "Admin"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void credentials_fetched_catalogExpiresRecorded() {
        h.config("", "").signedIn();
        try (AwsSso sso = h.engine()) {
            sso.roles().refresh(1, io.awssso.core.RefreshListener.NONE);
            RoleCredentials c = sso.credentials().get(ADMIN);

            assertThat(sso.roles().get(ADMIN).credentialsExpire())
                    .isEqualTo(c.expiration().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(sso.roles().tags(r -> true).stream()
                    .map(t -> t.arn()).collect(Collectors.toList())).contains(ADMIN);
        }
    }
}

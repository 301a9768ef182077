package io.awssso.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.CatalogRole;
import io.awssso.api.ClientRegistration;
import io.awssso.api.RoleCredentials;
import io.awssso.api.SsoToken;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.InMemorySecureStore;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** {@link Roles#forEach} against the emulator over real HTTP, on the system clock. */
class AwsSsoForEachRoleTest {
    private static final RoleFilter READ_ONLY = RoleFilter.parse(List.of("RoleName=ReadOnly"));

    @TempDir
    Path home;
    IdentityCenterEmulator emulator;
    InMemorySecureStore store = InMemorySecureStore.create();
    AwsSso engine;

    @BeforeEach
    void start() throws Exception {
        emulator = IdentityCenterEmulator.builder().build().start();
        for (int i = 1; i <= 6; i++) {
            emulator.addAccount(String.format("%012d", i), (i <= 3 ? "prod-" : "dev-") + i, i + "@example.com",
                    "ReadOnly", "Admin");
        }
        Path config = home.resolve(".config/aws-sso/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: "
                + emulator.startUrl() + "\n");
        IssuedTokens t = emulator.signIn();
        Clock clock = Clock.systemUTC();
        ClientRegistration reg = new ClientRegistration(t.clientId(), t.clientSecret(), clock.instant(),
                clock.instant().plus(Duration.ofDays(90)), null, null,
                List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN));
        SsoToken token = new SsoToken(t.accessToken(), "Bearer",
                Duration.between(clock.instant(), t.accessTokenExpiresAt()), t.accessTokenExpiresAt(),
                t.refreshToken(), null);
        store.update(s -> s.withRegistration("Default", reg).withToken("Default", token));
        engine = AwsSso.builder().configFile(config.toString()).environment(Map.of(), home)
                .secureStore(store).identityCenterClientFactory(new SdkIdentityCenterClientFactory(
                        SdkClientOptions.defaults().withEndpoint(emulator.endpoint()).withRetries(1, null), clock))
                .build();
        engine.roles().refresh(2, RefreshListener.NONE);
        emulator.clearCallLog();
    }

    @AfterEach
    void stop() {
        engine.close();
        emulator.close();
    }

    @Test
    void forEachRole_filter_runsEachSelectedRoleWithItsOwnCredentials() {
        List<RoleRunResult<String>> results = engine.roles().forEach(READ_ONLY, RunOptions.defaults(), (role, creds) -> {
            AwsSessionCredentials c = (AwsSessionCredentials) creds.resolveCredentials();
            assertThat(c.accountId()).contains(role.arn().accountId().value());
            assertThat(emulator.issuedSecrets()).contains(c.secretAccessKey());
            return role.arn().roleName() + "@" + c.accountId().orElseThrow();
        });

        assertThat(results).extracting(RoleRunResult::value).containsExactly("ReadOnly@000000000001",
                "ReadOnly@000000000002", "ReadOnly@000000000003", "ReadOnly@000000000004", "ReadOnly@000000000005",
                "ReadOnly@000000000006");
        assertThat(results).allMatch(RoleRunResult::succeeded);
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::succeeded)).hasSize(6);
    }

    @Test
    void forEachRole_environment_isWhatExecSetsForTheRole() {
        List<RoleRunResult<Boolean>> results = engine.roles().forEach(READ_ONLY, RunOptions.defaults(), (role, creds) -> {
            RoleEnvironment env = creds.environment(RegionPolicy.WHEN_MANAGED);
            assertThat(env.set()).containsEntry("AWS_SSO_ACCOUNT_ID", role.arn().accountId().value())
                    .containsEntry("AWS_SSO_PROFILE", role.profile())
                    .containsEntry("AWS_ACCESS_KEY_ID", creds.roleCredentials().accessKeyId());
            assertThat(env).isEqualTo(engine.credentials().environment(creds.roleCredentials(), RegionPolicy.WHEN_MANAGED));
            return true;
        });

        assertThat(results).hasSize(6).allMatch(RoleRunResult::succeeded);
    }

    @Test
    void forEachRole_fetched_expiriesRecordedInTheRoleCache() {
        engine.roles().forEach(READ_ONLY, RunOptions.defaults(), (role, creds) -> null);

        assertThat(engine.roles().list()).allSatisfy(r -> {
            if (r.arn().roleName().equals("ReadOnly")) {
                assertThat(r.credentialsExpire()).isEqualTo(store.read().credentials(r.arn()).orElseThrow().expiration()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            } else {
                assertThat(r.credentialsExpire()).isNull();
            }
        });
    }

    @Test
    void forEachRole_credentialsStored_reusedWithoutCalls() {
        engine.roles().forEach(READ_ONLY, RunOptions.defaults(), (role, creds) -> null);
        emulator.clearCallLog();

        List<RoleRunResult<RoleCredentials>> again = engine.roles().forEach(READ_ONLY, RunOptions.defaults(),
                (role, creds) -> creds.roleCredentials());

        assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isZero();
        assertThat(again).allSatisfy(r -> assertThat(r.value().accessKeyId())
                .isEqualTo(store.read().credentials(r.role().arn()).orElseThrow().accessKeyId()));
    }

    @Test
    void forEachRole_taskThrows_failureCarriesItsRoleAndTheOthersRun() {
        List<RoleRunResult<String>> results = engine.roles().forEach(READ_ONLY, RunOptions.defaults(), (role, creds) -> {
            if (role.arn().accountId().value().equals("000000000004")) {
                throw new IllegalStateException("no bucket here");
            }
            return "ok";
        });

        assertThat(results).filteredOn(r -> !r.succeeded()).singleElement().satisfies(r -> {
            assertThat(r.role().arn().toString()).isEqualTo("arn:aws:iam::000000000004:role/ReadOnly");
            assertThat(r.status()).isEqualTo(RoleRunResult.Status.FAILED);
            assertThat(r.failure()).hasMessage("no bucket here");
        });
        assertThat(results).filteredOn(RoleRunResult::succeeded).hasSize(5);
    }

    @Test
    void forEachRole_credentialsRefused_roleFailsAndTaskNeverRuns() {
        engine.roles().forEach(RoleFilter.parse(List.of("AccountAlias=prod-1", "RoleName=Admin")), RunOptions.defaults(),
                (role, creds) -> null); // stored now: needs no token
        emulator.endSessions();
        AtomicInteger ran = new AtomicInteger();
        List<RoleRunResult<String>> results = engine.roles().forEach(RoleFilter.parse(List.of("AccountAlias=prod-1")),
                RunOptions.defaults(), (role, creds) -> {
                    ran.incrementAndGet();
                    return "ran";
                });

        assertThat(results).extracting(r -> r.role().arn().roleName() + " " + r.status())
                .containsExactlyInAnyOrder("Admin SUCCEEDED", "ReadOnly FAILED");
        assertThat(results).filteredOn(r -> !r.succeeded()).singleElement()
                .satisfies(r -> assertThat(r.failure()).isInstanceOf(io.awssso.api.LoginRequiredException.class));
        assertThat(ran.get()).isEqualTo(1);
    }

    @Test
    void forEachRole_tokenRevokedBeforeTheRun_renewedOnceForAllRoles() {
        emulator.expireAccessTokens(); // the stored token looks valid, the portal refuses it; refresh works
        List<RoleRunResult<String>> results = engine.roles().forEach(READ_ONLY, RunOptions.builder().parallelism(6).build(),
                (role, creds) -> "ok");

        assertThat(results).hasSize(6).allMatch(RoleRunResult::succeeded);
        assertThat(emulator.count(Operation.CREATE_TOKEN)).isEqualTo(1);
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::succeeded)).hasSize(6);
    }

    @Test
    void forEachRole_failFast_rolesNotStartedAreCancelled() {
        RunOptions options = RunOptions.builder().parallelism(1).failFast(true).build();
        List<RoleRunResult<String>> results = engine.roles().forEach(READ_ONLY, options, (role, creds) -> {
            throw new IllegalStateException("first fails");
        });

        assertThat(results).extracting(RoleRunResult::status).containsExactly(RoleRunResult.Status.FAILED,
                RoleRunResult.Status.CANCELLED, RoleRunResult.Status.CANCELLED, RoleRunResult.Status.CANCELLED,
                RoleRunResult.Status.CANCELLED, RoleRunResult.Status.CANCELLED);
        assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
    }

    @Test
    void forEachRole_parallelism_neverMoreTasksAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        engine.roles().forEach(RoleFilter.all(), RunOptions.builder().parallelism(3).build(), (role, creds) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(20);
            running.decrementAndGet();
            return null;
        });

        assertThat(most.get()).isBetween(1, 3);
    }

    @Test
    void forEachRole_listener_hearsSelectionStartsAndEnds() {
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        RunListener listener = new RunListener() {
            @Override
            public void selected(List<CatalogRole> roles) {
                heard.add("selected " + roles.size());
            }

            @Override
            public void started(CatalogRole role) {
                heard.add("started " + role.accountAlias());
            }

            @Override
            public void finished(RoleRunResult<?> result) {
                heard.add("finished " + result.role().accountAlias() + " " + result.status());
            }
        };
        engine.roles().forEach(RoleFilter.parse(List.of("AccountAlias=dev-*", "RoleName=Admin")),
                RunOptions.builder().parallelism(1).listener(listener).build(), (role, creds) -> null);

        assertThat(heard).containsExactly("selected 3", "started dev-4", "finished dev-4 SUCCEEDED", "started dev-5",
                "finished dev-5 SUCCEEDED", "started dev-6", "finished dev-6 SUCCEEDED");
    }

    @Test
    void forEachRole_noRoleSelected_emptyWithoutCalls() {
        assertThat(engine.roles().forEach(RoleFilter.parse(List.of("RoleName=Nobody")), RunOptions.defaults(),
                (role, creds) -> "ran")).isEmpty();
        assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isZero();
    }

    @Test
    void forEachRole_throttled_paceFoundAndEveryRoleServed() {
        emulator.rateLimit(Operation.GET_ROLE_CREDENTIALS, 10, 5);
        List<RoleRunResult<String>> results = engine.roles().forEach(RoleFilter.all(),
                RunOptions.builder().parallelism(6).build(), (role, creds) -> "ok");

        assertThat(results).hasSize(12).allMatch(RoleRunResult::succeeded);
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::succeeded)).hasSize(12);
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::throttled)).isNotEmpty();
    }

    @Test
    void forEachRole_callerInterrupted_runningTaskInterruptedAndTheRestCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<List<RoleRunResult<String>>> results = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        AtomicReference<Boolean> taskInterrupted = new AtomicReference<>(false);
        Thread caller = new Thread(() -> {
            results.set(engine.roles().forEach(READ_ONLY, RunOptions.builder().parallelism(1).build(), (role, creds) -> {
                started.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    taskInterrupted.set(true);
                    throw e;
                }
                return "finished";
            }));
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(30_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(taskInterrupted.get()).isTrue();
        assertThat(flagAfter.get()).isTrue();
        assertThat(results.get()).hasSize(6).allMatch(r -> r.status() == RoleRunResult.Status.CANCELLED);
        assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isEqualTo(1);
    }
}

package io.awssso.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.InvalidRequestException;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;
import software.amazon.awssdk.services.sso.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/** The SSO portal through the real SDK client: listing, paging, credentials, logout, faults. */
class IdentityCenterEmulatorPortalTest {
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-03-01T10:00:00Z"));
    private IdentityCenterEmulator emulator;
    private SsoClient portal;
    private String token;

    @BeforeEach
    void start() {
        emulator = IdentityCenterEmulator.builder().clock(clock)
                .addAccount("000000000042", "leading-zeros", "lz@example.com", "AdministratorAccess", "ReadOnly")
                .generateAccounts(249, 2)
                .build().start();
        portal = Sdk.portal(emulator.endpoint());
        token = emulator.signIn().accessToken();
    }

    @AfterEach
    void stop() {
        portal.close();
        emulator.close();
    }

    @Test
    void listAccounts_250AccountsPagesOf100_threePagesAllIdsWithLeadingZeros() {
        List<AccountInfo> all = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String n = next;
            ListAccountsResponse page = portal.listAccounts(r -> r.accessToken(token).maxResults(100).nextToken(n));
            all.addAll(page.accountList());
            next = page.nextToken();
            if (next != null) {
                tokens.add(next);
            }
            pages++;
        } while (next != null);

        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(250);
        assertThat(all.get(0).accountId()).isEqualTo("000000000042");
        assertThat(all.get(0).accountName()).isEqualTo("leading-zeros");
        assertThat(all.get(0).emailAddress()).isEqualTo("lz@example.com");
        assertThat(all.get(1).accountId()).isEqualTo("000000010000");
        assertThat(all).extracting(AccountInfo::accountId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).hasSize(12).startsWith("0"));
        // Opaque tokens, never base64-JSON (the AWS CLI's own --starting-token format).
        assertThat(tokens).allSatisfy(t -> assertThat(t).doesNotStartWith("eyJ"));
        assertThat(emulator.calls(Operation.LIST_ACCOUNTS)).hasSize(3)
                .allSatisfy(c -> assertThat(c.parameter(Call.MAX_RESULTS)).isEqualTo("100"));
    }

    @Test
    void listAccounts_paginatorWithoutPageSize_seesEveryAccount() {
        List<String> ids = portal.listAccountsPaginator(r -> r.accessToken(token)).accountList().stream()
                .map(AccountInfo::accountId).toList();

        assertThat(ids).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void listAccounts_maxResultsOutOfRange_invalidRequest400() {
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(token).maxResults(101)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(token).maxResults(0)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void listAccounts_forgedNextToken_invalidRequest() {
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(token).nextToken("bogus")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void listAccounts_unknownToken_unauthorized401WithMessage() {
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken("not-a-token")))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(401);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Session token not found or invalid");
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedException");
                });
    }

    @Test
    void listAccounts_accessTokenLifetimePassed_unauthorized() {
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(token))).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void listAccounts_afterExpireAccessTokens_unauthorized() {
        emulator.expireAccessTokens();

        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(token))).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void listAccountRoles_knownAccount_listsRolesWithAccountId() {
        List<RoleInfo> roles = portal.listAccountRoles(r -> r.accessToken(token).accountId("000000000042")).roleList();

        assertThat(roles).extracting(RoleInfo::roleName).containsExactly("AdministratorAccess", "ReadOnly");
        assertThat(roles).extracting(RoleInfo::accountId).containsOnly("000000000042");
        assertThat(emulator.calls(Operation.LIST_ACCOUNT_ROLES, c -> "000000000042".equals(c.accountId()))).hasSize(1);
    }

    @Test
    void listAccountRoles_pageSizeOne_pagesThroughRoles() {
        List<String> names = portal.listAccountRolesPaginator(r -> r.accessToken(token).accountId("000000000042")
                .maxResults(1)).roleList().stream().map(RoleInfo::roleName).toList();

        assertThat(names).containsExactly("AdministratorAccess", "ReadOnly");
        assertThat(emulator.count(Operation.LIST_ACCOUNT_ROLES)).isEqualTo(2);
    }

    @Test
    void listAccountRoles_accountIdWithoutLeadingZeros_notFound404() {
        assertThatThrownBy(() -> portal.listAccountRoles(r -> r.accessToken(token).accountId("42")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void getRoleCredentials_assignedRole_expirationInEpochMillis() {
        RoleCredentials creds = portal.getRoleCredentials(r -> r.accessToken(token).accountId("000000000042")
                .roleName("ReadOnly")).roleCredentials();

        assertThat(creds.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(creds.secretAccessKey()).hasSize(40);
        assertThat(creds.sessionToken()).isNotBlank();
        assertThat(creds.expiration()).isEqualTo(clock.instant().plus(Duration.ofHours(1)).toEpochMilli());
        assertThat(emulator.issuedSecrets()).contains(creds.secretAccessKey(), creds.sessionToken());
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS,
                c -> "000000000042".equals(c.accountId()) && "ReadOnly".equals(c.roleName()))).hasSize(1);
    }

    @Test
    void getRoleCredentials_unassignedRole_notFound404() {
        assertThatThrownBy(() -> portal.getRoleCredentials(r -> r.accessToken(token).accountId("000000000042")
                .roleName("Nope"))).isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void logout_thenAnyCall_unauthorizedButRoleCredentialsSurvive() {
        RoleCredentials creds = portal.getRoleCredentials(r -> r.accessToken(token).accountId("000000000042")
                .roleName("ReadOnly")).roleCredentials();

        portal.logout(r -> r.accessToken(token));

        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(token))).isInstanceOf(UnauthorizedException.class);
        try (var sts = Sdk.sts(emulator.endpoint(), creds)) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000042");
        }
        assertThat(emulator.calls(Operation.LOGOUT)).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(200));
    }

    @Test
    void listAccountRoles_rateLimitedFrozenClock_burstPassesThen429() {
        emulator.rateLimit(Operation.LIST_ACCOUNT_ROLES, 1, 3);

        for (int i = 0; i < 3; i++) {
            portal.listAccountRoles(r -> r.accessToken(token).accountId("000000000042"));
        }
        assertThatThrownBy(() -> portal.listAccountRoles(r -> r.accessToken(token).accountId("000000000042")))
                .isInstanceOfSatisfying(TooManyRequestsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.isThrottlingException()).isTrue();
                });
        clock.advance(Duration.ofSeconds(1));
        portal.listAccountRoles(r -> r.accessToken(token).accountId("000000000042"));

        assertThat(emulator.calls(Operation.LIST_ACCOUNT_ROLES, Call::throttled)).hasSize(1);
        assertThat(emulator.calls(Operation.LIST_ACCOUNT_ROLES, Call::succeeded)).hasSize(4);
        // Other operations have their own bucket.
        assertThat(portal.listAccounts(r -> r.accessToken(token)).accountList()).isNotEmpty();
    }

    @Test
    void getRoleCredentials_failureRateOne_500ThenHealedAfterReset() {
        emulator.failureRate(Operation.GET_ROLE_CREDENTIALS, 1.0);

        assertThatThrownBy(() -> portal.getRoleCredentials(r -> r.accessToken(token).accountId("000000000042")
                .roleName("ReadOnly"))).isInstanceOfSatisfying(SsoException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(500));
        emulator.failureRate(Operation.GET_ROLE_CREDENTIALS, 0);

        assertThat(portal.getRoleCredentials(r -> r.accessToken(token).accountId("000000000042").roleName("ReadOnly"))
                .roleCredentials()).isNotNull();
        assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS)).extracting(Call::status).containsExactly(500, 200);
    }

    @Test
    void failureRate_sameSeed_sameFailurePattern() {
        List<Integer> first = failurePattern(7);
        List<Integer> second = failurePattern(7);

        assertThat(first).isEqualTo(second).contains(200, 500);
    }

    private List<Integer> failurePattern(long seed) {
        try (IdentityCenterEmulator e = IdentityCenterEmulator.builder().seed(seed)
                .failureRate(Operation.LIST_ACCOUNTS, 0.5).build().start();
             SsoClient p = Sdk.portal(e.endpoint())) {
            String t = e.signIn().accessToken();
            for (int i = 0; i < 20; i++) {
                try {
                    p.listAccounts(r -> r.accessToken(t));
                } catch (SsoException ignored) {
                    // counted from the call log below
                }
            }
            return e.calls(Operation.LIST_ACCOUNTS).stream().map(Call::status).toList();
        }
    }

    @Test
    void getRoleCredentials_50ParallelClients_allServedWithDistinctKeys() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            List<java.util.concurrent.Future<String>> keys = new ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 50; i++) {
                keys.add(pool.submit(() -> {
                    go.await();
                    return portal.getRoleCredentials(r -> r.accessToken(token).accountId("000000000042")
                            .roleName("ReadOnly")).roleCredentials().accessKeyId();
                }));
            }
            go.countDown();
            List<String> ids = new ArrayList<>();
            for (var f : keys) {
                ids.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }

            assertThat(ids).hasSize(50).doesNotHaveDuplicates();
            assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS, Call::succeeded)).hasSize(50);
            assertThat(emulator.callLog()).extracting(Call::sequence).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void latency_configured_callStillAnswered() {
        emulator.latency(Operation.LIST_ACCOUNTS, Duration.ofMillis(50));

        assertThat(portal.listAccounts(r -> r.accessToken(token).maxResults(1)).accountList()).hasSize(1);
    }

    @Test
    void callLog_noSecretsRecorded() {
        RoleCredentials creds = portal.getRoleCredentials(r -> r.accessToken(token).accountId("000000000042")
                .roleName("ReadOnly")).roleCredentials();

        String log = emulator.callLog().toString();

        assertThat(emulator.issuedSecrets()).contains(token, creds.secretAccessKey())
                .allSatisfy(s -> assertThat(log).doesNotContain(s));
    }
}

package io.awssso.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AccountId;
import io.awssso.api.AwsSsoException;
import io.awssso.api.CatalogRole;
import io.awssso.api.ConfigProblem;
import io.awssso.api.ConfigurationException;
import io.awssso.api.LoginRequiredException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleNotFoundException;
import io.awssso.core.AwsSso;
import io.awssso.core.ListQuery;
import io.awssso.core.RefreshListener;
import io.awssso.core.RefreshResult;
import io.awssso.core.RoleListing;
import io.awssso.core.RoleTags;
import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.MutableClock;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog end to end: the facade, the real SDK client, the emulator over HTTP, cache.json on disk. */
class CatalogServiceTest {
    private static final String PROD = "012345678901";
    private static final String DEV = "210987654321";
    private static final String MERGE_CONFIG = ""
            + "    DefaultRegion: us-west-2\n"
            + "    Accounts:\n"
            + "      \"" + PROD + "\":\n"
            + "        Name: Production\n"
            + "        DefaultRegion: eu-west-1\n"
            + "        Tags: {Env: prod, Team: platform, Color: red}\n"
            + "        Roles:\n"
            + "          AdministratorAccess:\n"
            + "            Profile: prod-admin\n"
            + "            DefaultRegion: eu-central-1\n"
            + "            Tags: {Team: admins, Level: admin}\n"
            + "          Deploy:\n"
            + "            Via: arn:aws:iam::" + PROD + ":role/AdministratorAccess\n"
            + "            ExternalId: ext-1\n"
            + "            Tags: {Chained: yes}\n";

    @TempDir
    Path home;

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-26T10:00:00Z"));
    private IdentityCenterEmulator emulator;
    private AwsSso engine;

    private CatalogHarness harness(IdentityCenterEmulator e) {
        emulator = e.start();
        return new CatalogHarness(home, emulator, clock);
    }

    private IdentityCenterEmulator.Builder emulatorBuilder() {
        return IdentityCenterEmulator.builder().clock(clock);
    }

    private CatalogHarness twoAccounts() {
        CatalogHarness h = harness(emulatorBuilder().build());
        emulator.addAccount(PROD, "My Prod", "prod@example.com", "AdministratorAccess", "ReadOnly");
        emulator.addAccount(DEV, "Dev Account", "dev@example.com", "ReadOnly");
        return h;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private static CatalogRole byArn(List<CatalogRole> roles, String arn) {
        return roles.stream().filter(r -> r.arn().toString().equals(arn)).findFirst()
                .orElseThrow(() -> new AssertionError("no role " + arn + " in " + roles));
    }

    @Test
    void refresh_manyAccounts_followsPagingAndListsEveryRole() {
        CatalogHarness h = harness(emulatorBuilder().generateAccounts(250, 2).build());
        engine = h.config("", "").signedIn().engine();

        RefreshResult result = engine.roles().refresh(4, RefreshListener.NONE);

        assertThat(result.accounts()).isEqualTo(250);
        assertThat(result.roles()).isEqualTo(500);
        assertThat(result.added()).hasSize(500);
        assertThat(emulator.calls(Operation.LIST_ACCOUNTS)).hasSize(3)
                .allSatisfy(c -> assertThat(c.parameter(Call.MAX_RESULTS)).isEqualTo("100"));
        assertThat(emulator.count(Operation.LIST_ACCOUNT_ROLES)).isEqualTo(250);
        assertThat(engine.roles().list()).hasSize(500);
    }

    @Test
    void refresh_zeroAccounts_isAnError() {
        CatalogHarness h = harness(emulatorBuilder().build());
        engine = h.config("", "").signedIn().engine();

        assertThatThrownBy(() -> engine.roles().refresh(0, RefreshListener.NONE))
                .isInstanceOf(AwsSsoException.class)
                .hasMessageContaining("no accounts");
        assertThat(Files.exists(h.cacheFile())).isFalse();
    }

    @Test
    void refresh_configMerge_appliesNameRegionProfileViaAndTagPrecedence() {
        engine = twoAccounts().config(MERGE_CONFIG, "").signedIn().engine();
        engine.roles().refresh(0, RefreshListener.NONE);

        List<CatalogRole> roles = engine.roles().list();
        CatalogRole admin = byArn(roles, "arn:aws:iam::" + PROD + ":role/AdministratorAccess");
        assertThat(admin.accountName()).isEqualTo("Production");
        assertThat(admin.accountAlias()).isEqualTo("My Prod");
        assertThat(admin.profile()).isEqualTo("prod-admin");
        assertThat(admin.defaultRegion()).isEqualTo("eu-central-1");
        // role tags over account tags over defaults
        assertThat(admin.tags()).containsEntry("Team", "admins").containsEntry("Env", "prod")
                .containsEntry("Level", "admin").containsEntry("AccountID", PROD)
                .containsEntry("AccountAlias", "My Prod").containsEntry("Email", "prod@example.com")
                .containsEntry("Role", "AdministratorAccess").containsEntry("AccountName", "Production")
                .containsEntry("Profile", "prod-admin").containsEntry("DefaultRegion", "eu-central-1");

        CatalogRole readOnly = byArn(roles, "arn:aws:iam::" + PROD + ":role/ReadOnly");
        assertThat(readOnly.profile()).isEqualTo("Production:ReadOnly"); // default ProfileFormat
        assertThat(readOnly.defaultRegion()).isEqualTo("eu-west-1");
        assertThat(readOnly.tags()).containsEntry("Team", "platform").containsEntry("DefaultRegion", "eu-west-1");

        CatalogRole dev = byArn(roles, "arn:aws:iam::" + DEV + ":role/ReadOnly");
        assertThat(dev.profile()).isEqualTo("DevAccount:ReadOnly");
        assertThat(dev.defaultRegion()).isEqualTo("us-west-2");
        assertThat(dev.tags()).doesNotContainKeys("AccountName", "DefaultRegion", "Team");

        // config-only Via role is restored
        CatalogRole deploy = byArn(roles, "arn:aws:iam::" + PROD + ":role/Deploy");
        assertThat(deploy.via()).isEqualTo(RoleArn.parse("arn:aws:iam::" + PROD + ":role/AdministratorAccess"));
        assertThat(deploy.tags()).containsEntry("Via", deploy.via().toString()).containsEntry("Chained", "yes")
                .containsEntry("AccountID", PROD);
    }

    @Test
    void refresh_duplicateProfileNames_isAnErrorNamingBothRoles() {
        engine = twoAccounts().config("", "ProfileFormat: '{{ .RoleName }}'\n").signedIn().engine();

        assertThatThrownBy(() -> engine.roles().refresh(0, RefreshListener.NONE))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("duplicate profile name 'ReadOnly'")
                .hasMessageContaining("arn:aws:iam::" + PROD + ":role/ReadOnly")
                .hasMessageContaining("arn:aws:iam::" + DEV + ":role/ReadOnly");
    }

    @Test
    void refresh_badProfileFormat_failsNamingProfileFormatBeforeAnyCall() {
        engine = twoAccounts().config("", "ProfileFormat: '{{ NoSuch .RoleName }}'\n").signedIn().engine();

        assertThatThrownBy(() -> engine.roles().refresh(0, RefreshListener.NONE))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("ProfileFormat");
        assertThat(emulator.count(Operation.LIST_ACCOUNTS)).isZero();
    }

    @Test
    void refresh_profileFormatThatDoesNotParse_isConfigErrorAtTheKeyWithGoMessage() {
        CatalogHarness h = twoAccounts();
        engine = h.config("", "ProfileFormat: '{{ NoSuch .RoleName }}'\n").signedIn().engine();

        assertThatThrownBy(() -> engine.roles().refresh(0, RefreshListener.NONE))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    ConfigProblem p = e.problems().get(0);
                    assertThat(p.file()).isEqualTo(h.configFile);
                    assertThat(p.line()).isEqualTo(5);
                    assertThat(p.column()).isEqualTo(16);
                    assertThat(p.key()).isEqualTo("ProfileFormat");
                    assertThat(p.message()).isEqualTo("'{{ NoSuch .RoleName }}' is not a valid template:"
                            + " template: profile_name:1: function \"NoSuch\" not defined");
                });
    }

    @Test
    void roles_profileFormatFailingForARole_isConfigErrorNamingTheRoleTemplateAndPosition() {
        CatalogHarness h = twoAccounts();
        engine = h.config("", "ProfileFormat: '{{ .AccountName }}/{{ .Nope }}'\n").signedIn().engine();

        assertThatThrownBy(() -> engine.roles().refresh(0, RefreshListener.NONE))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    ConfigProblem p = e.problems().get(0);
                    assertThat(p.file()).isEqualTo(h.configFile);
                    assertThat(p.line()).isEqualTo(5);
                    assertThat(p.key()).isEqualTo("ProfileFormat");
                    assertThat(p.message()).startsWith("'{{ .AccountName }}/{{ .Nope }}' failed for role arn:aws:iam::")
                            .endsWith(": template: profile_name:1:22: executing \"profile_name\" at <.Nope>:"
                                    + " can't evaluate field Nope in type *roles.AWSRoleFlat");
                });
    }

    @Test
    void roles_profileFormatWithIfElse_namesRolesAsGoWould() {
        engine = twoAccounts().config("", "ProfileFormat: '{{ if .AccountName }}{{ .AccountName | kebabcase }}"
                + "{{ else }}{{ .AccountAlias | nospace }}{{ end }}:{{ .RoleName }}'\n").signedIn().engine();
        engine.roles().refresh(0, RefreshListener.NONE);

        assertThat(engine.roles().list()).extracting(CatalogRole::profile)
                .containsExactlyInAnyOrder("MyProd:AdministratorAccess", "MyProd:ReadOnly", "DevAccount:ReadOnly");
    }

    @Test
    void expired_byAgeConfigChangeAndNeverWithCacheRefreshZero() throws Exception {
        CatalogHarness h = twoAccounts().config("", "CacheRefresh: 2\n").signedIn();
        Files.setLastModifiedTime(h.configFile, FileTime.from(clock.instant().minusSeconds(60)));
        engine = h.engine();
        assertThat(engine.roles().expired()).isTrue(); // no cache yet
        engine.roles().refresh(0, RefreshListener.NONE);
        assertThat(engine.roles().expired()).isFalse();

        clock.advance(Duration.ofHours(1));
        assertThat(engine.roles().expired()).isFalse();
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(engine.roles().expired()).isTrue();

        engine.roles().refresh(0, RefreshListener.NONE);
        assertThat(engine.roles().expired()).isFalse();
        Files.setLastModifiedTime(h.configFile, FileTime.from(clock.instant().plusSeconds(5)));
        assertThat(engine.roles().expired()).isTrue();

        engine.close();
        h.config("", "CacheRefresh: 0\n");
        engine = h.engine();
        clock.advance(Duration.ofDays(400));
        assertThat(engine.roles().expired()).isFalse();
    }

    @Test
    void expired_changedAccountsConfig_expiresEvenWithOldMtime() throws Exception {
        CatalogHarness h = twoAccounts().config("", "").signedIn();
        Instant old = clock.instant().minusSeconds(3600);
        Files.setLastModifiedTime(h.configFile, FileTime.from(old));
        engine = h.engine();
        engine.roles().refresh(0, RefreshListener.NONE);
        engine.close();

        h.config(MERGE_CONFIG, "");
        Files.setLastModifiedTime(h.configFile, FileTime.from(old));
        engine = h.engine();
        assertThat(engine.roles().expired()).isTrue();
    }

    @Test
    void roles_expiredCache_refreshesOnceAndListOnlyWarns() {
        CatalogHarness h = twoAccounts().config("", "").signedIn();
        engine = h.engine();
        RoleListing before = engine.roles().listing(ListQuery.defaults());
        assertThat(before.rows()).isEmpty();
        assertThat(before.cacheExpired()).isTrue();
        assertThat(emulator.count(Operation.LIST_ACCOUNTS)).isZero();

        assertThat(engine.roles().list()).hasSize(3);
        assertThat(engine.roles().list()).hasSize(3);
        assertThat(emulator.count(Operation.LIST_ACCOUNTS)).isEqualTo(1);
    }

    @Test
    void refresh_failurePartWay_keepsPreviousCacheAndNamesTheAccounts() {
        CatalogHarness h = twoAccounts().config("", "MaxRetry: 2\nMaxBackoff: 1\n").signedIn();
        engine = h.engine();
        engine.roles().refresh(0, RefreshListener.NONE);
        String before = h.cacheText();

        emulator.addAccount("333333333333", "New", "new@example.com", "ReadOnly");
        emulator.failureRate(Operation.LIST_ACCOUNT_ROLES, 1.0);
        assertThatThrownBy(() -> engine.roles().refresh(0, RefreshListener.NONE))
                .isInstanceOf(AwsSsoException.class)
                .hasMessageContaining("failed for 3 accounts")
                .hasMessageContaining(PROD).hasMessageContaining(DEV).hasMessageContaining("333333333333")
                .hasMessageContaining("previous cache was kept");
        assertThat(h.cacheText()).isEqualTo(before);
        assertThat(emulator.count(Operation.LIST_ACCOUNT_ROLES)).isEqualTo(2 + 3 * 2); // first refresh, then 2 attempts each
    }

    @Test
    void refresh_serverErrors_areRetriedUntilEveryAccountIsListed() {
        CatalogHarness h = harness(emulatorBuilder().generateAccounts(40, 1).seed(7).build());
        engine = h.config("", "MaxRetry: 10\nMaxBackoff: 1\n").signedIn().engine();
        emulator.failureRate(Operation.LIST_ACCOUNT_ROLES, 0.3);

        RefreshResult result = engine.roles().refresh(5, RefreshListener.NONE);

        assertThat(result.roles()).isEqualTo(40);
        assertThat(emulator.calls(Operation.LIST_ACCOUNT_ROLES, c -> c.status() == 500)).isNotEmpty();
    }

    @Test
    void refresh_throttled_retriesAndAdaptsWithoutFailures() {
        // real clock here: the emulator's token bucket refills by its clock
        emulator = IdentityCenterEmulator.builder().generateAccounts(60, 1).build().start();
        emulator.rateLimit(Operation.LIST_ACCOUNT_ROLES, 40, 5);
        CatalogHarness h = new CatalogHarness(home, emulator, java.time.Clock.systemUTC());
        engine = h.config("", "").signedIn().engine();

        RefreshResult result = engine.roles().refresh(5, RefreshListener.NONE);

        assertThat(result.roles()).isEqualTo(60);
        long throttled = emulator.calls(Operation.LIST_ACCOUNT_ROLES, Call::throttled).size();
        assertThat(throttled).isPositive();
        assertThat(result.throttled()).isEqualTo((int) throttled);
    }

    @Test
    void refresh_hardThrottle_slowsDownAndCompletesInsteadOfFailing() {
        // issue 12: aws-sso-cli's outer loop (5 s pauses, 10 more rounds) on TooManyRequests. A token
        // every 5 s and MaxRetry 2 / MaxBackoff 1: two attempts never see a new token; before, the
        // refresh failed after them. The governor sleeps on the emulator's clock: no real waiting.
        CatalogHarness h = harness(emulatorBuilder().generateAccounts(3, 1).build());
        engine = h.config("", "MaxRetry: 2\nMaxBackoff: 1\n").signedIn().engine();
        emulator.rateLimit(Operation.LIST_ACCOUNT_ROLES, 0.2, 1);
        Instant start = clock.instant();
        catalogService(engine).governOn(() -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }, n -> clock.advance(Duration.ofNanos(Math.max(0, n))));

        RefreshResult result = engine.roles().refresh(2, RefreshListener.NONE);

        assertThat(result.roles()).isEqualTo(3);
        assertThat(emulator.calls(Operation.LIST_ACCOUNT_ROLES, Call::succeeded)).hasSize(3);
        assertThat(result.throttled()).isPositive()
                .isEqualTo(emulator.calls(Operation.LIST_ACCOUNT_ROLES, Call::throttled).size());
        assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refresh_throttledBeyondEveryRound_failsNamingTheRoundsAndKeepsTheCache() {
        CatalogHarness h = harness(emulatorBuilder().generateAccounts(2, 1).build());
        engine = h.config("", "MaxRetry: 2\nMaxBackoff: 1\n").signedIn().engine();
        emulator.rateLimit(Operation.LIST_ACCOUNT_ROLES, 0.001, 1); // one token every 1000 s
        catalogService(engine).governOn(() -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }, n -> clock.advance(Duration.ofNanos(Math.max(0, n))));

        assertThatThrownBy(() -> engine.roles().refresh(1, RefreshListener.NONE))
                .isInstanceOf(AwsSsoException.class)
                .hasMessageContaining("failed for 1 account")
                .hasMessageContaining("still throttled after 22 attempts in 11 rounds (MaxRetry 2, MaxBackoff 1 s")
                .hasMessageEndingWith("the previous cache was kept");
        assertThat(h.cacheFile()).doesNotExist();
    }

    @Test
    void refresh_tokenRejectedMidway_renewsExactlyOnceSilently() {
        AtomicInteger roleCalls = new AtomicInteger();
        IdentityCenterEmulator[] self = new IdentityCenterEmulator[1];
        CatalogHarness h = harness(emulatorBuilder().generateAccounts(30, 2)
                .callListener(c -> {
                    if (c.operation() == Operation.LIST_ACCOUNT_ROLES && roleCalls.incrementAndGet() == 5) {
                        self[0].expireAccessTokens(); // revoked while the workers are running
                    }
                }).build());
        self[0] = emulator;
        engine = h.config("", "").signedIn().engine();

        RefreshResult result = engine.roles().refresh(5, RefreshListener.NONE);

        assertThat(result.roles()).isEqualTo(60);
        assertThat(emulator.calls(Operation.LIST_ACCOUNT_ROLES, c -> c.status() == 401)).isNotEmpty();
        assertThat(emulator.calls(Operation.CREATE_TOKEN, c -> "refresh_token".equals(c.grantType()))).hasSize(1);
        assertThat(emulator.count(Operation.START_DEVICE_AUTHORIZATION)).isZero();
        assertThat(emulator.count(Operation.AUTHORIZE)).isZero();
    }

    @Test
    void refresh_sessionEnded_isLoginRequiredWithoutBrowser() {
        CatalogHarness h = twoAccounts().config("", "").signedIn();
        engine = h.engine();
        emulator.endSessions();

        assertThatThrownBy(() -> engine.roles().refresh(0, RefreshListener.NONE))
                .isInstanceOf(LoginRequiredException.class);
        assertThat(emulator.calls(Operation.CREATE_TOKEN, c -> "refresh_token".equals(c.grantType()))).hasSize(1);
        assertThat(emulator.count(Operation.START_DEVICE_AUTHORIZATION)).isZero();
    }

    @Test
    void refresh_reportsProgressToTheListener() {
        CatalogHarness h = harness(emulatorBuilder().generateAccounts(12, 1).build());
        engine = h.config("", "").signedIn().engine();
        List<String> events = new CopyOnWriteArrayList<>();
        engine.roles().refresh(3, new RefreshListener() {
            @Override
            public void started(int accounts) {
                events.add("started " + accounts);
            }

            @Override
            public void progress(int done, int total) {
                events.add("progress " + done + "/" + total);
            }

            @Override
            public void finished() {
                events.add("finished");
            }
        });
        assertThat(events).first().isEqualTo("started 12");
        assertThat(events).last().isEqualTo("finished");
        assertThat(events).contains("progress 12/12");
        List<Integer> done = events.stream().filter(e -> e.startsWith("progress"))
                .map(e -> Integer.parseInt(e.substring("progress ".length(), e.indexOf('/')))).toList();
        assertThat(done).isSorted().doesNotHaveDuplicates().last().isEqualTo(12);
        assertThat(events).filteredOn(e -> e.startsWith("progress")).allMatch(e -> e.endsWith("/12"));
    }

    @Test
    void refresh_diff_reportsAddedAndRemovedWithoutViaRoles() {
        CatalogHarness h = twoAccounts().config(MERGE_CONFIG, "").signedIn();
        engine = h.engine();
        RefreshResult first = engine.roles().refresh(0, RefreshListener.NONE);
        assertThat(first.added()).extracting(RoleArn::roleName).doesNotContain("Deploy");

        emulator.addRole(AccountId.parse(DEV), "PowerUser");
        RefreshResult second = engine.roles().refresh(0, RefreshListener.NONE);
        assertThat(second.added()).containsExactly(RoleArn.parse("arn:aws:iam::" + DEV + ":role/PowerUser"));
        assertThat(second.removed()).isEmpty();
    }

    @Test
    void recordHistory_movesToFrontTrimsAndTags() {
        CatalogHarness h = harness(emulatorBuilder().generateAccounts(3, 1).build());
        engine = h.config("", "HistoryLimit: 2\nHistoryMinutes: 60\n").signedIn().engine();
        engine.roles().refresh(0, RefreshListener.NONE);
        List<RoleArn> arns = engine.roles().list().stream().map(CatalogRole::arn).sorted().toList();

        engine.roles().recordUse(arns.get(0));
        clock.advance(Duration.ofSeconds(10));
        engine.roles().recordUse(arns.get(1));
        clock.advance(Duration.ofSeconds(10));
        engine.roles().recordUse(arns.get(2));

        Map<RoleArn, String> history = engine.roles().list().stream()
                .filter(r -> r.tags().containsKey("History"))
                .collect(Collectors.toMap(CatalogRole::arn, r -> r.tags().get("History")));
        CatalogRole third = engine.roles().get(arns.get(2));
        assertThat(history).containsOnlyKeys(arns.get(1), arns.get(2));
        assertThat(history.get(arns.get(2))).isEqualTo(third.accountAlias() + ":" + arns.get(2).roleName()
                + "," + clock.instant().getEpochSecond());
        assertThat(h.cacheText()).contains("\"History\" : [ \"" + arns.get(2) + "\", \"" + arns.get(1) + "\" ]");

        clock.advance(Duration.ofMinutes(61)); // older than HistoryMinutes: dropped on load
        assertThat(engine.roles().list()).noneMatch(r -> r.tags().containsKey("History"));
    }

    @Test
    void refresh_keepsHistoryAndUnexpiredCredentialExpiry() {
        CatalogHarness h = twoAccounts().config("", "").signedIn();
        engine = h.engine();
        engine.roles().refresh(0, RefreshListener.NONE);
        RoleArn arn = RoleArn.parse("arn:aws:iam::" + PROD + ":role/ReadOnly");
        engine.roles().recordUse(arn);
        Instant expires = clock.instant().plus(Duration.ofHours(1));
        CatalogService service = catalogService(engine);
        service.recordCredentialsExpire(arn, expires);

        engine.roles().refresh(0, RefreshListener.NONE);

        CatalogRole role = engine.roles().get(arn);
        assertThat(role.credentialsExpire()).isEqualTo(Instant.ofEpochSecond(expires.getEpochSecond()));
        assertThat(role.tags()).containsKey("History");
        RoleListing listing = engine.roles().listing(ListQuery.builder().fields(List.of("Arn", "Expires"))
                .prefix("RoleName", "Read").build());
        assertThat(listing.rows()).contains(List.of(arn, Instant.ofEpochSecond(expires.getEpochSecond())));
    }

    @Test
    void recordHistory_unknownRole_isRoleNotFound() {
        engine = twoAccounts().config("", "").signedIn().engine();
        engine.roles().refresh(0, RefreshListener.NONE);
        assertThatThrownBy(() -> engine.roles().recordUse(RoleArn.parse("111111111111:Nope")))
                .isInstanceOf(RoleNotFoundException.class);
    }

    @Test
    void list_sortPrefixReverseAndUnknownField() {
        engine = twoAccounts().config("", "").signedIn().engine();
        engine.roles().refresh(0, RefreshListener.NONE);

        RoleListing byId = engine.roles().listing(ListQuery.builder().fields(List.of("Id", "AccountIdPad", "RoleName"))
                .build());
        assertThat(byId.rows()).containsExactly(List.of(0L, PROD, "AdministratorAccess"),
                List.of(1L, PROD, "ReadOnly"), List.of(2L, DEV, "ReadOnly"));
        RoleListing reversed = engine.roles().listing(ListQuery.builder().fields(List.of("Id", "RoleName", "AccountId"))
                .sortBy("RoleName").reverse(true).build());
        assertThat(reversed.rows()).extracting(r -> r.get(1)).containsExactly("ReadOnly", "ReadOnly", "AdministratorAccess");
        assertThat(reversed.rows()).extracting(r -> r.get(0)).containsExactly(0L, 1L, 2L);
        RoleListing filtered = engine.roles().listing(ListQuery.builder().fields(List.of("AccountId"))
                .prefix("AccountAlias", "Dev").build());
        assertThat(filtered.rows()).containsExactly(List.of(210987654321L));
        RoleListing defaults = engine.roles().listing(ListQuery.defaults());
        assertThat(defaults.fields()).containsExactly("AccountIdPad", "AccountAlias", "RoleName", "Profile", "Expires");
        assertThat(defaults.ssoName()).isEqualTo("Default");

        assertThatThrownBy(() -> engine.roles().listing(ListQuery.builder().fields(List.of("Nope")).build()))
                .hasMessage("unsupported field: 'Nope'");
        assertThatThrownBy(() -> engine.roles().listing(ListQuery.builder().fields(List.of("Arn"))
                .prefix("Expires", "1").build())).hasMessageContaining("Expires");
        assertThat(engine.roles().listFields()).containsKeys("Id", "Arn", "AccountId", "AccountIdPad", "AccountName",
                "AccountAlias", "DefaultRegion", "EmailAddress", "Expires", "ExpiresEpoch", "RoleName", "SSO",
                "Via", "Profile").hasSize(14);
    }

    @Test
    void tags_filtersByAccountAndRole() {
        engine = twoAccounts().config(MERGE_CONFIG, "").signedIn().engine();
        List<RoleTags> all = engine.roles().tags(r -> true);
        assertThat(all).hasSize(4);
        List<RoleTags> prodReadOnly = engine.roles().tags(r -> r.arn().accountId().equals(AccountId.parse(PROD))
                && r.arn().roleName().equals("ReadOnly"));
        assertThat(prodReadOnly).singleElement().satisfies(t -> {
            assertThat(t.arn().toString()).isEqualTo("arn:aws:iam::" + PROD + ":role/ReadOnly");
            assertThat(t.tags()).containsEntry("Env", "prod").containsEntry("Role", "ReadOnly");
        });
    }

    @Test
    void refresh_prunesInstancesNoLongerConfigured() throws Exception {
        CatalogHarness h = twoAccounts().config("", "").signedIn();
        Files.createDirectories(h.configDir);
        Files.writeString(h.cacheFile(), "{\"Version\":4,\"ConfigCreatedAt\":1,\"SSO\":{\"Gone\":{\"LastUpdate\":1,"
                + "\"Roles\":{\"Accounts\":{}}}}}");
        engine = h.engine();
        engine.roles().refresh(0, RefreshListener.NONE);
        assertThat(h.cacheText()).doesNotContain("\"Gone\"").contains("\"Default\"");
    }

    @Test
    void cacheFile_isPrivate() throws Exception {
        CatalogHarness h = twoAccounts().config("", "").signedIn();
        engine = h.engine();
        engine.roles().refresh(0, RefreshListener.NONE);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(h.cacheFile()))).isEqualTo("rw-------");
        try (var files = Files.list(h.configDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private static CatalogService catalogService(AwsSso engine) {
        try {
            var f = AwsSso.class.getDeclaredField("graph");
            f.setAccessible(true);
            return ((io.awssso.core.internal.di.CoreComponent) f.get(engine)).catalog();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}

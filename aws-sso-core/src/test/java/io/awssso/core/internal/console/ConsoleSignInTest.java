package io.awssso.core.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AwsSsoException;
import io.awssso.api.ClientRegistration;
import io.awssso.api.RoleArn;
import io.awssso.api.SsoToken;
import io.awssso.core.AwsSso;
import io.awssso.core.Console;
import io.awssso.core.ConsoleOptions;
import io.awssso.core.ConsoleSignIn;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.testkit.Call;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.InMemorySecureStore;
import io.awssso.testkit.IssuedTokens;
import io.awssso.testkit.MutableClock;
import io.awssso.testkit.Operation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console sign-in through the facade, against the emulator's federation endpoint over real HTTP. */
class ConsoleSignInTest {
    private static final RoleArn ADMIN = RoleArn.parse("arn:aws:iam::012345678901:role/AdministratorAccess");
    private static final RoleArn DEPLOY = RoleArn.parse("arn:aws:iam::210987654321:role/DeployRole");

    @TempDir
    Path home;
    final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-26T10:00:00Z"));
    final InMemorySecureStore store = InMemorySecureStore.create();
    final ByteArrayOutputStream user = new ByteArrayOutputStream();
    IdentityCenterEmulator emulator;

    @BeforeEach
    void start() throws Exception {
        emulator = IdentityCenterEmulator.builder().clock(clock).build().start();
        emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess");
        Path config = home.resolve(".config/aws-sso/config.yaml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n    StartUrl: "
                + emulator.startUrl() + "\n"
                + "    Accounts:\n      \"210987654321\":\n        Roles:\n          DeployRole:\n"
                + "            Via: " + ADMIN + "\n"
                + "            DefaultRegion: eu-central-1\n"
                + "            Tags:\n              Color: red\n              Icon: dollar\n"
                + "ConsoleDuration: 90\nUrlAction: printurl\nDefaultRegion: us-west-2\n");
        IssuedTokens t = emulator.signIn();
        ClientRegistration reg = new ClientRegistration(t.clientId(), t.clientSecret(), clock.instant(),
                clock.instant().plus(Duration.ofDays(90)), null, null,
                List.of(ClientRegistration.AUTHORIZATION_CODE, ClientRegistration.REFRESH_TOKEN));
        SsoToken token = new SsoToken(t.accessToken(), "Bearer",
                Duration.between(clock.instant(), t.accessTokenExpiresAt()), t.accessTokenExpiresAt(),
                t.refreshToken(), null);
        store.update(s -> s.withRegistration("Default", reg).withToken("Default", token));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private AwsSso engine(Map<String, String> extraEnv) {
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.putIfAbsent(Console.FEDERATION_URL_VARIABLE, emulator.endpoint() + "/federation");
        return AwsSso.builder().configFile(home.resolve(".config/aws-sso/config.yaml").toString())
                .environment(env, home).clock(clock).secureStore(store)
                .userMessages(new PrintStream(user, true, StandardCharsets.UTF_8))
                .identityCenterClientFactory(new SdkIdentityCenterClientFactory(
                        SdkClientOptions.defaults().withEndpoint(emulator.endpoint()).withRetries(1, null), clock))
                .build();
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : URI.create(url).getRawQuery().split("&")) {
            int eq = kv.indexOf('=');
            out.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Follows the login URL once: the emulator redirects to the destination for a token it issued. */
    private static String redirect(String url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        try {
            assertThat(c.getResponseCode()).isEqualTo(302);
            return c.getHeaderField("Location");
        } finally {
            c.disconnect();
        }
    }

    @Test
    void consoleSignIn_ssoRole_loginUrlCarriesAnIssuedTokenIssuerAndDestination() throws Exception {
        try (AwsSso sso = engine(Map.of())) {
            ConsoleSignIn s = sso.console().signIn(ADMIN, ConsoleOptions.defaults());

            Map<String, String> q = query(s.url());
            assertThat(s.url()).startsWith(emulator.endpoint() + "/federation?Action=login&");
            assertThat(q).containsEntry("Issuer", emulator.startUrl().toString())
                    .containsEntry("Destination", "https://console.aws.amazon.com/console/home?region=us-west-2");
            assertThat(redirect(s.url())).isEqualTo("https://console.aws.amazon.com/console/home?region=us-west-2");
            assertThat(emulator.calls(Operation.GET_SIGNIN_TOKEN)).singleElement()
                    .satisfies(c -> assertThat(c.succeeded()).isTrue());
            assertThat(s.roleChaining()).isFalse();
            assertThat(s.toString()).doesNotContain(q.get("SigninToken"));
        }
    }

    @Test
    void consoleSignIn_viaRole_asksNoDurationAndTheEmulatorIssuesAToken() throws Exception {
        try (AwsSso sso = engine(Map.of())) {
            ConsoleSignIn s = sso.console().signIn(DEPLOY, ConsoleOptions.builder().duration(Duration.ofMinutes(720)).build());

            assertThat(s.roleChaining()).isTrue();
            assertThat(s.region()).isEqualTo("eu-central-1");
            assertThat(redirect(s.url())).endsWith("region=eu-central-1");
            assertThat(emulator.calls(Operation.GET_SIGNIN_TOKEN)).singleElement()
                    .satisfies(c -> assertThat(c.accountId()).isEqualTo("210987654321"))
                    .satisfies(c -> assertThat(c.succeeded()).isTrue());
        }
    }

    @Test
    void openConsole_printUrl_printsTheUrlAndRecordsHistory() {
        try (AwsSso sso = engine(Map.of())) {
            ConsoleSignIn s = sso.console().open(ADMIN, ConsoleOptions.builder().region("ap-south-1").build());

            assertThat(user.toString(StandardCharsets.UTF_8)).isEqualTo(s.url() + "\n");
            assertThat(s.url()).contains("region%3Dap-south-1");
            assertThat(sso.roles().get(ADMIN).tags()).containsKey("History");
        }
    }

    @Test
    void openConsoleFromEnvironment_awsProfile_opensThatRole() {
        try (AwsSso sso = engine(Map.of("AWS_PROFILE", "prod:AdministratorAccess"))) {
            ConsoleSignIn s = sso.console().openFromEnvironment(ConsoleOptions.defaults());

            assertThat(s.role()).isEqualTo(ADMIN);
            assertThat(s.profile()).isEqualTo("prod:AdministratorAccess");
        }
    }

    @Test
    void openConsoleFromEnvironment_credentials_findTheRoleWithGetCallerIdentityAndUseThem() {
        io.awssso.api.RoleCredentials c;
        try (AwsSso sso = engine(Map.of())) {
            c = sso.credentials().get(ADMIN);
        }
        emulator.clearCallLog();
        try (AwsSso sso = engine(Map.of("AWS_ACCESS_KEY_ID", c.accessKeyId(), "AWS_SECRET_ACCESS_KEY",
                c.secretAccessKey(), "AWS_SESSION_TOKEN", c.sessionToken(), "AWS_PROFILE", "ignored"))) {
            ConsoleSignIn s = sso.console().openFromEnvironment(ConsoleOptions.defaults());

            assertThat(s.role()).isEqualTo(ADMIN);
            assertThat(emulator.count(Operation.GET_CALLER_IDENTITY)).isEqualTo(1);
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isZero();
            assertThat(emulator.calls(Operation.GET_SIGNIN_TOKEN)).singleElement()
                    .satisfies(call -> assertThat(call.parameter(Call.ACCESS_KEY_ID)).isEqualTo(c.accessKeyId()))
                    .satisfies(call -> assertThat(call.succeeded()).isTrue());
        }
    }

    @Test
    void openConsoleFromEnvironment_unknownProfile_isRoleNotFound() {
        try (AwsSso sso = engine(Map.of("AWS_PROFILE", "nope"))) {
            assertThatThrownBy(() -> sso.console().openFromEnvironment(ConsoleOptions.defaults()))
                    .isInstanceOf(io.awssso.api.RoleNotFoundException.class).hasMessageContaining("nope");
        }
    }

    @Test
    void consoleSignIn_durationOutOfRange_isRefusedBeforeAnyCall() {
        try (AwsSso sso = engine(Map.of())) {
            assertThatThrownBy(() -> sso.console().signIn(ADMIN, ConsoleOptions.builder().duration(Duration.ofMinutes(14)).build())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("15 to 720");
            assertThat(emulator.count(Operation.GET_ROLE_CREDENTIALS)).isZero();
        }
    }

    @Test
    void consoleSignIn_endpointRefuses_errorHasTheStatusButNoSecrets() {
        try (AwsSso sso = engine(Map.of(Console.FEDERATION_URL_VARIABLE, emulator.endpoint() + "/federation"))) {
            io.awssso.api.RoleCredentials c = sso.credentials().get(ADMIN);
            emulator.endSessions();
            clock.advance(Duration.ofHours(13)); // the role credentials have expired at the endpoint

            FederationClient f = new FederationClient(URI.create(emulator.endpoint() + "/federation"),
                    Duration.ofSeconds(5));
            assertThatThrownBy(() -> f.signinToken(c, 60)).isInstanceOf(AwsSsoException.class)
                    .hasMessageContaining("401")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(c.secretAccessKey())
                            .doesNotContain(c.sessionToken()).doesNotContain(c.accessKeyId()));
            assertThat(emulator.calls(Operation.GET_SIGNIN_TOKEN)).extracting(Call::status).containsExactly(401);
        }
    }
}

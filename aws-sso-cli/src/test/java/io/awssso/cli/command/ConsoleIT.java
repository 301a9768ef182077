package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.e2e.CliHarness;
import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Call;
import io.awssso.testkit.Operation;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code aws-sso console} as users run it: ./aws-sso against the emulator, whose federation
 * endpoint is reached through {@code AWS_SSO_FEDERATION_URL}.
 */
class ConsoleIT {
    private static final String DEPLOY = "arn:aws:iam::210987654321:role/DeployRole";
    private CliHarness h;

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        h.writeConfig(h.instanceBlock("Default")
                + "    Accounts:\n      \"210987654321\":\n        Roles:\n          DeployRole:\n"
                + "            Via: arn:aws:iam::012345678901:role/AdministratorAccess\n"
                + "            DefaultRegion: eu-central-1\n"
                + h.commonSettings() + "ConsoleDuration: 60\nDefaultRegion: us-west-2\n");
        h.env("AWS_SSO_FEDERATION_URL", h.emulator().endpoint() + "/federation");
        assertThat(h.run("login").exitCode()).isZero();
        h.emulator().clearCallLog();
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    /** The console login URL: the only line on stderr with printurl. */
    private static String url(Result r) {
        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.out()).isEmpty();
        String line = r.err().strip();
        assertThat(line).doesNotContain("\n");
        return line;
    }

    /** The emulator redirects a login URL with a sign-in token it issued to the destination. */
    private static String follow(String url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setInstanceFollowRedirects(false);
        try {
            assertThat(c.getResponseCode()).as("login URL accepted").isEqualTo(302);
            return c.getHeaderField("Location");
        } finally {
            c.disconnect();
        }
    }

    @Test
    void console_printUrl_printsALoginUrlWithATokenTheEmulatorIssued() throws Exception {
        Result r = h.run("console", "-p", "prod:AdministratorAccess", "--url-action", "printurl");

        String url = url(r);
        assertThat(url).startsWith(h.emulator().endpoint() + "/federation?Action=login&Issuer=");
        assertThat(follow(url)).isEqualTo("https://console.aws.amazon.com/console/home?region=us-west-2");
        assertThat(h.emulator().calls(Operation.GET_SIGNIN_TOKEN)).singleElement()
                .satisfies(c -> assertThat(c.succeeded()).isTrue())
                .satisfies(c -> assertThat(c.roleName()).isEqualTo("AdministratorAccess"));
    }

    @Test
    void console_viaRole_asksNoSessionDurationAndTheEmulatorAcceptsIt() throws Exception {
        Result r = h.run("console", "-a", DEPLOY, "-d", "720", "-u", "printurl");

        String url = url(r);
        assertThat(follow(url)).isEqualTo("https://console.aws.amazon.com/console/home?region=eu-central-1");
        assertThat(h.emulator().calls(Operation.ASSUME_ROLE)).hasSize(1);
        assertThat(h.emulator().calls(Operation.GET_SIGNIN_TOKEN)).singleElement()
                .satisfies(c -> assertThat(c.accountId()).isEqualTo("210987654321"))
                .satisfies(c -> assertThat(c.succeeded()).isTrue());
    }

    @Test
    void console_regionFromEnvironment_isTheDestinationRegion() throws Exception {
        Result r = h.run(Map.of("AWS_DEFAULT_REGION", "ap-southeast-2", "AWS_SSO_ROLE_ARN",
                "012345678901:ReadOnlyAccess"), "console", "-u", "printurl");

        assertThat(follow(url(r))).isEqualTo("https://console.aws.amazon.com/console/home?region=ap-southeast-2");
        assertThat(h.emulator().calls(Operation.GET_SIGNIN_TOKEN)).extracting(Call::roleName)
                .containsExactly("ReadOnlyAccess");
    }

    @Test
    void console_awsProfileOnly_usesThatProfileAndRecordsHistory() throws Exception {
        Result r = h.run(Map.of("AWS_PROFILE", "prod:ReadOnlyAccess"), "console", "-u", "printurl");

        follow(url(r));
        assertThat(h.emulator().calls(Operation.GET_SIGNIN_TOKEN)).extracting(Call::roleName)
                .containsExactly("ReadOnlyAccess");
        // the History tag is "<alias>:<role>,<epoch>"
        assertThat(java.nio.file.Files.readString(h.configDirectory().resolve("cache.json")))
                .contains("prod:ReadOnlyAccess,");
    }

    @Test
    void console_onlyCredentialsInTheEnvironment_findsTheirRoleAndSignsInWithThem() throws Exception {
        Result p = h.run("process", "--arn", "012345678901:ReadOnlyAccess");
        assertThat(p.exitCode()).as("%s", p).isZero();
        com.fasterxml.jackson.databind.JsonNode c = new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.out());
        h.emulator().clearCallLog();

        Result r = h.run(Map.of("AWS_ACCESS_KEY_ID", c.get("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", c.get("SecretAccessKey").asText(),
                "AWS_SESSION_TOKEN", c.get("SessionToken").asText()), "console", "-u", "printurl");

        follow(url(r));
        assertThat(h.emulator().count(Operation.GET_CALLER_IDENTITY)).isEqualTo(1);
        assertThat(h.emulator().count(Operation.GET_ROLE_CREDENTIALS)).isZero();
        assertThat(h.emulator().calls(Operation.GET_SIGNIN_TOKEN)).extracting(Call::roleName)
                .containsExactly("ReadOnlyAccess");
    }

    @Test
    void console_durationOutOfRange_isAUsageErrorWithoutAnyCall() throws Exception {
        Result r = h.run("console", "-p", "prod:AdministratorAccess", "-d", "721", "-u", "printurl");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
        assertThat(r.err()).contains("15 to 720");
        assertThat(h.emulator().callLog()).isEmpty();
    }

    @Test
    void console_noRoleAnywhere_saysHowToPickOne() throws Exception {
        Result r = h.run("console", "-u", "printurl");

        assertThat(r.exitCode()).as("%s", r).isNotZero();
        assertThat(r.err()).contains("--profile");
        assertThat(h.emulator().count(Operation.GET_SIGNIN_TOKEN)).isZero();
    }
}

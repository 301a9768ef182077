package io.awssso.core.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.SsoInstance;
import io.awssso.api.spi.IdentityCenterClient;
import io.awssso.core.internal.aws.SdkClientOptions;
import io.awssso.core.internal.aws.SdkIdentityCenterClientFactory;
import io.awssso.core.internal.config.AuthWorkflow;
import io.awssso.core.internal.config.UrlAction;
import io.awssso.core.internal.url.UrlOpener;
import io.awssso.testkit.IdentityCenterEmulator;
import io.awssso.testkit.InMemorySecureStore;
import io.awssso.testkit.Operation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code AwsCliSsoSession} set, botocore (a real, independent client) resolves role
 * credentials for an {@code sso_session} profile from the token file our login wrote.
 */
class AwsCliSsoSessionInteropTest {
    @TempDir
    Path home;

    @Test
    void botocore_ssoSessionProfile_usesTheTokenFileWeWrote() throws Exception {
        Clock clock = Clock.systemUTC(); // botocore judges expiry by the real clock
        try (IdentityCenterEmulator emulator = IdentityCenterEmulator.builder().clock(clock).build().start()) {
            emulator.addAccount("012345678901", "prod", "prod@example.com", "AdministratorAccess");
            SsoInstance instance = new SsoInstance("Default", emulator.startUrl().toString(), "us-east-1", null);
            try (IdentityCenterClient client = new SdkIdentityCenterClientFactory(
                    SdkClientOptions.defaults().withEndpoint(emulator.endpoint()), clock).create(instance)) {
                PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                LoginService login = new LoginService(client, InMemorySecureStore.create(), clock,
                        d -> { }, new UrlOpener(quiet, null, List.of(), "Linux", Map.of(), c -> { }),
                        quiet, new AwsCliTokenCache(home), new SecureRandom(), Map.of(), p -> null,
                        LoginService.loginLock(home.resolve("cfg")));
                login.login(new LoginSettings(instance, AuthWorkflow.DEVICE_CODE, UrlAction.PRINT_URL,
                        false, "my-sso"), false);
            }
            emulator.clearCallLog();

            Path config = home.resolve("aws-config");
            Files.writeString(config, String.join("\n",
                    "[profile p]",
                    "sso_session = my-sso",
                    "sso_account_id = 012345678901",
                    "sso_role_name = AdministratorAccess",
                    "region = us-east-1",
                    "",
                    "[sso-session my-sso]",
                    "sso_start_url = " + emulator.startUrl(),
                    "sso_region = us-east-1",
                    "sso_registration_scopes = sso:account:access",
                    ""));
            ProcessBuilder pb = new ProcessBuilder("python3", "-c",
                    "import boto3; c = boto3.Session(profile_name='p').get_credentials()"
                            + ".get_frozen_credentials(); print(c.access_key)");
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_"));
            env.put("HOME", home.toString());
            env.put("AWS_CONFIG_FILE", config.toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("none").toString());
            env.put("AWS_ENDPOINT_URL_SSO", emulator.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_SSO_OIDC", emulator.endpoint().toString());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(p.exitValue()).as("python3 + boto3 output: %s", out).isZero();
            assertThat(emulator.calls(Operation.GET_ROLE_CREDENTIALS)).singleElement()
                    .satisfies(c -> assertThat(c.accountId()).isEqualTo("012345678901"));
            assertThat(emulator.issuedSecrets()).isNotEmpty();
            assertThat(out).startsWith("ASIA");
            // botocore used our token as it was: no login, no refresh of its own
            assertThat(emulator.count(Operation.CREATE_TOKEN)).isZero();
        }
    }
}

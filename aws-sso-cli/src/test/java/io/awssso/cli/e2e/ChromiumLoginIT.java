package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.awssso.cli.e2e.CliHarness.Result;
import io.awssso.testkit.Call;
import io.awssso.testkit.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PKCE login completed by a real browser: Debian's headless Chromium, started by
 * {@code UrlAction: exec} with {@code UrlExecCommand: [chromium, <headless flags>, "%s"]}, opens
 * the emulator's authorize page and follows its redirect to the CLI's loopback listener.
 *
 * <p>Approval is the emulator's <em>automatic</em> approval: the authorize page redirects at once,
 * and Chromium's {@code --dump-dom} loads the page, follows the redirects and exits. Nothing clicks
 * an Allow button (headless Chromium without a DevTools driver cannot), so this proves the real
 * browser path — URL quoting, the redirect to 127.0.0.1 and the code exchange — not a person's
 * click. Skipped only when no {@code chromium} is on the PATH ({@code .ci/run} installs it).
 */
class ChromiumLoginIT {
    private CliHarness h;
    private Path profile;

    private static Optional<Path> chromium() {
        for (String dir : System.getenv("PATH").split(":")) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    @BeforeEach
    void start() throws Exception {
        h = CliHarness.start();
        profile = Files.createTempDirectory("chromium-profile");
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
        try (Stream<Path> paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void login_pkce_headlessChromiumFollowsTheAuthorizeUrl_andTheCodeIsExchanged() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium; .ci/run does)");
        String browser = "[" + String.join(", ", "\"" + chromium.get() + "\"", "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "\"--user-data-dir=" + profile + "\"",
                "--dump-dom", "\"%s\"") + "]";
        h.writeConfig(h.defaultConfig().replaceAll("UrlExecCommand: .*\n", "UrlExecCommand: " + browser + "\n"));
        assertThat(Files.readString(h.configFile())).doesNotContain("curl");

        Result r = h.run("login");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(r.err()).contains("Logged in to Default");
        assertThat(h.emulator().calls(Operation.AUTHORIZE)).isNotEmpty();
        assertThat(h.emulator().calls(Operation.CREATE_TOKEN)).extracting(Call::grantType)
                .containsExactly("authorization_code");
        // the browser's profile directory was used: Chromium, not anything else, opened the URL
        try (Stream<Path> files = Files.list(profile)) {
            assertThat(files).isNotEmpty();
        }
    }
}

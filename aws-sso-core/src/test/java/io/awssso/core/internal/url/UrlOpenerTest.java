package io.awssso.core.internal.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awssso.api.AwsSsoException;
import io.awssso.api.ConfigurationException;
import io.awssso.core.internal.config.UrlAction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UrlOpenerTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<List<String>> started = new ArrayList<>();
    private final FirefoxContainer container = new FirefoxContainer("Default", "blue", "fingerprint");

    private UrlOpener opener(String browser, List<String> exec, String os) {
        return new UrlOpener(new PrintStream(err, true, StandardCharsets.UTF_8), browser, exec, os,
                Map.of(), started::add);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(UrlAction.class)
    void open_fileUrl_isRefusedByEveryActionAndNothingStarts(UrlAction action) {
        UrlOpener opener = opener("firefox", List.of("firefox", "%s"), "Linux");

        assertThatThrownBy(() -> opener.open(action, "file:///etc/passwd", container))
                .isInstanceOf(AwsSsoException.class)
                .hasMessageContaining("only https URLs");
        assertThat(started).isEmpty();
        assertThat(err()).isEmpty();
    }

    @Test
    void open_print_writesExplanationAndUrlToTheUserStream() {
        opener(null, List.of(), "Linux").open(UrlAction.PRINT, "https://login", container);

        assertThat(err()).isEqualTo(String.format(
                "Please open the following URL in your browser:%n%nhttps://login%n%n"));
        assertThat(started).isEmpty();
    }

    @Test
    void open_printurl_writesOnlyTheUrl() {
        opener(null, List.of(), "Linux").open(UrlAction.PRINT_URL, "https://login", container);

        assertThat(err()).isEqualTo("https://login" + System.lineSeparator());
    }

    @Test
    void open_osc52_writesTheClipboardEscapeWithBase64Url() {
        opener(null, List.of(), "Linux").open(UrlAction.ANSI_OSC52, "https://login", container);

        assertThat(err()).startsWith("\u001b]52;c;aHR0cHM6Ly9sb2dpbg==\u0007");
    }

    @Test
    void open_openWithoutBrowser_usesThePlatformOpener() {
        opener(null, List.of(), "Linux").open(UrlAction.OPEN, "https://a", container);
        opener(null, List.of(), "Mac OS X").open(UrlAction.OPEN, "https://b", container);

        assertThat(started).containsExactly(List.of("xdg-open", "https://a"), List.of("open", "https://b"));
    }

    @Test
    void open_openWithBrowser_runsThatBrowser() {
        opener("/usr/bin/firefox", List.of(), "Linux").open(UrlAction.OPEN, "https://a", container);

        assertThat(started).containsExactly(List.of("/usr/bin/firefox", "https://a"));
    }

    @Test
    void open_exec_substitutesTheUrlIntoUrlExecCommand() {
        opener(null, List.of("chromium", "--headless", "--app=%s"), "Linux")
                .open(UrlAction.EXEC, "https://a", container);

        assertThat(started).containsExactly(List.of("chromium", "--headless", "--app=https://a"));
    }

    @Test
    void open_container_passesTheContainerUrlToUrlExecCommand() {
        opener(null, List.of("firefox", "%s"), "Linux")
                .open(UrlAction.OPEN_URL_IN_CONTAINER, "https://a", container);

        assertThat(started).containsExactly(List.of("firefox",
                "ext+container:name=Default&url=https%3A%2F%2Fa&color=blue&icon=fingerprint"));
    }

    @Test
    void open_execWithoutPlaceholder_isAConfigurationError() {
        assertThatThrownBy(() -> opener(null, List.of("firefox"), "Linux")
                .open(UrlAction.EXEC, "https://a", container))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("UrlExecCommand");
        assertThat(started).isEmpty();
    }

    @Test
    void open_containerWithoutUrlExecCommand_failsAtUseNamingTheKeyAndTheFix() {
        // FirefoxOpenUrlInContainer: true with Browser and no UrlExecCommand loads (as in
        // aws-sso-cli); only opening a console URL with it fails, and says how to fix it.
        assertThatThrownBy(() -> opener("/usr/bin/firefox", List.of(), "Linux")
                .open(UrlAction.OPEN_URL_IN_CONTAINER, "https://console", container))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("the URL action 'open-url-in-container'")
                .hasMessageContaining("FirefoxOpenUrlInContainer: true")
                .hasMessageContaining("UrlExecCommand, which is not set")
                .hasMessageContaining("add e.g. 'UrlExecCommand: [firefox, \"%s\"]' to config.yaml");
        assertThat(started).isEmpty();
    }

    @Test
    void open_launcherFails_tellsTheUserToOpenTheUrlThemselves() {
        UrlOpener failing = new UrlOpener(new PrintStream(err, true, StandardCharsets.UTF_8), null,
                List.of(), "Linux", Map.of(), cmd -> {
                    throw new IOException("No such file");
                });

        failing.open(UrlAction.OPEN, "https://a", container);

        assertThat(err()).contains("Could not start xdg-open").contains("https://a");
    }
}

package io.awssso.core.internal.url;

import io.awssso.api.ConfigurationException;
import io.awssso.api.AwsSsoException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import io.awssso.core.internal.config.UrlAction;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link UrlAction}. Commands are started, not awaited: a browser may keep running.
 * Messages for the user go to the given stream (stderr), never to stdout.
 */
public final class UrlOpener {
    private static final Logger LOG = LoggerFactory.getLogger(UrlOpener.class);

    /** Starts a command; injectable so tests can record instead of launching browsers. */
    @FunctionalInterface
    public interface Launcher {
        /** Starts {@code command}. */
        void start(List<String> command) throws IOException;
    }

    private final PrintStream user;
    private final String browser;
    private final List<String> urlExecCommand;
    private final String osName;
    private final Map<String, String> env;
    private final Launcher launcher;

    /**
     * @param user where messages for the person go (stderr)
     * @param browser the {@code Browser} setting, or null for the system browser
     * @param urlExecCommand the {@code UrlExecCommand} setting (may be empty)
     * @param osName the OS name ({@code os.name})
     * @param env the environment (used to find clipboard tools)
     * @param launcher starts processes
     */
    public UrlOpener(PrintStream user, String browser, List<String> urlExecCommand, String osName,
            Map<String, String> env, Launcher launcher) {
        this.user = user;
        this.browser = browser == null || browser.isBlank() ? null : browser;
        this.urlExecCommand = urlExecCommand == null ? List.of() : List.copyOf(urlExecCommand);
        this.osName = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        this.env = env;
        this.launcher = launcher;
    }

    /** A launcher that starts real processes with inherited stderr and discarded stdout. */
    public static Launcher processLauncher() {
        return command -> new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start()
                .getOutputStream()
                .close();
    }

    /**
     * Hands {@code url} to the user with {@code action}; {@code container} names the Firefox
     * container for the container actions.
     *
     * @throws AwsSsoException when {@code url} is not https (or http to this machine)
     */
    public void open(UrlAction action, String url, FirefoxContainer container) {
        OpenableUrl.require(url, "the URL");
        switch (action) {
            case PRINT -> user.printf("Please open the following URL in your browser:%n%n%s%n%n", url);
            case PRINT_URL -> user.println(url);
            case ANSI_OSC52 -> {
                String b64 = Base64.getEncoder().encodeToString(url.getBytes(StandardCharsets.UTF_8));
                user.print("\u001b]52;c;" + b64 + "\u0007");
                user.println("The URL was copied to your terminal's clipboard.");
            }
            case CLIP -> {
                copyToClipboard(url);
                user.println("Please open the URL copied to the clipboard.");
            }
            case OPEN -> run(openCommand(url), url);
            case EXEC -> run(execCommand(action, url), url);
            case OPEN_URL_IN_CONTAINER, GRANTED_CONTAINERS ->
                run(execCommand(action, container.wrap(action, url)), url);
        }
    }

    private List<String> openCommand(String url) {
        if (browser != null) {
            return List.of(browser, url);
        }
        if (osName.contains("mac")) {
            return List.of("open", url);
        }
        if (osName.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", url);
        }
        return List.of("xdg-open", url);
    }

    /**
     * The command line for {@code action}. Checked here, when a URL is opened, and not when the
     * config loads: aws-sso-cli accepts such a config too, and a user who never opens a URL with
     * it (say, the console with {@code FirefoxOpenUrlInContainer: true}) loses nothing.
     */
    private List<String> execCommand(UrlAction action, String argument) {
        long placeholders = urlExecCommand.stream().filter(s -> s.contains("%s")).count();
        if (urlExecCommand.size() < 2 || placeholders != 1) {
            throw new ConfigurationException("cannot open the URL: the URL action '"
                    + action.configName() + "' (UrlAction, AuthUrlAction, --url-action, or"
                    + " FirefoxOpenUrlInContainer: true) runs UrlExecCommand, which "
                    + (urlExecCommand.isEmpty() ? "is not set" : "must list a program and its"
                            + " arguments, exactly one of which contains %s (the URL)")
                    + "; add e.g. 'UrlExecCommand: [firefox, \"%s\"]' to config.yaml, or use"
                    + " another URL action (--url-action open or print)");
        }
        List<String> cmd = new ArrayList<>(urlExecCommand.size());
        for (String part : urlExecCommand) {
            cmd.add(part.replace("%s", argument));
        }
        return cmd;
    }

    private void run(List<String> command, String url) {
        try {
            LOG.debug("starting {}", command.get(0));
            launcher.start(command);
        } catch (IOException e) {
            // The user can still finish by hand; tell them how rather than failing the login.
            user.printf("Could not start %s (%s). Please open this URL yourself:%n%n%s%n%n",
                    command.get(0), e.getMessage(), url);
        }
    }

    private void copyToClipboard(String url) {
        List<List<String>> candidates = new ArrayList<>();
        if (osName.contains("mac")) {
            candidates.add(List.of("pbcopy"));
        } else if (osName.contains("win")) {
            candidates.add(List.of("clip.exe"));
        } else {
            if (env.containsKey("WAYLAND_DISPLAY")) {
                candidates.add(List.of("wl-copy"));
            }
            candidates.add(List.of("xclip", "-selection", "clipboard"));
            candidates.add(List.of("xsel", "--clipboard", "--input"));
        }
        for (List<String> cmd : candidates) {
            try {
                Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try (var in = p.getOutputStream()) {
                    in.write(url.getBytes(StandardCharsets.UTF_8));
                }
                if (p.waitFor() == 0) {
                    return;
                }
            } catch (IOException e) {
                LOG.debug("clipboard tool {} unavailable", cmd.get(0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AwsSsoException("no clipboard tool worked (tried pbcopy/clip.exe/wl-copy/xclip/xsel);"
                + " use --url-action print instead");
    }
}

package io.awssso.cli.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for interactive tests: a detached tmux session (200x50, its own server socket)
 * running one shell script; keys go in with {@code send-keys}, the screen comes back with
 * {@code capture-pane}. Waits poll the screen until a condition holds or a generous deadline
 * passes, never a fixed sleep.
 */
final class TmuxSession implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final java.util.regex.Pattern PROMPT = java.util.regex.Pattern.compile("(?m)^>( |$)");

    private final String socket = "aws-sso-it-" + UUID.randomUUID();
    private final Path dir;

    private TmuxSession(Path dir) {
        this.dir = dir;
    }

    /**
     * Starts {@code command} (a shell command line) in a new session with the given environment;
     * its exit status lands in {@link #exitCode()}.
     */
    static TmuxSession start(Path dir, Map<String, String> env, String command) throws Exception {
        TmuxSession s = new TmuxSession(dir);
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        for (Map.Entry<String, String> e : env.entrySet()) {
            script.append("export ").append(e.getKey()).append("='")
                    .append(e.getValue().replace("'", "'\\''")).append("'\n");
        }
        script.append("cd '").append(CliHarness.ROOT).append("'\n")
                .append(command).append("\n")
                .append("echo $? > '").append(s.rcFile()).append(".tmp' && mv '").append(s.rcFile())
                .append(".tmp' '").append(s.rcFile()).append("'\n")
                // Keep the pane open so the last screen can still be captured.
                .append("sleep 600\n");
        Path file = dir.resolve("tmux-" + s.socket + ".sh");
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        s.tmux("new-session", "-d", "-x", "200", "-y", "50", "-s", "it", file.toString());
        return s;
    }

    private Path rcFile() {
        return dir.resolve("tmux-" + socket + ".rc");
    }

    /** Types {@code keys} (tmux key names like {@code Enter}, {@code Tab}, {@code Down}, or text). */
    void send(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "it"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Types literal text (no key-name lookup). */
    void type(String text) throws Exception {
        tmux("send-keys", "-t", "it", "-l", text);
    }

    /** The visible screen. */
    String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", "it");
    }

    /** The visible screen with its colours, as SGR escape sequences ({@code capture-pane -e}). */
    String screenWithColours() throws Exception {
        return tmux("capture-pane", "-p", "-e", "-t", "it");
    }

    /** Waits until the screen satisfies {@code condition}; returns it. */
    String waitFor(String what, Predicate<String> condition) throws Exception {
        Instant end = Instant.now().plus(DEADLINE);
        String screen = screen();
        while (!condition.test(screen)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what + "; screen:\n" + screen);
            }
            Thread.onSpinWait();
            TimeUnit.MILLISECONDS.sleep(100);
            screen = screen();
        }
        return screen;
    }

    /** Waits until the screen shows {@code text}; returns the screen. */
    String waitFor(String text) throws Exception {
        return waitFor("'" + text + "'", s -> s.contains(text));
    }

    /** Waits until a line of the screen is the prompt {@code "> "} (capture-pane drops trailing spaces); returns the screen. */
    String waitForPrompt() throws Exception {
        return waitFor("the prompt", s -> PROMPT.matcher(s).find());
    }

    /** Waits for the command to end and returns its exit status. */
    int exitCode() throws Exception {
        Instant end = Instant.now().plus(DEADLINE);
        while (!Files.exists(rcFile())) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("the command did not end; screen:\n" + screen());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return Integer.parseInt(Files.readString(rcFile()).strip());
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            // tmux leaves the socket file behind after kill-server; remove it too.
            Path socketPath = Path.of(tmux("display-message", "-p", "#{socket_path}").strip());
            tmux("kill-server");
            Files.deleteIfExists(socketPath);
        } catch (IOException e) {
            // the server is already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.awssso.cli.agent;

import io.awssso.cli.internal.BuildInfo;
import io.awssso.core.ConfigSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Starts the agent in the background from a {@code process} run that starts a JVM anyway, so that
 * the next call is answered without one. Cheap when there is nothing to do (a stat and a small
 * read), never fails the run it is called from, and spawns at most one agent per runtime directory
 * at a time (a marker file younger than {@link #SPAWN_GRACE} means one is starting). Only a JVM
 * started by a launcher ({@code -Dawssso.launcher}) does this: tests, builds and embedders that
 * call {@code main} do not get an agent behind their back.
 */
public final class AgentAutoStart {
    static final String SPAWN_MARKER = "agent.spawn";
    static final Duration SPAWN_GRACE = Duration.ofSeconds(30);
    /** {@code Agent: false} as people write it; the agent itself reads the config properly too. */
    private static final Pattern TURNED_OFF = Pattern.compile(
            "(?m)^Agent[ \\t]*:[ \\t]*[\"']?(false|False|FALSE|f|F|0)[\"']?[ \\t]*(#.*)?$");

    private AgentAutoStart() {
    }

    /**
     * Starts an agent if the agent is on and none lives; returns at once either way.
     *
     * @param args the {@code process} command line (for {@code --config})
     */
    public static void maybeStart(String[] args) {
        try {
            Map<String, String> env = System.getenv();
            if (System.getProperty("awssso.launcher") == null || switchedOff(env)) {
                return;
            }
            maybeStart(args, env, new BuildInfo().version(), Clock.systemUTC());
        } catch (IOException | RuntimeException | LinkageError e) {
            // the agent only saves time: this run goes on as if there were none
        }
    }

    /**
     * Whether an agent was spawned.
     *
     * @param env the environment the run sees
     * @param clock what ages the spawn marker
     */
    static boolean maybeStart(String[] args, Map<String, String> env, String version, Clock clock)
            throws IOException {
        if (switchedOff(env)) {
            return false;
        }
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path config = ConfigSetup.locate(configFlag(args), env, home).file().toAbsolutePath().normalize();
        if (!Files.isRegularFile(config) || Files.size(config) > 1024 * 1024
                || TURNED_OFF.matcher(Files.readString(config, StandardCharsets.UTF_8)).find()) {
            return false;
        }
        Path dir = RuntimeDirectory.locate(env, config);
        if (Files.isDirectory(dir) && Agents.live(dir, version).filter(f -> f.config().equals(config)).isPresent()) {
            return false;
        }
        RuntimeDirectory.prepare(dir);
        Path marker = dir.resolve(SPAWN_MARKER);
        Instant now = clock.instant();
        try {
            Files.createFile(marker);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (Files.getLastModifiedTime(marker).toInstant().plus(SPAWN_GRACE).isAfter(now)) {
                return false; // another run is starting one
            }
            Files.setLastModifiedTime(marker, FileTime.from(now));
        }
        AgentLauncher.spawnUnwatched(config, dir);
        return true;
    }

    /** Whether the environment turns the agent off ({@code AWS_SSO_AGENT=0}, also false, off, no). */
    static boolean switchedOff(Map<String, String> env) {
        String v = env.get(Agents.SWITCH_VARIABLE);
        return v != null && (v.equals("0") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("off")
                || v.equalsIgnoreCase("no"));
    }

    /** The value of {@code --config} before any {@code --}. */
    static Optional<String> configFlag(String[] args) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals("--config") && i + 1 < args.length) {
                value = args[++i];
            } else if (args[i].startsWith("--config=")) {
                value = args[i].substring("--config=".length());
            }
        }
        return Optional.ofNullable(value);
    }
}

package io.awssso.cli.agent;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@code aws-sso agent start --foreground} as a detached process: its own session
 * ({@code setsid} when there is one), stdin from /dev/null, stdout and stderr appended to
 * {@code agent.log} (0600) in the runtime directory. The JDK starts children through a helper that
 * closes every other descriptor, so a caller's pipes (a {@code $(...)}, a test harness) are never
 * held open by the agent.
 *
 * <p>JVM flags for a small, long-lived process: the serial collector, a capped heap handed back
 * after use, a small code cache and two compiler threads. Both compilers stay on: the {@code file}
 * store derives its key (PBKDF2, 8,192 rounds of HMAC-SHA-256) on every read, which takes 3-5 ms
 * once C2 has compiled it with the SHA intrinsics and 100-300 ms with C1 alone.
 *
 * <p>Why {@link #spawnUnwatched} goes through a shell: the JDK watches every child it starts with a
 * "process reaper" thread that sits in native code ({@code waitpid}) until the child exits, and a
 * JVM that exits (even through {@code Runtime.halt}) waits for threads in native code to come
 * back, up to 30 times 10 ms (HotSpot's {@code VM_Exit::wait_for_threads_in_native_to_block}).
 * Watching a long-lived agent thus made every {@code process} run that started one end about
 * 300 ms after its answer. A shell that puts the agent in the background and exits at once is
 * reaped within milliseconds, and nothing is left in native code when the JVM exits.
 */
final class AgentLauncher {
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx64m",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:CICompilerCount=2",
            "-XX:ReservedCodeCacheSize=48m", "-Xss512k", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError",
            "-Xshare:auto");
    static final String LOG = "agent.log";
    private static final long MAX_LOG = 1024 * 1024;
    /** How long {@link #spawnUnwatched} waits for its shell, which exits right after a fork. */
    private static final Duration SHELL_EXIT = Duration.ofSeconds(2);

    private AgentLauncher() {
    }

    /**
     * Starts the agent for {@code configFile} and returns at once, as a child this JVM watches
     * ({@code agent start} reports an agent that exits early); this JVM's own exit then waits up to
     * ~300 ms for the watching thread (see above), which a command typed by hand can afford.
     *
     * @param directory the checked runtime directory (the log goes there)
     */
    static Process spawn(Path configFile, Path directory) throws IOException {
        return start(agentCommand(configFile), directory);
    }

    /**
     * Starts the agent for {@code configFile} through {@code /bin/sh -c '"$@" &'}, waits for that
     * shell (which exits as soon as the agent is forked), and returns: unlike {@link #spawn}, no
     * thread of this JVM is left waiting for the agent, so this JVM exits as fast as without it.
     * The agent's exit status is nobody's business here: {@code process} only saves time with it.
     * (As a background job of a non-interactive shell the agent ignores SIGINT; it is a daemon in
     * its own session, stopped by SIGTERM or {@code agent stop}.)
     *
     * @param directory the checked runtime directory (the log goes there)
     */
    static void spawnUnwatched(Path configFile, Path directory) throws IOException {
        startUnwatched(agentCommand(configFile), directory);
    }

    /** Starts {@code program} as {@link #spawnUnwatched} starts the agent. */
    static void startUnwatched(List<String> program, Path directory) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\" &", "aws-sso-agent"));
        command.addAll(program);
        Process shell = start(command, directory);
        try {
            shell.waitFor(SHELL_EXIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Process start(List<String> command, Path directory) throws IOException {
        Path log = directory.resolve(LOG);
        if (!Files.exists(log)) {
            Files.createFile(log, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else if (Files.size(log) > MAX_LOG) {
            Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        return builder.start();
    }

    /** {@code [setsid] java FLAGS ... agent start --foreground}, on this JVM's runtime and path. */
    private static List<String> agentCommand(Path configFile) {
        List<String> command = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                command.add(setsid);
                break;
            }
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        String launcher = System.getProperty("awssso.launcher");
        if (launcher != null && !launcher.isBlank()) {
            command.add("-Dawssso.launcher=" + launcher);
        }
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && !modulePath.isBlank()) {
            command.addAll(List.of("-p", modulePath, "-m", "io.awssso.cli/io.awssso.cli.Main"));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.awssso.cli.Main"));
        }
        command.addAll(List.of("--config", configFile.toString(), "agent", "start", "--foreground"));
        return command;
    }
}

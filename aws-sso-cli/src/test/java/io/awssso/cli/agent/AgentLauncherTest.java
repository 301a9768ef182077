package io.awssso.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code process} starts the agent: in the background, detached, and without anything of this
 * JVM left waiting for it (a JVM that exits waits for its threads in native code, and the JDK
 * waits for every child it started in native code: the run that started an agent ended ~300 ms
 * after its answer). A stand-in program plays the agent: it writes its pid and sleeps.
 */
@EnabledOnOs(OS.LINUX) // /proc shows the descriptors
class AgentLauncherTest {
    @TempDir
    Path dir;

    @Test
    void startUnwatched_leavesNoChildOfThisJvm_whileTheProgramRunsDetached() throws Exception {
        Path pidFile = dir.resolve("pid");
        AgentLauncher.startUnwatched(List.of("/bin/sh", "-c", "echo $$ > \"$0.tmp\" && mv \"$0.tmp\" \"$0\" && exec sleep 300",
                pidFile.toString()), dir);

        ProcessHandle program = ProcessHandle.of(awaitPid(pidFile)).orElseThrow();
        try {
            assertThat(program.isAlive()).isTrue();
            // nothing for this JVM to wait for when it exits
            assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid)).doesNotContain(program.pid());
            // stdin /dev/null, stdout and stderr the log (0600), no other descriptor of this JVM
            Path fds = Path.of("/proc", Long.toString(program.pid()), "fd");
            try (Stream<Path> open = Files.list(fds)) {
                assertThat(open.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("0", "1", "2");
            }
            assertThat(Files.readSymbolicLink(fds.resolve("0"))).isEqualTo(Path.of("/dev/null"));
            assertThat(Files.readSymbolicLink(fds.resolve("1"))).isEqualTo(dir.resolve(AgentLauncher.LOG).toRealPath());
            assertThat(Files.readSymbolicLink(fds.resolve("2"))).isEqualTo(dir.resolve(AgentLauncher.LOG).toRealPath());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(AgentLauncher.LOG))))
                    .isEqualTo("rw-------");
        } finally {
            program.destroy();
            program.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** The pid the program wrote (it runs in the background: at most 60 s). */
    private static long awaitPid(Path pidFile) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(pidFile)) {
            assertThat(System.nanoTime()).as("the program wrote no pid to %s", pidFile).isLessThan(deadline);
            Thread.sleep(20);
        }
        return Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
    }
}

package io.awssso.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fresh clone of this repository's HEAD runs the README's first command exactly as the README
 * writes it (read from its first code block, so the two cannot drift). The second command, the
 * tests, is not run here (it would run this test again); instead it must be the command
 * {@code .ci/run} runs.
 *
 * <p>Expensive: the clone builds the modules the demo needs from scratch. Maven runs offline
 * ({@code MAVEN_ARGS=-o}, read by Maven 3.9) from the local repository this build already filled,
 * so the test needs no network; the README's command itself carries no such flag.
 */
class FreshCloneIT {
    private Path clone;

    /** The commands of the README's first code block, comments dropped. */
    static List<String> readmeCommands(String readme) {
        int open = readme.indexOf("```");
        int start = readme.indexOf('\n', open) + 1;
        int end = readme.indexOf("```", start);
        List<String> commands = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            String command = line.replaceFirst("\\s+#.*$", "").strip();
            if (!command.isEmpty()) {
                commands.add(command);
            }
        }
        return commands;
    }

    @BeforeEach
    void cloneHead() throws Exception {
        clone = Files.createTempDirectory("aws-sso-clone").resolve("aws-sso");
        Process git = new ProcessBuilder("git", "clone", "--quiet", "--no-hardlinks", CliHarness.ROOT.toString(),
                clone.toString()).inheritIO().start();
        assertThat(git.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(git.exitValue()).isZero();
    }

    @AfterEach
    void delete() throws Exception {
        try (Stream<Path> paths = Files.walk(clone.getParent())) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void readme_secondCommand_isWhatCiRuns() throws Exception {
        List<String> commands = readmeCommands(Files.readString(clone.resolve("README.md")));
        List<String> ci = Files.readAllLines(clone.resolve(".ci/run")).stream()
                .map(String::strip).filter(l -> l.startsWith("./mvnw") && !l.equals("./mvnw -B -v")).toList();

        assertThat(commands).hasSize(2);
        assertThat(ci).last().isEqualTo(commands.get(1));
    }

    @Test
    void readme_firstCommandInAFreshClone_runsTheDemoToTheEnd() throws Exception {
        List<String> commands = readmeCommands(Files.readString(clone.resolve("README.md")));
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", commands.get(0)).directory(clone.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("MAVEN_"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("MAVEN_ARGS", "-o");
        Path out = clone.getParent().resolve("demo.out");
        Path err = clone.getParent().resolve("demo.err");
        Process demo = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean finished = demo.waitFor(20, TimeUnit.MINUTES);
        if (!finished) {
            demo.destroyForcibly();
        }
        String stderr = Files.readString(err);

        assertThat(finished).as("the demo finished; stderr:\n%s", stderr).isTrue();
        assertThat(demo.exitValue()).as("exit code; stderr:\n%s", stderr).isZero();
        assertThat(commands.get(0)).startsWith("./demo");
        assertThat(stderr).contains("demo: emulator at http://127.0.0.1:")
                .contains("$ aws-sso login")
                .contains("Logged in to Demo")
                .contains("demo: done.");
    }
}

package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecs docker start|stop} against a stand-in {@code docker} on the PATH that records each
 * call's arguments (one per line, calls separated by a {@code --} line) and fails the calls the
 * test names in {@code $FAKE_DOCKER_FAIL}. No Docker engine runs here.
 */
class EcsDockerCommandTest {
    @TempDir
    Path home;

    private CliRun cli;
    private Path log;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRun(home);
        Path bin = Files.createDirectories(home.resolve("bin"));
        log = home.resolve("docker-calls.txt");
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n"
                + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done >> \"$FAKE_DOCKER_LOG\"\n"
                + "echo -- >> \"$FAKE_DOCKER_LOG\"\n"
                + "case \" $FAKE_DOCKER_FAIL \" in *\" $1 \"*) echo \"Error: fake failure of $1\" >&2; exit 1;; esac\n"
                + "[ \"$1\" = image ] && echo sha256:0123\n"
                + "exit 0\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwx------"));
        cli.env("PATH", bin + ":/usr/bin:/bin").env("FAKE_DOCKER_LOG", log.toString());
    }

    /** The recorded calls, each as its argument list. */
    private List<List<String>> calls() throws Exception {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<List<String>> calls = new java.util.ArrayList<>();
        List<String> current = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.equals("--")) {
                calls.add(current);
                current = new java.util.ArrayList<>();
            } else {
                current.add(line);
            }
        }
        return calls;
    }

    @Test
    void start_createsAndStartsTheContainerWithTheDocumentedSettings() throws Exception {
        cli.run("setup", "ecs", "auth", "-t", "docker-token-1");

        CliRun.Result r = cli.run("ecs", "docker", "start", "--port", "4150");

        assertThat(r.exitCode()).as("%s", r).isZero();
        List<List<String>> calls = calls();
        assertThat(calls).extracting(c -> c.get(0)).containsExactly("image", "create", "start");
        assertThat(calls.get(0))
                .endsWith("synfinatic/aws-sso-cli-ecs-server:v" + System.getProperty("awssso.project.version"));
        String uid = Files.getAttribute(home, "unix:uid").toString();
        assertThat(String.join(" ", calls.get(1))).contains("--name aws-sso-cli-ecs-server")
                .contains("--network bridge")
                .contains("--publish 127.0.0.1:4150:4144/tcp")
                .contains("--env AWS_SSO_ECS_PORT=4144")
                .contains("--restart on-failure:3")
                .contains("--volume " + home.resolve(".aws-sso/mnt") + ":/app/.aws-sso/mnt")
                .contains("--user " + uid + ":")
                .doesNotContain("docker-token-1");
        assertThat(calls.get(2)).containsExactly("start", "aws-sso-cli-ecs-server");
        assertThat(r.err()).contains("http://127.0.0.1:4150/").doesNotContain("docker-token-1");
    }

    @Test
    void start_writesTheTokenIntoAnOwnerOnlyOneTimeFile() throws Exception {
        cli.run("setup", "ecs", "auth", "-t", "docker-token-2");

        cli.run("ecs", "docker", "start");

        Path secrets = home.resolve(".aws-sso/mnt/docker-ecs");
        assertThat(Files.readString(secrets)).contains("\"bearerToken\":\"docker-token-2\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void start_thenServerDocker_readsTheFileAndDeletesIt() throws Exception {
        cli.run("setup", "ecs", "auth", "-t", "docker-token-3");
        cli.run("ecs", "docker", "start");
        Path secrets = home.resolve(".aws-sso/mnt/docker-ecs");

        DockerSecrets read = DockerSecrets.readAndDelete(secrets);

        assertThat(read.bearerToken()).isEqualTo("docker-token-3");
        assertThat(read.hasTls()).isFalse();
        assertThat(secrets).doesNotExist();
    }

    @Test
    void start_flagsAndOptions_arePassedToTheContainersServer() throws Exception {
        cli.run("setup", "ecs", "auth", "-t", "docker-token-4");

        CliRun.Result r = cli.run("-L", "debug", "ecs", "docker", "start", "--disable-ssl", "--allowed-host",
                "ecs.compose,build-box", "--image", "example/ecs", "--version", "v9");

        assertThat(r.exitCode()).as("%s", r).isZero();
        List<String> create = calls().get(1);
        assertThat(create).endsWith("example/ecs:v9", "--allowed-host", "ecs.compose", "--allowed-host", "build-box",
                "--disable-ssl", "--level", "debug");
        assertThat(Files.readString(home.resolve(".aws-sso/mnt/docker-ecs")))
                .contains("\"bearerToken\":\"docker-token-4\"");
    }

    @Test
    void start_disableAuth_isRefusedWithoutDockerCalls() throws Exception {
        cli.run("setup", "ecs", "auth", "-t", "docker-token-5");

        CliRun.Result r = cli.run("ecs", "docker", "start", "--disable-auth");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).contains("--disable-auth is refused");
        assertThat(calls()).isEmpty();
        assertThat(home.resolve(".aws-sso/mnt/docker-ecs")).doesNotExist();
    }

    @Test
    void start_noStoredToken_generatesStoresAndHandsOverOneWithoutPrintingIt() throws Exception {
        CliRun.Result r = cli.run("ecs", "docker", "start");

        assertThat(r.exitCode()).as("%s", r).isZero();
        // Read the store itself: `docker start` created ~/.aws-sso/mnt, and a later run would now look
        // for its config in ~/.aws-sso (aws-sso-cli's legacy directory rule), not in this test's XDG one.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"EcsBearerToken\"\\s*:\\s*\"([^\"]*)\"")
                .matcher(Files.readString(cli.store()));
        assertThat(m.find()).as("a token in the store").isTrue();
        String stored = m.group(1);
        assertThat(stored).matches("[0-9a-f]{64}");
        assertThat(Files.readString(home.resolve(".aws-sso/mnt/docker-ecs")))
                .contains("\"bearerToken\":\"" + stored + "\"");
        assertThat(r.err()).contains("generated one and stored it")
                .contains("AWS_CONTAINER_AUTHORIZATION_TOKEN=\"Bearer $(aws-sso setup ecs auth --print)\"")
                .doesNotContain(stored);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void start_missingImage_failsBeforeCreatingAnything() throws Exception {
        cli.env("FAKE_DOCKER_FAIL", "image");

        CliRun.Result r = cli.run("ecs", "docker", "start");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.FAILURE.code());
        assertThat(r.err()).contains("is not available locally").contains("fake failure of image");
        assertThat(calls()).extracting(c -> c.get(0)).containsExactly("image");
        assertThat(home.resolve(".aws-sso/mnt/docker-ecs")).doesNotExist();
    }

    @Test
    void start_failingStart_removesTheContainerAndTheSecretsFile() throws Exception {
        cli.env("FAKE_DOCKER_FAIL", "start");

        CliRun.Result r = cli.run("ecs", "docker", "start");

        assertThat(r.exitCode()).as("%s", r).isEqualTo(ExitCode.FAILURE.code());
        assertThat(calls()).extracting(c -> c.get(0)).containsExactly("image", "create", "start", "rm");
        assertThat(calls().get(3)).containsExactly("rm", "--force", "aws-sso-cli-ecs-server");
        assertThat(home.resolve(".aws-sso/mnt/docker-ecs")).doesNotExist();
    }

    @Test
    void start_nonLoopbackWithoutAllowRemote_isAUsageErrorWithoutDockerCalls() throws Exception {
        CliRun.Result r = cli.run("ecs", "docker", "start", "--bind-ip", "0.0.0.0");

        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(calls()).isEmpty();
    }

    @Test
    void start_withAllowRemote_publishesOnTheGivenAddress() throws Exception {
        CliRun.Result r = cli.run("ecs", "docker", "start", "--bind-ip", "0.0.0.0", "--allow-remote");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(calls().get(1)).contains("0.0.0.0:4144:4144/tcp");
    }

    @Test
    void stop_stopsAndRemovesTheContainer() throws Exception {
        CliRun.Result r = cli.run("ecs", "docker", "stop");

        assertThat(r.exitCode()).as("%s", r).isZero();
        assertThat(calls()).containsExactly(List.of("stop", "aws-sso-cli-ecs-server"), List.of("rm", "aws-sso-cli-ecs-server"));
    }

    @Test
    void stop_noSuchContainer_failsWithDockersReason() throws Exception {
        cli.env("FAKE_DOCKER_FAIL", "stop");

        CliRun.Result r = cli.run("ecs", "docker", "stop");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(r.err()).contains("cannot stop the container aws-sso-cli-ecs-server").contains("fake failure of stop");
    }

    @Test
    void stop_noDockerOnThePath_saysSo() throws Exception {
        cli.env("PATH", home.resolve("empty").toString());

        CliRun.Result r = cli.run("ecs", "docker", "stop");

        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILURE.code());
        assertThat(r.err()).contains("docker command is not on the PATH");
    }
}

package io.awssso.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.cli.Main;
import io.awssso.cli.command.ProcessAnswers;
import io.awssso.testkit.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent answers exactly as the launcher's JVM path would, or not at all. Random configs, json
 * stores, command lines and {@code $AWS_SSO_*} variables (seeded, so a failure repeats): for each,
 * the agent is asked over HTTP, and the JVM path (the stored-credentials step, else the full tool,
 * in this JVM) runs on the same files. Whenever the agent answers 200, stdout, stderr and exit code
 * must be the JVM path's; when it declines, the status must be the one the protocol names for
 * that case. The stored-credentials step is also held to the engine alone: where it answers, the
 * full tool prints the same document.
 */
class AgentParityTest {
    private static final String ADMIN = "arn:aws:iam::012345678901:role/Admin";
    private static final int CASES = 250;

    @TempDir
    Path home;

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final RoutedStream systemOut = RoutedStream.over(originalOut);
    private final RoutedStream systemErr = RoutedStream.over(originalErr);

    @AfterEach
    void restoreStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    private static <T> T mostly(Random r, List<T> options) {
        return r.nextInt(5) < 4 ? options.get(0) : pick(r, options);
    }

    private static String config(Random r) {
        StringBuilder b = new StringBuilder(pick(r, List.of("", "# mine\n", "---\n"))).append("SSOConfig:\n");
        List<String> instances = pick(r, List.of(List.of("Default"), List.of("Other"), List.of("Default", "Other")));
        for (String name : instances) {
            b.append("  ").append(name).append(":\n    SSORegion: us-east-1\n")
                    .append("    StartUrl: https://d-1234567890.awsapps.com/start\n");
            if (r.nextBoolean()) {
                b.append("    Accounts:\n      \"012345678901\":\n        Name: Prod\n        Roles:\n")
                        .append("          Admin:\n            Profile: prod-admin\n");
            }
        }
        b.append(mostly(r, List.of("SecureStore: json\n", "SecureStore: 'json'\n", "SecureStore: json # plain\n")));
        b.append(pick(r, List.of("", "DefaultSSO: Other\n", "DefaultSSO: Missing\n")));
        b.append(mostly(r, List.of("", "LogLevel: error\n", "LogLevel: WARNING\n", "LogLevel: loud\n")));
        b.append(pick(r, List.of("", "JsonStore: ~/secrets/store.json\n")));
        b.append(pick(r, List.of("", "ProfileFormat: '{{ .AccountIdPad }}:{{ .RoleName }}'\n",
                "DefaultRegion: eu-west-1\n", "Agent: true\nAgentIdleTimeout: 30m\n")));
        return b.toString();
    }

    private static String entry(Random r, String arn, Instant expiration) {
        return "\"" + arn + "\":{\"roleName\":\"" + arn.substring(arn.indexOf('/') + 1) + "\",\"accountId\":"
                + pick(r, List.of("12345678901", "\"012345678901\"")) + ",\"accessKeyId\":\"ASIA" + r.nextInt(1000)
                + "\",\"secretAccessKey\":\"s3cr3t\",\"sessionToken\":\"tok\",\"expiration\":"
                + expiration.toEpochMilli() + "}";
    }

    private static String store(Random r) {
        Instant expiration = Instant.now().plusSeconds(pick(r, List.of(3600L, 7200L, -3600L, 30L, 55L, 43_200L)));
        String entries = entry(r, mostly(r, List.of(ADMIN, "arn:aws:iam::012345678901:role/Admin2")), expiration);
        entries += mostly(r, List.of("", "," + entry(r, "arn:aws:iam::111111111111:role/Other", expiration)));
        return mostly(r, List.of("{\"RoleCredentials\":{" + entries + "}}", "{\"RoleCredentials\":null}",
                "{\"RoleCredentials\":{" + entries + "}} trailing"));
    }

    private List<String> commandLine(Random r, Path config, Map<String, String> env) {
        List<String> args = new ArrayList<>(switch (r.nextInt(14)) {
            case 0, 1, 2 -> List.of("process", "--arn", ADMIN);
            case 3 -> List.of("process", "--arn=" + ADMIN);
            case 4, 5 -> List.of("process", "-A", pick(r, List.of("12345678901", "012345678901")), "-R", "Admin");
            case 6 -> List.of("process", "--profile", pick(r, List.of("prod-admin", "012345678901:Admin", "nope")));
            case 7 -> List.of("process", "--sts-refresh", "--arn", ADMIN);
            case 8 -> List.of("process", "--arn", pick(r, List.of("arn:aws:iam::111111111111:role/Missing",
                    "not-an-arn", "arn:aws:iam::12:role/Short")));
            case 9 -> List.of("process", pick(r, List.of("--bogus", "--arn", "extra")));
            case 10 -> List.of("--config", config.toString(), "process", "--arn", ADMIN);
            default -> List.of("process");
        });
        if (args.size() == 1) {
            switch (r.nextInt(3)) {
                case 0 -> env.put("AWS_SSO_ROLE_ARN", ADMIN);
                case 1 -> {
                    env.put("AWS_SSO_ACCOUNT_ID", "012345678901");
                    env.put("AWS_SSO_ROLE_NAME", "Admin");
                }
                default -> env.put("AWS_PROFILE", pick(r, List.of("prod-admin", "nope")));
            }
        }
        if (r.nextInt(6) == 0) {
            args.addAll(0, List.of("-S", pick(r, List.of("Default", "Other", "Nope"))));
        }
        return args;
    }

    /** What the launcher's JVM path prints: the stored-credentials step, else the full tool. */
    private AgentFixture.Result jvmPath(Map<String, String> env, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        systemOut.route(outStream);
        systemErr.route(errStream);
        try {
            String[] argv = args.toArray(String[]::new);
            Optional<String> stored = ProcessAnswers.fromStore(argv, env, home, errStream, null);
            if (stored.isPresent()) {
                return new AgentFixture.Result(0, stored.get(), err.toString(StandardCharsets.UTF_8));
            }
            int exit = Main.run(outStream, errStream, env, argv);
            return new AgentFixture.Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            systemOut.clear();
            systemErr.clear();
        }
    }

    /** The full tool alone (the engine). */
    private AgentFixture.Result engine(Map<String, String> env, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, args.toArray(String[]::new));
        return new AgentFixture.Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void wheneverTheAgentAnswers_itIsTheJvmPathsAnswer_andItDeclinesOnlyForTheProtocolsReasons() throws Exception {
        System.setOut(systemOut.printStream());
        System.setErr(systemErr.printStream());
        Random r = new Random(20261207L);
        Path dir = home.resolve(".config/aws-sso");
        Path runtime = dir.resolve("run");
        Files.createDirectories(home.resolve("secrets"));
        Files.createDirectories(dir);
        MutableClock clock = MutableClock.startingNow();
        int answered = 0;
        int declined = 0;
        int hits = 0;
        for (int i = 0; i < CASES; i++) {
            String config = config(r);
            String store = store(r);
            Files.writeString(dir.resolve("config.yaml"), config);
            Files.writeString(config.contains("JsonStore: ~") ? home.resolve("secrets/store.json")
                    : dir.resolve("store.json"), store);
            Map<String, String> agentEnv = new HashMap<>();
            agentEnv.put("HOME", home.toString());
            agentEnv.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
            String ssoVariable = mostly(r, Arrays.asList(null, "Other", "Nope"));
            if (ssoVariable != null) {
                agentEnv.put("AWS_SSO", ssoVariable);
            }
            Map<String, String> env = new HashMap<>(agentEnv);
            boolean otherInstance = r.nextInt(10) == 0;
            if (otherInstance) {
                env.put("AWS_SSO", "Default".equals(env.get("AWS_SSO")) ? "Other" : "Default");
            }
            List<String> args = commandLine(r, dir.resolve("config.yaml"), env);
            String context = "case " + i + ": " + args + " env " + env + "\n" + config + "\n" + store;

            AgentFixture.Result jvm = jvmPath(env, args);
            AgentClient.Response response;
            Agent agent = Agent.start(new Agent.Settings(dir.resolve("config.yaml"), agentEnv, RuntimeDirectory.prepare(
                    runtime), Duration.ofHours(1), false, AgentFixture.VERSION, List.of(), clock),
                    new ProcessRunner(systemOut, systemErr), Set.of("Default"));
            try {
                response = AgentClient.send(agent.file(), "POST", "/v1/process",
                        AgentFixture.body(home.toString(), env, args.toArray(String[]::new)));
            } finally {
                agent.close();
            }

            if (response.status() == 200) {
                answered++;
                assertThat(otherInstance).as("answered for another instance: " + context).isFalse();
                assertThat(AgentFixture.Result.parse(response.body())).as(context).isEqualTo(jvm);
                hits += jvm.exit() == 0 ? 1 : 0;
            } else {
                declined++;
                int expected = otherInstance ? 409 : 428;
                assertThat(response.status()).as(context + "\nJVM path: " + jvm).isEqualTo(expected);
                if (expected == 428) {
                    assertThat(jvm.exit()).as(context).isIn(4, 6);
                }
            }
            AgentFixture.Result engine = engine(env, args);
            assertThat(engine.exit()).as("the engine alone: " + context).isEqualTo(jvm.exit());
            assertThat(engine.out()).as("the engine alone: " + context).isEqualTo(jvm.out());
        }
        // Hits, errors and declines must all be common, or the comparison proves little.
        assertThat(hits).isGreaterThan(CASES / 10);
        assertThat(answered - hits).isGreaterThan(CASES / 10);
        assertThat(declined).isGreaterThan(CASES / 20);
    }
}

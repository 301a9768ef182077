package io.awssso.cli.agent;

import io.awssso.testkit.MutableClock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A throwaway HOME with a json-store config, and an agent on it in this JVM, for the agent's tests. */
final class AgentFixture implements AutoCloseable {
    static final String ADMIN = "arn:aws:iam::012345678901:role/Admin";
    static final String VERSION = "9.9.9-test";

    final Path home;
    final Path configDirectory;
    final Path config;
    final Path runtime;
    final Map<String, String> environment = new HashMap<>();
    final MutableClock clock = MutableClock.startingAt(Instant.now());
    private final List<Agent> agents = new ArrayList<>();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    /** Installed as System.out and System.err, as the agent process installs them. */
    final RoutedStream systemOut = RoutedStream.over(originalOut);
    final RoutedStream systemErr = RoutedStream.over(originalErr);

    AgentFixture(Path home) throws IOException {
        this(home, true);
    }

    /** With {@code jsonConfig} false, the config file in place is kept. */
    AgentFixture(Path home, boolean jsonConfig) throws IOException {
        this.home = home;
        this.configDirectory = home.resolve(".config/aws-sso");
        this.config = configDirectory.resolve("config.yaml");
        this.runtime = configDirectory.resolve("run");
        Files.createDirectories(configDirectory);
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        if (!jsonConfig) {
            return;
        }
        Files.writeString(config, "SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: https://d-1234567890.awsapps.com/start\nSecureStore: json\n");
    }

    /** Stores credentials for {@link #ADMIN} that expire {@code in} from now. */
    void storeCredentials(Duration in, String accessKeyId) throws IOException {
        long expiration = Instant.now().plus(in).toEpochMilli();
        Files.writeString(configDirectory.resolve("store.json"), "{\"RoleCredentials\":{\"" + ADMIN
                + "\":{\"roleName\":\"Admin\",\"accountId\":12345678901,\"accessKeyId\":\"" + accessKeyId
                + "\",\"secretAccessKey\":\"s3cr3t\",\"sessionToken\":\"tok\",\"expiration\":" + expiration + "}}}");
    }

    Agent.Settings settings(Duration idle) {
        return new Agent.Settings(config, environment, runtime, idle, false, VERSION, List.of(), clock);
    }

    Agent start() throws IOException {
        return start(settings(Duration.ofHours(1)));
    }

    Agent start(Agent.Settings settings) throws IOException {
        RuntimeDirectory.prepare(runtime);
        System.setOut(systemOut.printStream());
        System.setErr(systemErr.printStream());
        Agent agent = Agent.start(settings, new ProcessRunner(systemOut, systemErr), Set.of("Default"));
        agents.add(agent);
        return agent;
    }

    /** A request body as the launcher's client writes it. */
    static byte[] body(String cwd, Map<String, String> env, String... args) {
        StringBuilder b = new StringBuilder("cwd ").append(cwd).append('\n');
        env.forEach((k, v) -> b.append("env ").append(k).append('=').append(v).append('\n'));
        for (String a : args) {
            b.append("arg ").append(a).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] body(String... args) {
        return body(home.toString(), environment, args);
    }

    /**
     * The {@code application/x-aws-sso-result} body, parsed.
     *
     * @param exit the exit code
     * @param out stdout
     * @param err stderr
     */
    record Result(int exit, String out, String err) {
        static Result parse(byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            int exit = Integer.parseInt(text.substring("exit ".length(), nl));
            int at = nl + 1;
            int nl2 = text.indexOf('\n', at);
            int outLength = Integer.parseInt(text.substring(at + "out ".length(), nl2));
            byte[] bytes = body;
            int outStart = new String(bytes, 0, 0, StandardCharsets.UTF_8).length() + byteIndex(text, nl2 + 1);
            String out = new String(bytes, outStart, outLength, StandardCharsets.UTF_8);
            int errHead = outStart + outLength;
            int errNl = indexOf(bytes, (byte) '\n', errHead);
            String errLine = new String(bytes, errHead, errNl - errHead, StandardCharsets.US_ASCII);
            int errLength = Integer.parseInt(errLine.substring("err ".length()));
            if (errNl + 1 + errLength != bytes.length) {
                throw new AssertionError("the result body has " + bytes.length + " bytes, not " + (errNl + 1 + errLength));
            }
            return new Result(exit, out, new String(bytes, errNl + 1, errLength, StandardCharsets.UTF_8));
        }

        private static int byteIndex(String text, int charIndex) {
            return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
        }

        private static int indexOf(byte[] b, byte v, int from) {
            for (int i = from; i < b.length; i++) {
                if (b[i] == v) {
                    return i;
                }
            }
            throw new AssertionError("no line end after byte " + from);
        }
    }

    @Override
    public void close() {
        agents.forEach(Agent::close);
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}

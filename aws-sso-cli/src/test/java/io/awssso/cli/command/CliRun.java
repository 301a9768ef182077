package io.awssso.cli.command;

import io.awssso.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the tool in this JVM against a throwaway HOME whose config uses the plain {@code json}
 * store, so tests can read what a command stored. No Identity Center is needed by the commands
 * tested with it.
 */
final class CliRun {
    /** What a run produced. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final Path home;
    private final Map<String, String> environment = new HashMap<>();

    CliRun(Path home) throws IOException {
        this.home = home;
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        Files.createDirectories(configDirectory());
        Files.writeString(configDirectory().resolve("config.yaml"), "SSOConfig:\n"
                + "  Default:\n"
                + "    SSORegion: us-east-1\n"
                + "    StartUrl: https://d-1234567890.awsapps.com/start\n"
                + "SecureStore: json\n");
    }

    Path home() {
        return home;
    }

    Path configDirectory() {
        return home.resolve(".config/aws-sso");
    }

    /** The json store's file. */
    Path store() {
        return configDirectory().resolve("store.json");
    }

    CliRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.copyOf(environment), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}

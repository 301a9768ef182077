package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.core.AwsSso;
import io.awssso.testkit.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code process} fast path without an engine ({@link AwsSso.Builder#storedCredentialsWithoutEngine})
 * must never answer differently from the engine it stands in for. Random configs and json stores
 * (seeded, so a failure repeats) vary what the fast path reads; whenever it answers, an engine
 * built on the same files, flags and environment must give exactly that answer.
 */
class ProcessFastPathParityTest {
    private static final RoleArn ADMIN = RoleArn.parse("arn:aws:iam::012345678901:role/Admin");
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final int CASES = 400;

    @TempDir
    Path home;

    private static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    /** The first option (one the fast path can answer with) four times in five, else any. */
    private static <T> T mostly(Random r, List<T> options) {
        return r.nextInt(5) < 4 ? options.get(0) : pick(r, options);
    }

    private static String config(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(pick(r, List.of("", "# my config\n", "---\n")));
        b.append("SSOConfig:\n");
        List<String> instances = pick(r, List.of(List.of("Default"), List.of("Other"), List.of("Default", "Other")));
        for (String name : instances) {
            b.append("  ").append(name).append(":\n    SSORegion: us-east-1\n")
                    .append("    StartUrl: https://d-1234567890.awsapps.com/start\n");
        }
        b.append(mostly(r, List.of("SecureStore: json\n", "SecureStore: \"json\"\n", "SecureStore: 'json'\n",
                "SecureStore: json # plain text\n", "SecureStore: file\n", "")));
        b.append(pick(r, List.of("", "DefaultSSO: Other\n", "DefaultSSO: Missing\n", "DefaultSSO: ~\n",
                "DefaultSSO: \"\"\n")));
        b.append(mostly(r, List.of("", "LogLevel: error\n", "LogLevel: warn\n", "LogLevel: WARNING\n",
                "LogLevel: loud\n")));
        b.append(pick(r, List.of("", "JsonStore: ~/secrets/store.json\n", "JsonStore: \"\"\n")));
        b.append(pick(r, List.of("", "ProfileFormat: '{{ .AccountIdPad }}:{{ .RoleName }}'\n",
                "ListFields: [RoleName, AccountId]\n", "UrlAction: print\nDefaultRegion: eu-west-1\n")));
        return b.toString();
    }

    private static String entry(Random r, String arn, Instant expiration) {
        String account = pick(r, List.of("12345678901", "\"012345678901\""));
        String chaining = pick(r, List.of(",\"roleChaining\":false", ",\"roleChaining\":true", "",
                ",\"roleChaining\":null"));
        return "\"" + arn + "\":{\"roleName\":\"Admin\",\"accountId\":" + account
                + ",\"accessKeyId\":\"ASIA" + r.nextInt(1000) + "\",\"secretAccessKey\":\"s3cr3t\","
                + "\"sessionToken\":\"tok\",\"expiration\":" + expiration.toEpochMilli() + chaining + "}";
    }

    private static String store(Random r) {
        Instant expiration = NOW.plusSeconds(pick(r, List.of(3600L, -3600L, 30L, 60L, 61L, 3600L, 43_200L)));
        List<String> members = new ArrayList<>();
        members.add(mostly(r, List.of(ADMIN.toString(), "arn:aws:iam::12345678901:role/Admin",
                "arn:aws:iam::012345678901:role/Admin2")));
        String entries = entry(r, members.get(0), expiration);
        entries += mostly(r, List.of("", "," + entry(r, "arn:aws:iam::111111111111:role/Other", expiration),
                ",\"arn:aws:iam::111111111111:role/Broken\":{\"roleName\":\"Broken\"}"));
        String roles = mostly(r, List.of("{" + entries + "}", "null"));
        return mostly(r, List.of("{\"RoleCredentials\":" + roles + "}",
                "{\"CreateTokenResponse\":{},\"RoleCredentials\":" + roles + ",\"StaticCredentials\":{}}",
                "{\"RoleCredentials\":" + roles + "} trailing"));
    }

    @Test
    void wheneverTheFastPathAnswers_theEngineGivesTheSameAnswer() throws IOException {
        Random r = new Random(20261126L);
        Path dir = home.resolve(".config/aws-sso");
        Files.createDirectories(dir);
        Files.createDirectories(home.resolve("secrets"));
        MutableClock clock = MutableClock.startingAt(NOW);
        int answered = 0;
        int declined = 0;
        for (int i = 0; i < CASES; i++) {
            String config = config(r);
            String store = store(r);
            Files.writeString(dir.resolve("config.yaml"), config);
            Files.writeString(config.contains("JsonStore: ~") ? home.resolve("secrets/store.json")
                    : dir.resolve("store.json"), store);
            String ssoFlag = mostly(r, Arrays.asList(null, "Default", "Other", "Nope"));
            Map<String, String> variables = new HashMap<>();
            String ssoVariable = mostly(r, Arrays.asList(null, "Other", "Nope", ""));
            if (ssoVariable != null) {
                variables.put("AWS_SSO", ssoVariable);
            }

            AwsSso.Builder builder = AwsSso.builder().ssoInstance(ssoFlag).environment(variables, home)
                    .clock(clock).userMessages(new PrintStream(OutputStream.nullOutputStream()));
            Optional<RoleCredentials> fast = builder.storedCredentialsWithoutEngine(ADMIN);
            if (fast.isEmpty()) {
                declined++;
                continue;
            }
            answered++;
            String context = "case " + i + ", -S " + ssoFlag + ", AWS_SSO=" + ssoVariable + "\n" + config + "\n" + store;
            Optional<RoleCredentials> engine;
            try (AwsSso sso = builder.build()) {
                engine = sso.credentials().stored(ADMIN);
            } catch (RuntimeException e) {
                throw new AssertionError("the fast path answered where the engine fails (" + e + "): " + context, e);
            }
            assertThat(fast).as(context).isEqualTo(engine);
        }
        // Both outcomes must be common, or the comparison proves little.
        assertThat(answered).isGreaterThan(CASES / 10);
        assertThat(declined).isGreaterThan(CASES / 10);
    }
}

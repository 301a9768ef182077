package io.awssso.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.core.AwsSso;
import io.awssso.testkit.MutableClock;
import io.awssso.api.AccountId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
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
 *
 * <p>The forms added later ({@code --profile} resolved from the role cache, the {@code file} store
 * opened without the engine) are compared at the command line's level: whenever
 * {@link ProcessFastPath#cached} answers, the full tool ({@code Main.run}) on the same files,
 * arguments and environment exits 0 with the same stdout and stderr. Each also counts the answers
 * given without an engine, so that a fast path that quietly stepped aside (as before these forms
 * existed) fails the test.
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

    // ------------------------------------------------------------------ --profile, from cache.json

    private static final int CLI_CASES = 300;
    private static final String DEFAULT_FORMAT = "{{ FirstItem .AccountName (.AccountAlias | nospace) }}:{{ .RoleName }}";

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String profileConfig(Random r, String store) {
        StringBuilder b = new StringBuilder("SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: https://d-1234567890.awsapps.com/start\n");
        b.append(mostly(r, List.of("", "    Accounts:\n      \"012345678901\":\n        Name: Production\n")));
        b.append(pick(r, List.of("", "", "  Other:\n    SSORegion: eu-west-1\n"
                + "    StartUrl: https://d-0987654321.awsapps.com/start\n")));
        b.append("SecureStore: ").append(store).append('\n');
        b.append(pick(r, List.of("", "LogLevel: error\n", "LogLevel: warn\n")));
        b.append(mostly(r, List.of("", "ProfileFormat: '{{ .AccountIdPad }}:{{ .RoleName }}'\n",
                "ProfileFormat: '" + DEFAULT_FORMAT + "'\n")));
        b.append(mostly(r, List.of("", "CacheRefresh: 0\n", "CacheRefresh: 1\n", "CacheRefresh: \"48\"\n",
                "CacheRefresh: 0x30\n", "CacheRefresh: 1.5\n")));
        return b.toString();
    }

    private static String cacheRole(Random r, String arn, String profile) {
        return "{\"Arn\":\"" + arn + "\",\"DefaultRegion\":\"\",\"Expires\":0,\"Profile\":\"" + profile
                + "\",\"Via\":\"\",\"Tags\":{}}";
    }

    private static String cacheJson(Random r, String instance, long configMtime, long now) {
        String alias = pick(r, List.of("Prod Account", "prod", "", "Prod\\u00a0Account", "Prod\\tAccount",
                "Pr\\u00f6d Account"));
        String aliasMember = mostly(r, List.of("\"" + alias + "\"", "5", "null"));
        String name = pick(r, List.of("", "", "Production"));
        String adminArn = mostly(r, List.of("arn:aws:iam::012345678901:role/Admin", "", "not-an-arn"));
        String adminProfile = mostly(r, List.of("", "prod-admin", "OtherAccount:Admin"));
        String prod = "{\"Alias\":" + aliasMember + ",\"Name\":\"" + name + "\",\"EmailAddress\":\"p@example.com\","
                + "\"DefaultRegion\":\"\",\"Tags\":{},\"Roles\":{\"Admin\":" + cacheRole(r, adminArn, adminProfile)
                + ",\"ReadOnly\":" + cacheRole(r, "arn:aws:iam::012345678901:role/ReadOnly", "") + "}}";
        String other = "{\"Alias\":\"Other Account\",\"Name\":\"\",\"Roles\":{\"Admin\":"
                + cacheRole(r, "arn:aws:iam::111111111111:role/Admin", mostly(r, List.of("", "prod-admin"))) + "}}";
        String accounts = "\"12345678901\":" + prod + ",\"111111111111\":" + other
                + mostly(r, List.of("", ",\"012345678901\":" + prod, ",\"x1\":" + other));
        long version = mostly(r, List.of(4L, 3L, 5L));
        long createdAt = configMtime + mostly(r, List.of(0L, -5L, 100L));
        // no age within seconds of a CacheRefresh limit (1 h, 48 h, 168 h): the full tool runs a
        // moment after the fast path, and a cache that expires in between is no disagreement
        long lastUpdate = now - mostly(r, List.of(1800L, 200 * 3600L, 2 * 3600L, 50 * 3600L));
        String hash = mostly(r, List.of(sha256(DEFAULT_FORMAT + "{}"), "stale"));
        String section = mostly(r, List.of(instance, "Other"));
        return "{\"Version\":" + version + ",\"ConfigCreatedAt\":" + createdAt + ",\"SSO\":{\"" + section
                + "\":{\"LastUpdate\":" + lastUpdate + ",\"ConfigHash\":\"" + hash + "\",\"History\":[],"
                + "\"Roles\":{\"SSORegion\":\"us-east-1\",\"StartUrl\":\"https://d-1234567890.awsapps.com/start\","
                + "\"DefaultRegion\":\"\",\"Accounts\":{" + accounts + "}}}}}";
    }

    private static RoleCredentials credentials(Random r, RoleArn arn, Instant expiration) {
        return new RoleCredentials(arn, "ASIA" + r.nextInt(1000), "s3cr3t", "tok",
                expiration, false);
    }

    private static String jsonStoreOf(List<RoleCredentials> all) {
        StringBuilder b = new StringBuilder("{\"RoleCredentials\":{");
        for (RoleCredentials c : all) {
            if (b.charAt(b.length() - 1) != '{') {
                b.append(',');
            }
            b.append('"').append(RoleArn.of(c.accountId(), c.roleName())).append("\":{\"roleName\":\"")
                    .append(c.roleName()).append("\",\"accountId\":").append(c.accountId().asLong())
                    .append(",\"accessKeyId\":\"").append(c.accessKeyId()).append("\",\"secretAccessKey\":\"")
                    .append(c.secretAccessKey()).append("\",\"sessionToken\":\"").append(c.sessionToken())
                    .append("\",\"expiration\":").append(c.expiration().toEpochMilli()).append('}');
        }
        return b.append("}}").toString();
    }

    /** Adds {@code -S}/{@code $AWS_SSO} now and then; returns the instance the engine selects. */
    private static String chooseInstance(Random r, List<String> args, Map<String, String> variables) {
        String chosen = mostly(r, Arrays.asList(null, "Default", "Other"));
        if (chosen != null) {
            if (r.nextBoolean()) {
                args.add("-S");
                args.add(chosen);
            } else {
                variables.put("AWS_SSO", chosen);
            }
        }
        return chosen == null ? "Default" : chosen;
    }

    private Map<String, String> caseEnvironment(Path caseHome) {
        Map<String, String> variables = new HashMap<>();
        variables.put("HOME", caseHome.toString());
        variables.put("XDG_CONFIG_HOME", caseHome.resolve(".config").toString());
        return variables;
    }

    @Test
    void profile_wheneverTheFastPathAnswers_theFullToolPrintsTheSame() throws IOException {
        Random r = new Random(20261207L);
        int answered = 0;
        int declined = 0;
        for (int i = 0; i < CLI_CASES; i++) {
            Path caseHome = home.resolve("profile-" + i);
            Path dir = caseHome.resolve(".config/aws-sso");
            Files.createDirectories(dir);
            Map<String, String> variables = caseEnvironment(caseHome);
            String store = mostly(r, List.of("json", "file"));
            String config = profileConfig(r, store);
            Files.writeString(dir.resolve("config.yaml"), config);
            long now = Instant.now().getEpochSecond();
            long mtime = Files.getLastModifiedTime(dir.resolve("config.yaml")).toInstant().getEpochSecond();
            List<String> args = new ArrayList<>(List.of("process"));
            String instance = chooseInstance(r, args, variables);
            String cache = cacheJson(r, instance, mtime, now);
            Files.writeString(dir.resolve("cache.json"), cache);

            Instant expiration = Instant.now().truncatedTo(ChronoUnit.SECONDS)
                    .plusSeconds(mostly(r, List.of(3600L, -3600L, 30L)));
            List<RoleCredentials> stored = List.of(
                    credentials(r, RoleArn.parse("arn:aws:iam::012345678901:role/Admin"), expiration),
                    credentials(r, RoleArn.parse("arn:aws:iam::012345678901:role/ReadOnly"), expiration),
                    credentials(r, RoleArn.parse("arn:aws:iam::111111111111:role/Admin"), expiration));
            if (store.equals("json")) {
                Files.writeString(dir.resolve("store.json"), jsonStoreOf(stored));
            } else {
                variables.put("AWS_SSO_FILE_PASSWORD", "correct horse");
                for (RoleCredentials c : stored) {
                    ProcessFastPathCliParity.storeInFileStore(dir, variables, RoleArn.of(c.accountId(), c.roleName()), c);
                }
            }
            // half the time the name the default format gives the first account's Admin role
            String likely = cache.contains("\"Name\":\"Production\"") ? "Production:Admin" : "ProdAccount:Admin";
            String profile = r.nextBoolean() ? likely : pick(r, List.of("ProdAccount:Admin", "prod:Admin",
                    "Production:Admin", "prod-admin", "OtherAccount:Admin", "ProdAccount:ReadOnly",
                    "012345678901:Admin", "nope", ""));
            switch (r.nextInt(3)) {
                case 0 -> args.addAll(List.of("-p", profile));
                case 1 -> args.addAll(List.of("--profile", profile));
                default -> args.add("--profile=" + profile);
            }
            String[] argv = args.toArray(String[]::new);
            Map<String, String> environment = Map.copyOf(variables);

            ProcessFastPathCliParity.Fast fast = ProcessFastPathCliParity.fast(environment, caseHome, argv);
            if (fast.answer().isEmpty()) {
                declined++;
                continue;
            }
            answered++;
            String context = "case " + i + ": " + String.join(" ", argv) + " " + variables.keySet() + "\n" + config
                    + "\n" + cache;
            assertThat(fast.answer().get().engineBuilt()).as(context).isFalse();
            ProcessFastPathCliParity.assertSame(fast, ProcessFastPathCliParity.full(environment, argv), context);
        }
        assertThat(answered).as("answered without an engine").isGreaterThan(CLI_CASES / 10);
        assertThat(declined).isGreaterThan(CLI_CASES / 10);
    }

    // ------------------------------------------------------------------ the file store, without the engine

    @Test
    void fileStore_wheneverTheFastPathAnswers_theFullToolPrintsTheSame() throws IOException {
        Random r = new Random(202612071L);
        RoleArn admin = RoleArn.parse("arn:aws:iam::012345678901:role/Admin");
        int withoutEngine = 0;
        int declined = 0;
        for (int i = 0; i < CLI_CASES / 2; i++) {
            Path caseHome = home.resolve("file-" + i);
            Path dir = caseHome.resolve(".config/aws-sso");
            Files.createDirectories(dir);
            Map<String, String> variables = caseEnvironment(caseHome);
            StringBuilder config = new StringBuilder("SSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                    + "    StartUrl: https://d-1234567890.awsapps.com/start\n");
            config.append(pick(r, List.of("", "  Other:\n    SSORegion: eu-west-1\n"
                    + "    StartUrl: https://d-0987654321.awsapps.com/start\n")));
            config.append(mostly(r, List.of("SecureStore: file\n", "SecureStore: 'file' # encrypted\n",
                    "SecureStore: File\n", "")));
            config.append(pick(r, List.of("", "LogLevel: error\n", "LogLevel: warn\n", "LogLevel: loud\n")));
            Files.writeString(dir.resolve("config.yaml"), config);
            List<String> args = new ArrayList<>(List.of("process"));
            chooseInstance(r, args, variables);

            String password = "pässword " + r.nextInt(100);
            Map<String, String> writer = new HashMap<>(variables);
            writer.put("AWS_SSO_FILE_PASSWORD", password);
            Instant expiration = Instant.now().truncatedTo(ChronoUnit.SECONDS)
                    .plusSeconds(mostly(r, List.of(3600L, -3600L, 30L, 43_200L)));
            RoleArn storedRole = mostly(r, List.of(admin, RoleArn.parse("arn:aws:iam::012345678901:role/Admin2")));
            ProcessFastPathCliParity.storeInFileStore(dir, writer, storedRole, credentials(r, storedRole, expiration));
            if (r.nextInt(3) == 0) {
                RoleArn other = RoleArn.of(AccountId.parse("111111111111"), "Other");
                ProcessFastPathCliParity.storeInFileStore(dir, writer, other, credentials(r, other, expiration));
            }
            Path file = dir.resolve("secure/aws-sso-cli-records");
            switch (mostly(r, List.of("intact", "damaged", "missing", "not a token"))) {
                case "damaged" -> {
                    byte[] token = Files.readAllBytes(file);
                    int at = token.length / 2 + r.nextInt(token.length / 4);
                    token[at] = (byte) (token[at] == 'A' ? 'B' : 'A');
                    Files.write(file, token);
                }
                case "missing" -> Files.delete(file);
                case "not a token" -> Files.writeString(file, "{\"RoleCredentials\":{}}");
                default -> { }
            }
            String given = mostly(r, Arrays.asList(password, "wrong", null, ""));
            if (given != null) {
                variables.put("AWS_SSO_FILE_PASSWORD", given);
            }
            args.addAll(pick(r, List.of(List.of("--arn", admin.toString()), List.of("-a", "012345678901:Admin"),
                    List.of("-A", "012345678901", "-R", "Admin"), List.of("--account=12345678901", "--role=Admin"))));
            String[] argv = args.toArray(String[]::new);
            Map<String, String> environment = Map.copyOf(variables);

            ProcessFastPathCliParity.Fast fast = ProcessFastPathCliParity.fast(environment, caseHome, argv);
            if (fast.answer().isEmpty()) {
                declined++;
                continue;
            }
            if (!fast.answer().get().engineBuilt()) {
                withoutEngine++;
            }
            String context = "case " + i + ": " + String.join(" ", argv) + " " + variables.keySet() + "\n" + config;
            ProcessFastPathCliParity.assertSame(fast, ProcessFastPathCliParity.full(environment, argv), context);
        }
        assertThat(withoutEngine).as("answered without an engine").isGreaterThan(CLI_CASES / 20);
        assertThat(declined).isGreaterThan(CLI_CASES / 20);
    }
}

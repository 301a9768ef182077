package io.awssso.core.internal.fastpath;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleCredentials;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.ConfigLocation;
import io.awssso.core.internal.config.LogLevel;
import io.awssso.core.internal.credentials.ReuseMargin;
import io.awssso.core.internal.env.Environment;
import io.awssso.api.internal.io.BoundedFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * The stored credentials of a role, read without building the engine: the {@code process} cache
 * hit that every AWS SDK call through {@code credential_process} may pay for, where start-up time
 * is the whole cost. It reads only what such a hit needs (config.yaml's {@code SecureStore},
 * {@code JsonStore}, {@code LogLevel}, {@code DefaultSSO} and instance names, and the role's entry
 * in the {@code json} store) with {@link PlainYaml} (else SnakeYAML's plain loader) and Jackson's
 * streaming parser: no Dagger graph, no logging framework, no Jackson databind, no SDK.
 *
 * <p>It answers only when the answer is the engine's: the same config file, instance choice, store
 * file, ARN matching and one-minute margin. Anything else (another store backend, nothing valid
 * stored, anything unexpected in either file) is empty, meaning "ask the engine", which then reads
 * everything and reports any problem with file, line and key.
 *
 * <p>The store is read without {@code storage.lock}: writers replace the file by an atomic rename,
 * so a reader sees the old or the new file whole, and a shared lock would only add a system call
 * and a file to create.
 */
public final class StoredCredentialsReader {
    private static final String JSON_STORE = "json";
    private static final String FILE_STORE = "file";
    /** The file store's password ({@code EncryptedFileSecureStore.PASSWORD_VARIABLE}). */
    private static final String FILE_PASSWORD_VARIABLE = "AWS_SSO_FILE_PASSWORD";
    /** {@code CacheRefresh} when config sets none (ConfigBinder's default). */
    private static final int DEFAULT_CACHE_REFRESH_HOURS = 168;

    private final Environment env;
    private final Clock clock;
    private final PrintStream user;

    /**
     * @param env the environment (config location, {@code $AWS_SSO}, {@code ~} in paths)
     * @param clock decides expiry
     * @param user where the insecure-store warning goes (stderr)
     */
    public StoredCredentialsReader(Environment env, Clock clock, PrintStream user) {
        this.env = env;
        this.clock = clock;
        this.user = user;
    }

    /**
     * The stored credentials of {@code role} when they are valid for more than the engine's margin
     * and the config uses the {@code json} or the {@code file} store; otherwise empty (ask the
     * engine).
     *
     * @param configFlag the {@code --config} value, if given
     * @param ssoFlag the {@code -S/--sso} value, if given
     */
    public Optional<RoleCredentials> read(Optional<String> configFlag, Optional<String> ssoFlag, RoleArn role) {
        return read(configFlag, ssoFlag, role, null);
    }

    /**
     * The stored credentials of the role {@code profile} names ({@code -p/--profile}), when the
     * role cache resolves the name as the engine's catalog would without refreshing (see
     * {@link RoleCacheReader}) and {@link #read(Optional, Optional, RoleArn)} would answer for that
     * role; otherwise empty (ask the engine).
     */
    public Optional<RoleCredentials> readProfile(Optional<String> configFlag, Optional<String> ssoFlag,
            String profile) {
        if (profile == null || profile.isBlank()) {
            return Optional.empty(); // the engine's error
        }
        return read(configFlag, ssoFlag, null, profile);
    }

    private Optional<RoleCredentials> read(Optional<String> configFlag, Optional<String> ssoFlag, RoleArn arn,
            String profile) {
        try {
            ConfigLocation location = ConfigLocation.resolve(configFlag, env);
            // With a file store password at hand, the store's key derivation starts now and runs
            // while the config is read; it is used only if the config names the file store.
            Optional<String> password = env.get(FILE_PASSWORD_VARIABLE);
            FileStoreReader.Ahead fileStore = password.isPresent() && !password.get().isEmpty()
                    ? FileStoreReader.decryptAhead(FileStoreReader.file(location.directory()),
                            password.get().toCharArray())
                    : null;
            Map<?, ?> config = loadConfig(location.file());
            Object storeName = config == null ? null : config.get("SecureStore");
            boolean json = JSON_STORE.equals(storeName);
            if (!json && !FILE_STORE.equals(storeName)) {
                return Optional.empty();
            }
            String instance = instanceName(config, ssoFlag);
            if (instance == null) {
                return Optional.empty();
            }
            Optional<String> levelName = text(config, "LogLevel");
            Optional<LogLevel> level = levelName.isPresent() ? LogLevel.fromConfigName(levelName.get())
                    : Optional.of(LogLevel.INFO);
            if (level.isEmpty()) {
                return Optional.empty(); // a wrong LogLevel is the engine's to report
            }
            RoleArn role = arn != null ? arn : roleByProfile(config, instance, location, profile);
            if (role == null) {
                return Optional.empty();
            }
            RoleCredentials found;
            Path store;
            if (json) {
                Optional<String> jsonStore = text(config, "JsonStore");
                store = (jsonStore.isPresent() && !jsonStore.get().isBlank() ? env.expandPath(jsonStore.get())
                        : location.defaultJsonStore()).toAbsolutePath().normalize();
                found = readStore(readFile(store), role);
            } else {
                if (fileStore == null) {
                    return Optional.empty(); // no password: the engine asks for it at the terminal
                }
                store = FileStoreReader.file(location.directory());
                found = readStore(fileStore.await(), role);
            }
            if (found == null || found.expiresWithin(ReuseMargin.ROLE_CREDENTIALS, clock)) {
                return Optional.empty();
            }
            if (json && level.get() != LogLevel.ERROR) {
                // The warning the json store logs whenever the engine opens it; config's
                // LogLevel: error silences it, as it silences aws-sso-cli's warnings.
                user.println("WARN Using insecure json file store " + store + "; see SecureStore in config");
            }
            return Optional.of(found);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the engine reads it again and says what is wrong
        }
    }

    /**
     * The role {@code profile} names in the role cache, or null when the fast path cannot be sure
     * of the catalog's answer: only under the default ProfileFormat, with no {@code Accounts} for
     * the instance in config (whose settings enter the profile names and the config hash), and a
     * plain {@code CacheRefresh}.
     */
    private RoleArn roleByProfile(Map<?, ?> config, String instance, ConfigLocation location, String profile)
            throws IOException {
        if (config.containsKey("ProfileFormat")
                || !(config.get("SSOConfig") instanceof Map<?, ?> instances)
                || !(instances.get(instance) instanceof Map<?, ?> settings) || settings.containsKey("Accounts")) {
            return null;
        }
        int cacheRefresh = DEFAULT_CACHE_REFRESH_HOURS;
        if (config.containsKey("CacheRefresh")) {
            Optional<String> hours = text(config, "CacheRefresh");
            if (hours.isEmpty() || !hours.get().matches("-?(0|[1-9][0-9]{0,8})")) {
                return null; // another spelling of a number, or none: the engine's to read
            }
            cacheRefresh = Integer.parseInt(hours.get());
        }
        return new RoleCacheReader(location.cacheFile(), location.file(), clock)
                .roleByProfile(instance, cacheRefresh, RoleCacheReader.DEFAULT_CONFIG_HASH, profile);
    }

    /** The config's top-level mapping, or null when it is anything else. */
    private static Map<?, ?> loadConfig(Path file) throws IOException {
        String text;
        try {
            // strict, as the engine reads it: a stray byte is its error to report, not U+FFFD here
            text = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(BoundedFiles.read(file, BoundedFiles.MAX_CONFIG_BYTES))).toString();
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!text.contains(JSON_STORE) && !text.contains(FILE_STORE)) {
            return null; // it cannot choose either store: spare other stores' hits a second parse
        }
        // The usual config (plain nested mappings) without SnakeYAML's start-up; anything more with it.
        Map<String, Object> plain = PlainYaml.mappings(text);
        if (plain != null) {
            return plain;
        }
        Object document = SnakeYaml.load(text);
        return document instanceof Map<?, ?> map ? map : null;
    }

    /**
     * SnakeYAML's part, in a class of its own: referred to from the reader's own code, SnakeYAML's
     * types would be loaded to verify it even when {@link PlainYaml} reads the config.
     */
    private static final class SnakeYaml {
        /**
         * The document. Duplicate keys are an error for the engine, so they must not pass here
         * either. The failsafe schema reads every scalar as a string, which is all this needs, and
         * spares the start-up cost of the other schemas' regular expressions.
         */
        static Object load(String text) {
            LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false)
                    .setSchema(new FailsafeSchema()).build();
            return new Load(settings).loadFromString(text);
        }
    }

    /** The instance the engine would pick (AwsSsoConfig.selectInstance's rules), or null. */
    private String instanceName(Map<?, ?> config, Optional<String> ssoFlag) {
        if (!(config.get("SSOConfig") instanceof Map<?, ?> instances) || instances.isEmpty()) {
            return null;
        }
        Optional<String> requested = ssoFlag.isPresent() && !ssoFlag.get().isEmpty() ? ssoFlag
                : env.get(AwsSsoConfig.SSO_VARIABLE);
        if (requested.isPresent()) {
            return instances.get(requested.get()) instanceof Map ? requested.get() : null;
        }
        if (config.containsKey("DefaultSSO") && text(config, "DefaultSSO").isEmpty()) {
            return null; // not a plain string: the engine's to judge
        }
        String byDefault = text(config, "DefaultSSO").orElse(AwsSsoConfig.DEFAULT_SSO);
        if (instances.get(byDefault) instanceof Map) {
            return byDefault;
        }
        if (instances.size() == 1) {
            Map.Entry<?, ?> only = instances.entrySet().iterator().next();
            return only.getValue() instanceof Map && only.getKey() instanceof String name ? name : null;
        }
        return null;
    }

    private static Optional<String> text(Map<?, ?> map, String key) {
        return map.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static byte[] readFile(Path store) throws IOException {
        try {
            return BoundedFiles.read(store, BoundedFiles.MAX_STATE_BYTES);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * The role's entry in a {@code StorageData} / {@code store.json} document (the two share the
     * {@code RoleCredentials} member); null when there is no document, no entry, or anything
     * unexpected in it.
     */
    private static RoleCredentials readStore(byte[] bytes, RoleArn role) throws IOException {
        if (bytes == null) {
            return null;
        }
        RoleCredentials found = null;
        try (JsonParser p = new JsonFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String member = p.currentName();
                JsonToken value = p.nextToken();
                if (!member.equals("RoleCredentials") || value == JsonToken.VALUE_NULL) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_OBJECT) {
                    return null;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    // Every entry must read as the engine reads it (an ARN key, a whole entry):
                    // where the engine would refuse the store, this must not answer from it.
                    RoleArn key = RoleArn.parse(p.currentName());
                    boolean wanted = sameRole(key, role);
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        return null;
                    }
                    RoleCredentials entry = roleCredentials(p, key);
                    if (wanted) {
                        found = entry;
                    }
                }
            }
            if (p.nextToken() != null) {
                return null; // trailing content: the engine rejects the file
            }
        }
        return found;
    }

    /** One role entry, the parser on its START_OBJECT; the layout of reference 5.2. */
    private static RoleCredentials roleCredentials(JsonParser p, RoleArn role) throws IOException {
        String roleName = null;
        String accessKeyId = null;
        String secretAccessKey = null;
        String sessionToken = null;
        AccountId account = null;
        Long expiration = null;
        boolean chaining = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "roleName" -> roleName = string(p, t);
                case "accessKeyId" -> accessKeyId = string(p, t);
                case "secretAccessKey" -> secretAccessKey = string(p, t);
                case "sessionToken" -> sessionToken = string(p, t);
                case "accountId" -> account = t == JsonToken.VALUE_NUMBER_INT ? AccountId.of(p.getLongValue())
                        : AccountId.parse(string(p, t));
                case "expiration" -> {
                    if (t != JsonToken.VALUE_NUMBER_INT) {
                        throw new IllegalArgumentException("expiration is not a number");
                    }
                    expiration = p.getLongValue();
                }
                case "roleChaining" -> chaining = t == JsonToken.VALUE_TRUE
                        || (t != JsonToken.VALUE_FALSE && t != JsonToken.VALUE_NULL && fail());
                default -> p.skipChildren();
            }
        }
        if (expiration == null) {
            throw new IllegalArgumentException("no expiration");
        }
        // the record checks that nothing is missing
        return new RoleCredentials(new RoleArn(role.partition(), account, roleName), accessKeyId, secretAccessKey, sessionToken,
                Instant.ofEpochMilli(expiration), chaining);
    }

    /** RoleArn.equals, spelled out: a record's equals costs the fast path a method-handle bootstrap. */
    private static boolean sameRole(RoleArn a, RoleArn b) {
        return a.partition().equals(b.partition()) && a.accountId().value().equals(b.accountId().value())
                && a.roleName().equals(b.roleName());
    }

    private static String string(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("expected a string");
        }
        return p.getText();
    }

    private static boolean fail() {
        throw new IllegalArgumentException("roleChaining is not true or false");
    }
}

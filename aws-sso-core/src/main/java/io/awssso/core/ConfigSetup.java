package io.awssso.core;

import io.awssso.api.AwsSsoException;
import io.awssso.api.ConfigurationException;
import io.awssso.api.Partition;
import io.awssso.core.internal.config.ConfigLocation;
import io.awssso.core.internal.config.ConfigWriter;
import io.awssso.core.internal.config.StartUrls;
import io.awssso.core.internal.config.UrlAction;
import io.awssso.core.internal.env.Environment;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@code setup wizard} needs from the library: where config.yaml is, the choices the
 * reference offers (partitions, regions, ProfileFormat, URL actions), the start URL checks, and
 * writing the file (backup first, 4-space indentation, mode 0600, checked by the config loader
 * before it is written).
 *
 * <pre>{@code
 * ConfigSetup setup = ConfigSetup.locate(Optional.empty(), System.getenv(), home);
 * setup.write(new ConfigSetup.Answers("Default", "https://d-123.awsapps.com/start", "us-east-1",
 *         ConfigSetup.DEFAULT_PROFILE_FORMAT, Map.of()));
 * }</pre>
 */
public final class ConfigSetup {
    /** The ProfileFormat the reference calls "Default": {@code 000123456789:RoleName}. */
    public static final String DEFAULT_PROFILE_FORMAT = "{{ .AccountIdPad }}:{{ .RoleName }}";
    /** The ProfileFormat the reference calls "Friendly": {@code AccountName:RoleName}. */
    public static final String FRIENDLY_PROFILE_FORMAT =
            "{{ FirstItem .AccountName (.AccountAlias | nospace) }}:{{ .RoleName }}";
    /**
     * The top-level values a new config gets (reference 1.3, {@code setup wizard}); the wizard's
     * answers override them.
     */
    public static final Map<String, Object> NEW_CONFIG_DEFAULTS = defaults();

    private final ConfigLocation location;
    private final Environment env;
    private final Clock clock;

    private ConfigSetup(ConfigLocation location, Environment env, Clock clock) {
        this.location = location;
        this.env = env;
        this.clock = clock;
    }

    /**
     * Finds config.yaml as every command does: {@code --config}, {@code $AWS_SSO_CONFIG}, then the
     * config directory.
     *
     * @param configFlag the value of {@code --config}, if given
     * @param variables the environment variables
     * @param home the home directory
     */
    public static ConfigSetup locate(Optional<String> configFlag, Map<String, String> variables, Path home) {
        Environment env = Environment.of(variables, home);
        return new ConfigSetup(ConfigLocation.resolve(configFlag, env), env, Clock.systemDefaultZone());
    }

    /** The config file (it may not exist yet). */
    public Path file() {
        return location.file();
    }

    /** Whether the config file exists. */
    public boolean exists() {
        return Files.exists(location.file());
    }

    /** Whether this is a remote host ({@code $SSH_TTY} or {@code $WSL_DISTRO_NAME} set). */
    public boolean remoteHost() {
        return env.isRemoteHost();
    }

    /**
     * The regions where IAM Identity Center can live in a partition, the usual first: what the
     * wizard offers as SSO region once the partition is chosen.
     */
    public static List<String> identityCenterRegions(Partition partition) {
        return switch (partition) {
            case AWS -> List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1",
                    "ap-east-1", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2",
                    "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7",
                    "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ca-central-1",
                    "ca-west-1", "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2",
                    "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1",
                    "me-south-1", "me-central-1", "mx-central-1", "sa-east-1");
            case AWS_US_GOV -> List.of("us-gov-west-1", "us-gov-east-1");
            case AWS_CN -> List.of("cn-north-1", "cn-northwest-1");
            case AWS_EUSC -> List.of("eusc-de-east-1");
        };
    }

    /** The ProfileFormat choices: name to template. */
    public static Map<String, String> profileFormats() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Default", DEFAULT_PROFILE_FORMAT);
        m.put("Friendly", FRIENDLY_PROFILE_FORMAT);
        return m;
    }

    /**
     * The URL actions to offer: every action, or on a remote host only those that work there
     * ({@code exec}, {@code print}, {@code printurl}).
     */
    public List<String> urlActions() {
        if (remoteHost()) {
            return List.of("print", "printurl", "exec");
        }
        return java.util.Arrays.stream(UrlAction.values()).map(UrlAction::configName).toList();
    }

    /**
     * What is wrong with a start URL, if anything: the wizard takes only {@code https://<host>/start}
     * (plain http only to a loopback host, for local emulators), as aws-sso-cli's does.
     */
    public static Optional<String> startUrlProblem(String url) {
        return StartUrls.check(url).map(p -> "the start URL " + p.message());
    }

    /**
     * Sends an HTTP HEAD to the start URL (no redirects followed).
     *
     * @return the status code
     * @throws AwsSsoException when it cannot be reached within the timeout
     */
    public static int checkStartUrl(String url, Duration timeout) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL(url.strip()).openConnection();
            c.setRequestMethod("HEAD");
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout((int) timeout.toMillis());
            c.setReadTimeout((int) timeout.toMillis());
            return c.getResponseCode();
        } catch (IOException | IllegalArgumentException e) {
            throw new AwsSsoException("cannot reach " + url.strip() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /**
     * The wizard's answers.
     *
     * @param instance the SSO instance name (a key of {@code SSOConfig}); {@code Default} usually
     * @param startUrl {@code StartUrl}
     * @param ssoRegion {@code SSORegion}
     * @param profileFormat {@code ProfileFormat}
     * @param settings other top-level keys to set (the advanced answers: {@code DefaultRegion},
     *     {@code UrlAction}, {@code UrlExecCommand}, {@code ConsoleDuration}, ...), in order
     */
    public record Answers(String instance, String startUrl, String ssoRegion, String profileFormat,
            Map<String, Object> settings) {
        /** Checks presence and copies the settings. */
        public Answers {
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(startUrl, "startUrl");
            Objects.requireNonNull(ssoRegion, "ssoRegion");
            Objects.requireNonNull(profileFormat, "profileFormat");
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }
    }

    /**
     * The current values of the existing config, for the wizard's defaults: the instance's
     * {@code StartUrl}/{@code SSORegion} under {@code SSOConfig.<instance>.*} and every top-level
     * scalar by its key.
     *
     * @return empty when there is no config file
     */
    public Optional<Map<String, Object>> current(String instance) {
        return new ConfigWriter(env, clock).readTree(location.file()).map(tree -> {
            Map<String, Object> out = new LinkedHashMap<>(tree);
            out.remove("SSOConfig");
            if (tree.get("SSOConfig") instanceof Map<?, ?> sso && sso.get(instance) instanceof Map<?, ?> i) {
                i.forEach((k, v) -> out.put("SSOConfig." + instance + "." + k, v));
            }
            return out;
        });
    }

    /**
     * Creates or updates config.yaml: a new file gets {@link #NEW_CONFIG_DEFAULTS}; an existing one
     * keeps everything else and is backed up first.
     *
     * @return the backup file, when there was a config to back up
     * @throws ConfigurationException when the result would not be a valid config (nothing written)
     */
    public Optional<Path> write(Answers answers) {
        ConfigWriter writer = new ConfigWriter(env, clock);
        Optional<Map<String, Object>> existing = writer.readTree(location.file());
        Map<String, Object> tree = existing.orElseGet(LinkedHashMap::new);
        Map<String, Object> ssoConfig = childMap(tree, "SSOConfig");
        Map<String, Object> instance = childMap(ssoConfig, answers.instance());
        instance.put("SSORegion", answers.ssoRegion());
        instance.put("StartUrl", answers.startUrl().strip());
        if (existing.isEmpty()) {
            if (!answers.instance().equals("Default")) {
                tree.put("DefaultSSO", answers.instance());
            }
            NEW_CONFIG_DEFAULTS.forEach(tree::putIfAbsent);
        }
        tree.put("ProfileFormat", answers.profileFormat());
        tree.putAll(answers.settings());
        return writer.write(location, tree);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> childMap(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("UrlAction", "open");
        m.put("LogLevel", "error");
        m.put("ConsoleDuration", 720);
        m.put("CacheRefresh", 168);
        m.put("FullTextSearch", true);
        m.put("HistoryLimit", 10);
        m.put("HistoryMinutes", 1440);
        return java.util.Collections.unmodifiableMap(m);
    }
}

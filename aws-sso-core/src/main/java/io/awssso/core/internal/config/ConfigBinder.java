package io.awssso.core.internal.config;

import io.awssso.api.AccountId;
import io.awssso.core.internal.config.YamlNode.Mapping;
import io.awssso.core.internal.config.YamlNode.Position;
import io.awssso.core.internal.config.YamlNode.Scalar;
import io.awssso.core.internal.config.YamlNode.Sequence;
import io.awssso.core.internal.config.YamlReader.Field;
import io.awssso.core.internal.config.YamlReader.Located;
import io.awssso.core.internal.config.YamlReader.Section;
import io.awssso.core.internal.env.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a composed {@link YamlNode} tree to {@link AwsSsoConfig}: the known keys of each level
 * (below), the top-level settings with their defaults, migrations of deprecated keys, and
 * validation. Every problem is recorded with its line and dotted key, and binding carries on with
 * the default, so one run reports everything. Reading values is {@link YamlReader}'s, the
 * instances {@link InstanceBinder}'s, key hints {@link KeySuggestions}', start URLs
 * {@link StartUrls}'.
 */
final class ConfigBinder {
    static final List<String> TOP_KEYS = List.of("SSOConfig", "DefaultSSO", "DefaultRegion",
            "AuthWorkflow", "AutoLogin", "AutoConfigCheck", "CacheRefresh", "Threads", "MaxRetry",
            "MaxBackoff", "UrlAction", "Browser", "UrlExecCommand", "ConsoleDuration",
            "ConfigProfilesBinaryPath", "ConfigProfilesUrlAction", "LogLevel", "LogLines",
            "HistoryLimit", "HistoryMinutes", "SecureStore", "JsonStore", "SecretServiceCollection",
            "OnePassword", "ProfileFormat", "ConfigVariables", "FirstTag", "FullTextSearch",
            "AccountPrimaryTag", "PromptColors", "ListFields", "EnvVarTags",
            "FirefoxOpenUrlInContainer", "ConfigUrlAction", "Agent", "AgentIdleTimeout");
    static final List<String> INSTANCE_KEYS = List.of("SSORegion", "StartUrl", "DefaultRegion",
            "AuthUrlAction", "Accounts", "AwsCliSsoSession");
    static final List<String> ACCOUNT_KEYS = List.of("Name", "DefaultRegion", "Tags", "Roles");
    static final List<String> ROLE_KEYS = List.of("Profile", "DefaultRegion", "Tags", "Via",
            "ExternalId", "SourceIdentity");
    static final List<String> ONE_PASSWORD_KEYS = List.of("Vault", "AuthType", "Account");

    private static final List<UrlAction> PROFILE_URL_ACTIONS = List.of(UrlAction.CLIP,
            UrlAction.EXEC, UrlAction.OPEN, UrlAction.GRANTED_CONTAINERS,
            UrlAction.OPEN_URL_IN_CONTAINER, UrlAction.ANSI_OSC52);

    private final Problems problems;
    private final Environment env;
    private final ConfigLocation location;
    private final YamlReader yaml;
    private final InstanceBinder instanceBinder;

    ConfigBinder(Problems problems, Environment env, ConfigLocation location) {
        this.problems = problems;
        this.env = env;
        this.location = location;
        this.yaml = new YamlReader(problems, env);
        this.instanceBinder = new InstanceBinder(problems, yaml);
    }

    /** The config, or empty when problems were recorded. */
    Optional<AwsSsoConfig> bind(Optional<YamlNode> document) {
        if (document.isEmpty()) {
            if (!problems.hasErrors()) {
                problems.error(Position.START, "SSOConfig", "the file holds no settings; it needs"
                        + " at least an SSOConfig section naming one instance with SSORegion and"
                        + " StartUrl");
            }
            return Optional.empty();
        }
        YamlNode root = document.get();
        if (!(root instanceof Mapping)) {
            problems.error(root.position(), "", "expected the settings as 'Key: value' lines,"
                    + " found " + root.kind());
            return Optional.empty();
        }
        AwsSsoConfig config = top(yaml.new Section("", root.position(), (Mapping) root, TOP_KEYS));
        return Optional.ofNullable(config);
    }

    /** The config, or {@code null} once any problem is recorded (the caller then throws). */
    private AwsSsoConfig top(Section s) {
        UrlActions actions = urlActions(s);
        Map<String, SsoConfig> instances = instanceBinder.instances(s, actions.beforeMigration().value());
        List<String> execCommand = urlExecCommand(s);

        Optional<String> secureStore = s.text("SecureStore").flatMap(name -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (KnownNames.SECURE_STORES.contains(n)) {
                return Optional.of(n);
            }
            problems.error(s.valueAt("SecureStore"), "SecureStore", "unknown secret store '"
                    + YamlNode.Snippet.of(name) + "'; valid names: "
                    + String.join(", ", KnownNames.SECURE_STORES.stream().sorted().toList()));
            return Optional.empty();
        });
        OnePasswordConfig onePassword = onePassword(s, secureStore);

        String profileFormat = s.text("ProfileFormat")
                .map(f -> migrateProfileFormat(f, s.valueAt("ProfileFormat")))
                .orElse(AwsSsoConfig.DEFAULT_PROFILE_FORMAT);

        String defaultSso = s.text("DefaultSSO").orElse(AwsSsoConfig.DEFAULT_SSO);
        String defaultRegion = s.region("DefaultRegion").orElse("us-east-1");
        AuthWorkflow authWorkflow = s.enumValue("AuthWorkflow", AuthWorkflow::fromConfigName,
                "pkce, device_code").map(Located::value)
                .orElse(env.isRemoteHost() ? AuthWorkflow.DEVICE_CODE : AuthWorkflow.PKCE);
        boolean autoLogin = s.bool("AutoLogin").orElse(false);
        boolean autoConfigCheck = s.bool("AutoConfigCheck").orElse(false);
        int cacheRefresh = s.integer("CacheRefresh", Integer.MIN_VALUE, Integer.MAX_VALUE)
                .orElse(168);
        int threads = s.integer("Threads", 1, 1024).orElse(5);
        int maxRetry = s.integer("MaxRetry", 1, 1000).orElse(10);
        int maxBackoff = s.integer("MaxBackoff", 1, 3600).orElse(5);
        Optional<String> browser = s.text("Browser").filter(b -> !b.isBlank())
                .map(env::expandTilde);
        int consoleDuration = s.integer("ConsoleDuration", 15, 720).orElse(60);
        Optional<String> binaryPath = s.text("ConfigProfilesBinaryPath")
                .filter(b -> !b.isBlank()).map(env::expandTilde);
        LogLevel logLevel = s.enumValue("LogLevel", LogLevel::fromConfigName,
                "error, warn, info, debug, trace").map(Located::value).orElse(LogLevel.INFO);
        boolean logLines = s.bool("LogLines").orElse(false);
        int historyLimit = s.integer("HistoryLimit", 0, Integer.MAX_VALUE).orElse(10);
        int historyMinutes = s.integer("HistoryMinutes", 0, Integer.MAX_VALUE).orElse(1440);
        Path jsonStore = s.pathValue("JsonStore").orElse(location.defaultJsonStore());
        String collection = s.text("SecretServiceCollection").filter(c -> !c.isBlank())
                .orElse("awsssocli");
        Map<String, String> configVariables = configVariables(s);
        String firstTag = s.text("FirstTag").orElse("");
        boolean fullTextSearch = s.bool("FullTextSearch").orElse(true);
        // aws-sso-cli puts its defaults back when the list is empty.
        List<String> primaryTags = s.list("AccountPrimaryTag").filter(l -> !l.isEmpty())
                .orElse(List.of("AccountName", "AccountAlias", "Email"));
        Map<String, String> promptColors = promptColors(s);
        List<String> listFields = listFields(s);
        List<String> envVarTags = s.list("EnvVarTags").orElse(List.of());
        boolean agent = s.bool("Agent").orElse(true);
        java.time.Duration agentIdleTimeout = s.text("AgentIdleTimeout").filter(t -> !t.isBlank())
                .flatMap(t -> GoDuration.parse(t).filter(d -> !d.isNegative() && !d.isZero()).or(() -> {
                    problems.error(s.valueAt("AgentIdleTimeout"), "AgentIdleTimeout", "expected a duration such as"
                            + " 1h, 30m or 3600 (seconds), found '" + YamlNode.Snippet.of(t) + "'");
                    return Optional.empty();
                })).orElse(java.time.Duration.ofHours(1));
        if (problems.hasErrors()) {
            return null;
        }
        return new AwsSsoConfig(instances, defaultSso, defaultRegion, authWorkflow, autoLogin,
                autoConfigCheck, cacheRefresh, threads, maxRetry, maxBackoff,
                actions.urlAction().value(), browser, execCommand, consoleDuration, binaryPath,
                actions.configProfilesUrlAction(), logLevel, logLines, historyLimit,
                historyMinutes, secureStore, jsonStore, collection, onePassword, profileFormat,
                configVariables, firstTag, fullTextSearch, primaryTags, promptColors, listFields,
                envVarTags, agent, agentIdleTimeout);
    }

    /**
     * The URL actions after the deprecated keys are upgraded.
     *
     * @param beforeMigration {@code UrlAction} as written: aws-sso-cli hands it to each instance's
     *     {@code AuthUrlAction} before it applies {@code FirefoxOpenUrlInContainer}, so login keeps
     *     opening the browser while the console opens containers
     * @param urlAction {@code UrlAction} after {@code FirefoxOpenUrlInContainer: true}
     * @param configProfilesUrlAction {@code ConfigProfilesUrlAction}, else the deprecated
     *     {@code ConfigUrlAction}, else following {@code UrlAction}
     */
    private record UrlActions(Located<UrlAction> beforeMigration, Located<UrlAction> urlAction,
            UrlAction configProfilesUrlAction) {
    }

    private UrlActions urlActions(Section s) {
        Located<UrlAction> written = s.urlAction("UrlAction", UrlAction.names(), a -> true)
                .orElse(new Located<>(UrlAction.OPEN, s.at));
        Located<UrlAction> urlAction = written;
        Optional<Field> firefox = s.field("FirefoxOpenUrlInContainer");
        if (s.bool("FirefoxOpenUrlInContainer").orElse(false)) {
            urlAction = new Located<>(UrlAction.OPEN_URL_IN_CONTAINER, firefox.get().at());
            problems.warn(firefox.get().at(), "FirefoxOpenUrlInContainer", "deprecated; read as"
                    + " 'UrlAction: open-url-in-container' (it needs UrlExecCommand, e.g."
                    + " [firefox, \"%s\"]); write that instead");
        } else {
            firefox.ifPresent(f -> problems.warn(f.at(), "FirefoxOpenUrlInContainer",
                    "deprecated and not true, so it changes nothing; remove it"));
        }

        // aws-sso-cli's own default for ConfigProfilesUrlAction is 'open': only a key written
        // empty lets ConfigUrlAction or UrlAction stand in. Its exec/container check sees that.
        Optional<Field> profilesField = s.field("ConfigProfilesUrlAction");
        boolean profilesEmpty = profilesField.isPresent()
                && s.text("ConfigProfilesUrlAction").filter(t -> !t.isBlank()).isEmpty();
        Optional<Located<UrlAction>> profiles = s.urlAction("ConfigProfilesUrlAction",
                names(PROFILE_URL_ACTIONS), PROFILE_URL_ACTIONS::contains);
        Optional<Located<UrlAction>> legacy = s.urlAction("ConfigUrlAction",
                names(PROFILE_URL_ACTIONS), PROFILE_URL_ACTIONS::contains);
        s.field("ConfigUrlAction").ifPresent(f -> problems.warn(f.at(), "ConfigUrlAction",
                "deprecated; " + (profiles.isPresent() ? "ConfigProfilesUrlAction is set, so it"
                        + " is ignored; remove it" : "read as ConfigProfilesUrlAction; write"
                        + " that instead")));
        Located<UrlAction> follows = new Located<>(urlAction.value() == UrlAction.PRINT
                || urlAction.value() == UrlAction.PRINT_URL ? UrlAction.OPEN
                : urlAction.value(), urlAction.at());
        Located<UrlAction> profilesAction = profiles.or(() -> legacy).orElse(follows);

        Located<UrlAction> checked = profiles.isPresent() ? profiles.get()
                : profilesEmpty ? legacy.orElse(follows) : new Located<>(UrlAction.OPEN, s.at);
        Located<UrlAction> url = urlAction;
        if (url.value().isContainer() != checked.value().isContainer()
                && (url.value() == UrlAction.EXEC || checked.value() == UrlAction.EXEC)) {
            boolean urlExec = url.value() == UrlAction.EXEC;
            problems.error(urlExec ? url.at() : checked.at(), urlExec ? "UrlAction"
                    : "ConfigProfilesUrlAction", "cannot be 'exec' when only one of UrlAction"
                    + " and ConfigProfilesUrlAction is a container action (both share"
                    + " UrlExecCommand)");
        }
        return new UrlActions(written, urlAction, profilesAction.value());
    }

    // ---- top-level details --------------------------------------------------------------------

    /**
     * {@code UrlExecCommand}, never refused at load: aws-sso-cli checks it only when it opens a
     * URL, and so does the URL opener here. A shape that cannot work is a warning now.
     */
    private List<String> urlExecCommand(Section s) {
        List<String> command = new ArrayList<>(s.list("UrlExecCommand").orElse(List.of()));
        if (!command.isEmpty()) {
            long withUrl = command.stream().filter(c -> c.contains("%s")).count();
            if (command.size() < 2 || withUrl != 1) {
                problems.warn(s.valueAt("UrlExecCommand"), "UrlExecCommand", "must be a program"
                        + " and its arguments (at least 2 elements) with exactly one containing"
                        + " %s for the URL, e.g. [firefox, \"%s\"]; opening a URL with it will"
                        + " fail");
            }
            command.set(0, env.expandTilde(command.get(0)));
        }
        return command;
    }

    private OnePasswordConfig onePassword(Section top, Optional<String> secureStore) {
        OnePasswordConfig result = OnePasswordConfig.defaults();
        Optional<Section> section = top.field("OnePassword").filter(f -> !YamlReader.isNull(f.value()))
                .flatMap(f -> yaml.section(f, "OnePassword", ONE_PASSWORD_KEYS, false));
        if (section.isPresent()) {
            Section s = section.get();
            String authType = s.text("AuthType").filter(a -> !a.isBlank())
                    .map(a -> a.toLowerCase(Locale.ROOT))
                    .filter(a -> {
                        boolean ok = a.equals(OnePasswordConfig.DESKTOP)
                                || a.equals(OnePasswordConfig.SERVICE_ACCOUNT);
                        if (!ok) {
                            problems.error(s.valueAt("AuthType"), "OnePassword.AuthType",
                                    "must be desktop or service-account");
                        }
                        return ok;
                    }).orElse(OnePasswordConfig.DESKTOP);
            result = new OnePasswordConfig(s.text("Vault").filter(v -> !v.isBlank()), authType,
                    s.text("Account").filter(a -> !a.isBlank()));
        }
        if (secureStore.filter("1password"::equals).isPresent()) {
            Position at = top.field("OnePassword").map(Field::at).orElse(top.valueAt("SecureStore"));
            if (result.vault().isEmpty()) {
                problems.error(at, "OnePassword.Vault",
                        "the 1password secret store needs the vault name");
            }
            if (result.authType().equals(OnePasswordConfig.DESKTOP) && result.account().isEmpty()) {
                problems.error(at, "OnePassword.Account", "the 1password secret store with"
                        + " AuthType desktop needs the account (e.g. me@example.com)");
            }
        }
        return result;
    }

    private String migrateProfileFormat(String format, Position at) {
        String migrated = format.replace("AccountIdStr .AccountId", ".AccountIdPad");
        if (!migrated.equals(format)) {
            problems.warn(at, "ProfileFormat",
                    "'AccountIdStr .AccountId' is deprecated; read as '.AccountIdPad'");
        }
        return migrated;
    }

    /** Values as written; one that is not a single value is skipped with a warning. */
    private Map<String, String> configVariables(Section top) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<Map<String, Field>> entries = top.field("ConfigVariables")
                .flatMap(f -> yaml.mapEntries(f, "ConfigVariables"));
        for (Field f : entries.orElse(Map.of()).values()) {
            if (f.value() instanceof Scalar v) {
                values.put(f.key(), v.isNull() ? "" : v.value());
            } else {
                problems.warn(f.value().position(), "ConfigVariables." + f.key(), "expected a"
                        + " single value for an ~/.aws/config line, found " + f.value().kind()
                        + "; ignored");
            }
        }
        return values;
    }

    /**
     * aws-sso-cli ignores unknown names here and shows an unknown colour as the terminal's default
     * colour; both are warnings, read the same way.
     */
    private Map<String, String> promptColors(Section top) {
        Map<String, String> colors = new LinkedHashMap<>(KnownNames.DEFAULT_PROMPT_COLORS);
        Optional<Section> section = top.field("PromptColors").filter(f -> !YamlReader.isNull(f.value()))
                .flatMap(f -> yaml.section(f, "PromptColors",
                        List.copyOf(KnownNames.DEFAULT_PROMPT_COLORS.keySet()), false));
        for (Field f : section.map(s -> s.fields.values()).orElse(List.of())) {
            String path = "PromptColors." + f.key();
            section.get().text(f.key()).ifPresent(c -> {
                String wanted = c.equalsIgnoreCase("DarkGray") ? "DarkGrey" : c.strip();
                Optional<String> color = KnownNames.COLORS.stream()
                        .filter(k -> k.equalsIgnoreCase(wanted)).findFirst();
                if (color.isPresent()) {
                    colors.put(f.key(), color.get());
                } else {
                    colors.put(f.key(), "DefaultColor");
                    problems.warn(f.value().position(), path, "unknown colour '"
                            + YamlNode.Snippet.of(c) + "', read as DefaultColor" + KeySuggestions.suggestion(c,
                                    KnownNames.COLORS) + "; valid colours: "
                            + String.join(", ", KnownNames.COLORS));
                }
            });
        }
        return colors;
    }

    /**
     * Unknown names are kept: aws-sso-cli refuses them only when {@code list} runs with the
     * configured fields, and so does {@code list} here ({@code unsupported field}).
     */
    private List<String> listFields(Section top) {
        List<String> defaults = List.of("AccountIdPad", "AccountAlias", "RoleName", "Profile",
                "Expires");
        Optional<List<String>> names = top.list("ListFields");
        if (names.isEmpty()) {
            return defaults;
        }
        if (names.get().isEmpty()) {
            problems.warn(top.valueAt("ListFields"), "ListFields", "empty; the default columns"
                    + " are used: " + String.join(", ", defaults));
            return defaults;
        }
        List<String> fields = new ArrayList<>();
        Position at = top.valueAt("ListFields");
        List<YamlNode> items = top.field("ListFields").map(Field::value)
                .filter(v -> v instanceof Sequence).map(v -> ((Sequence) v).items())
                .orElse(List.of());
        for (int i = 0; i < names.get().size(); i++) {
            String name = names.get().get(i);
            Position itemAt = i < items.size() ? items.get(i).position() : at;
            String path = "ListFields[" + i + "]";
            String renamed = KnownNames.RENAMED_LIST_FIELDS.get(name);
            if (renamed != null) {
                problems.warn(itemAt, path, "'" + name + "' is deprecated; read as '" + renamed
                        + "'");
                fields.add(renamed);
                continue;
            }
            if (!KnownNames.LIST_FIELDS.contains(name)) {
                problems.warn(itemAt, path, "unknown list field '" + YamlNode.Snippet.of(name)
                        + "'; 'list' without fields will fail" + KeySuggestions.suggestion(name,
                                KnownNames.LIST_FIELDS) + "; valid fields: "
                        + String.join(", ", KnownNames.LIST_FIELDS));
            }
            fields.add(name);
        }
        return fields;
    }

    private static String names(List<UrlAction> actions) {
        return String.join(", ", actions.stream().map(UrlAction::configName).toList());
    }
}

package io.awssso.core.internal.config;

import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.core.internal.config.YamlNode.Entry;
import io.awssso.core.internal.config.YamlNode.Mapping;
import io.awssso.core.internal.config.YamlNode.Position;
import io.awssso.core.internal.config.YamlNode.Scalar;
import io.awssso.core.internal.config.YamlNode.Sequence;
import io.awssso.core.internal.env.Environment;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Binds a composed {@link YamlNode} tree to {@link AwsSsoConfig}: defaults, migrations of
 * deprecated keys, and validation. Every problem is recorded with its line and dotted key, and
 * binding carries on with the default, so one run reports everything.
 */
final class ConfigBinder {
    static final List<String> TOP_KEYS = List.of("SSOConfig", "DefaultSSO", "DefaultRegion",
            "AuthWorkflow", "AutoLogin", "AutoConfigCheck", "CacheRefresh", "Threads", "MaxRetry",
            "MaxBackoff", "UrlAction", "Browser", "UrlExecCommand", "ConsoleDuration",
            "ConfigProfilesBinaryPath", "ConfigProfilesUrlAction", "LogLevel", "LogLines",
            "HistoryLimit", "HistoryMinutes", "SecureStore", "JsonStore", "SecretServiceCollection",
            "OnePassword", "ProfileFormat", "ConfigVariables", "FirstTag", "FullTextSearch",
            "AccountPrimaryTag", "PromptColors", "ListFields", "EnvVarTags",
            "FirefoxOpenUrlInContainer", "ConfigUrlAction");
    static final List<String> INSTANCE_KEYS = List.of("SSORegion", "StartUrl", "DefaultRegion",
            "AuthUrlAction", "Accounts", "AwsCliSsoSession");
    static final List<String> ACCOUNT_KEYS = List.of("Name", "DefaultRegion", "Tags", "Roles");
    static final List<String> ROLE_KEYS = List.of("Profile", "DefaultRegion", "Tags", "Via",
            "ExternalId", "SourceIdentity");
    static final List<String> ONE_PASSWORD_KEYS = List.of("Vault", "AuthType", "Account");

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern SOURCE_IDENTITY = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    /** It becomes an ini section name, {@code [sso-session NAME]}, in ~/.aws/config. */
    private static final Pattern SSO_SESSION = Pattern.compile("[^\\s\\[\\]#;]{1,128}");
    private static final Pattern IPV6_LOOPBACK = Pattern.compile("(0{0,4}:){2,7}0{0,3}1");
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+(\\.[0-9]+)?[eE]\\+?[0-9]{1,3}");
    private static final String MERGE_TAG = "tag:yaml.org,2002:merge";
    private static final List<UrlAction> PROFILE_URL_ACTIONS = List.of(UrlAction.CLIP,
            UrlAction.EXEC, UrlAction.OPEN, UrlAction.GRANTED_CONTAINERS,
            UrlAction.OPEN_URL_IN_CONTAINER, UrlAction.ANSI_OSC52);

    private final Problems problems;
    private final Environment env;
    private final ConfigLocation location;
    private final Map<Mapping, Map<String, Field>> merged = new IdentityHashMap<>();
    private final List<Located<UrlAction>> authUrlActions = new ArrayList<>();

    ConfigBinder(Problems problems, Environment env, ConfigLocation location) {
        this.problems = problems;
        this.env = env;
        this.location = location;
    }

    /** A key as written, where it is, and its value. */
    record Field(String key, Position at, YamlNode value) {
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
        AwsSsoConfig config = top(new Section("", root.position(), (Mapping) root, TOP_KEYS));
        return Optional.ofNullable(config);
    }

    /** The config, or {@code null} once any problem is recorded (the caller then throws). */
    private AwsSsoConfig top(Section s) {
        Optional<Field> firefox = s.field("FirefoxOpenUrlInContainer");
        Located<UrlAction> urlAction = s.enumValue("UrlAction", UrlAction::fromConfigName,
                UrlAction.names()).orElse(new Located<>(UrlAction.OPEN, s.at));
        if (s.bool("FirefoxOpenUrlInContainer").orElse(false)) {
            urlAction = new Located<>(UrlAction.OPEN_URL_IN_CONTAINER, firefox.get().at());
        }
        firefox.ifPresent(f -> problems.warn(f.at(), "FirefoxOpenUrlInContainer",
                "deprecated; write 'UrlAction: open-url-in-container' instead"));

        Optional<Located<UrlAction>> profilesAction = s.enumValue("ConfigProfilesUrlAction",
                n -> UrlAction.fromConfigName(n).filter(PROFILE_URL_ACTIONS::contains),
                names(PROFILE_URL_ACTIONS));
        Optional<Located<UrlAction>> legacyProfilesAction = s.enumValue("ConfigUrlAction",
                n -> UrlAction.fromConfigName(n).filter(PROFILE_URL_ACTIONS::contains),
                names(PROFILE_URL_ACTIONS));
        s.field("ConfigUrlAction").ifPresent(f -> problems.warn(f.at(), "ConfigUrlAction",
                "deprecated; write ConfigProfilesUrlAction instead"));
        Located<UrlAction> configProfilesUrlAction = profilesAction.or(() -> legacyProfilesAction)
                .orElse(new Located<>(urlAction.value() == UrlAction.PRINT
                        || urlAction.value() == UrlAction.PRINT_URL ? UrlAction.OPEN
                        : urlAction.value(), urlAction.at()));

        UrlAction defaultAuthAction = urlAction.value();
        Map<String, SsoConfig> instances = instances(s, defaultAuthAction);

        List<String> execCommand = urlExecCommand(s, urlAction, configProfilesUrlAction);
        if (urlAction.value().isContainer() != configProfilesUrlAction.value().isContainer()
                && (urlAction.value() == UrlAction.EXEC
                        || configProfilesUrlAction.value() == UrlAction.EXEC)) {
            Located<UrlAction> exec = urlAction.value() == UrlAction.EXEC ? urlAction
                    : configProfilesUrlAction;
            problems.error(exec.at(), urlAction.value() == UrlAction.EXEC ? "UrlAction"
                    : "ConfigProfilesUrlAction", "cannot be 'exec' when only one of UrlAction"
                    + " and ConfigProfilesUrlAction is a container action (both share"
                    + " UrlExecCommand)");
        }

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
        Map<String, String> configVariables = s.stringMap("ConfigVariables").orElse(Map.of());
        String firstTag = s.text("FirstTag").orElse("");
        boolean fullTextSearch = s.bool("FullTextSearch").orElse(true);
        List<String> primaryTags = s.list("AccountPrimaryTag")
                .orElse(List.of("AccountName", "AccountAlias", "Email"));
        Map<String, String> promptColors = promptColors(s);
        List<String> listFields = listFields(s);
        List<String> envVarTags = s.list("EnvVarTags").orElse(List.of());
        if (problems.hasErrors()) {
            return null;
        }
        return new AwsSsoConfig(instances, defaultSso, defaultRegion, authWorkflow, autoLogin,
                autoConfigCheck, cacheRefresh, threads, maxRetry, maxBackoff, urlAction.value(),
                browser, execCommand, consoleDuration, binaryPath, configProfilesUrlAction.value(),
                logLevel, logLines, historyLimit, historyMinutes, secureStore, jsonStore,
                collection, onePassword, profileFormat, configVariables, firstTag, fullTextSearch,
                primaryTags, promptColors, listFields, envVarTags);
    }

    // ---- SSOConfig ---------------------------------------------------------------------------

    private Map<String, SsoConfig> instances(Section top, UrlAction defaultAuthAction) {
        Map<String, SsoConfig> result = new LinkedHashMap<>();
        Optional<Field> field = top.field("SSOConfig");
        if (field.isEmpty() || isNull(field.get().value())) {
            problems.error(field.map(Field::at).orElse(top.at), "SSOConfig", "missing: the config"
                    + " needs at least one SSO instance, e.g. 'SSOConfig: {Default: {SSORegion:"
                    + " us-east-1, StartUrl: https://d-1234567890.awsapps.com/start}}'");
            return result;
        }
        Optional<Map<String, Field>> entries = mapping(field.get(), "SSOConfig");
        if (entries.isEmpty()) {
            return result;
        }
        if (entries.get().isEmpty()) {
            problems.error(field.get().value().position(), "SSOConfig",
                    "names no SSO instance; add at least one with SSORegion and StartUrl");
        }
        for (Field f : entries.get().values()) {
            String path = "SSOConfig." + f.key();
            if (f.key().isBlank()) {
                problems.error(f.at(), path, "an SSO instance needs a non-empty name");
                continue;
            }
            instance(f, path, defaultAuthAction).ifPresent(i -> result.put(i.name(), i));
        }
        return result;
    }

    private Optional<SsoConfig> instance(Field f, String path, UrlAction defaultAuthAction) {
        Optional<Section> section = section(f, path, INSTANCE_KEYS, true);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Section s = section.get();
        Optional<String> region = s.required("SSORegion").flatMap(r -> checkRegion(s, "SSORegion", r));
        Optional<String> startUrl = s.required("StartUrl").flatMap(u -> checkStartUrl(s, u));
        Optional<String> defaultRegion = s.region("DefaultRegion");
        Optional<Located<UrlAction>> explicitAuthAction = s.enumValue("AuthUrlAction",
                UrlAction::fromConfigName, UrlAction.names());
        explicitAuthAction.ifPresent(authUrlActions::add);
        UrlAction authAction = explicitAuthAction.map(Located::value).orElse(defaultAuthAction);
        Map<AccountId, AccountConfig> accounts = accounts(s);
        Optional<String> cliSession = s.text("AwsCliSsoSession").filter(v -> {
            boolean ok = SSO_SESSION.matcher(v).matches();
            if (!ok) {
                problems.error(s.valueAt("AwsCliSsoSession"), s.path("AwsCliSsoSession"),
                        "must be an AWS CLI sso-session name: no spaces, brackets or '#;'");
            }
            return ok;
        });
        if (region.isEmpty() || startUrl.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SsoConfig(f.key(), region.get(), startUrl.get(), defaultRegion,
                authAction, accounts, cliSession));
    }

    private Optional<String> checkStartUrl(Section s, String url) {
        String problem = startUrlProblem(url.strip());
        if (problem == null) {
            return Optional.of(url.strip());
        }
        problems.error(s.valueAt("StartUrl"), s.path("StartUrl"), problem);
        return Optional.empty();
    }

    /** Null when fine: https with a host, or http to a loopback host (tests, local emulators). */
    static String startUrlProblem(String url) {
        String expected = "must be an https URL like https://d-1234567890.awsapps.com/start, got '"
                + YamlNode.Snippet.of(url) + "'";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return expected;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.isOpaque()) {
            return expected;
        }
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http")) {
            return isLoopback(uri.getHost()) ? null
                    : "must use https (plain http is allowed only for loopback hosts), got '"
                            + YamlNode.Snippet.of(url) + "'";
        }
        return expected;
    }

    /**
     * Judged from the text alone: {@code InetAddress} would fall back to a DNS lookup for a string
     * that is not a valid literal, and loading a config must never touch the network.
     */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (IPV6_LOOPBACK.matcher(h).matches()) {
            return true;
        }
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private Map<AccountId, AccountConfig> accounts(Section instance) {
        Map<AccountId, AccountConfig> result = new LinkedHashMap<>();
        Map<AccountId, Position> seen = new LinkedHashMap<>();
        Optional<Map<String, Field>> entries = instance.field("Accounts")
                .filter(f -> !isNull(f.value()))
                .flatMap(f -> mapping(f, instance.path("Accounts")));
        for (Field f : entries.orElse(Map.of()).values()) {
            Optional<AccountId> id = accountIdKey(f.key());
            String path = instance.path("Accounts") + "." + id.map(AccountId::value).orElse(f.key());
            if (id.isEmpty()) {
                problems.error(f.at(), path, "'" + YamlNode.Snippet.of(f.key()) + "' is not an"
                        + " account id; expected up to 12 decimal digits, e.g. \"012345678901\"");
                continue;
            }
            Position earlier = seen.putIfAbsent(id.get(), f.at());
            if (earlier != null) {
                problems.error(f.at(), path, "account " + id.get() + " appears twice (also on"
                        + " line " + earlier.line() + ")");
                continue;
            }
            account(f, path, id.get()).ifPresent(a -> result.put(a.id(), a));
        }
        return result;
    }

    /**
     * An account id written as a YAML key: digits (padded to twelve; never octal, whatever the
     * leading zeros) or the scientific notation some YAML writers produce for large numbers.
     */
    static Optional<AccountId> accountIdKey(String raw) {
        String t = raw.strip();
        if (DIGITS.matcher(t).matches()) {
            return Optional.of(AccountId.parse(t));
        }
        if (SCIENTIFIC.matcher(t).matches()) {
            BigDecimal number = new BigDecimal(t);
            if (number.compareTo(BigDecimal.valueOf(AccountId.MAX)) <= 0
                    && number.stripTrailingZeros().scale() <= 0) {
                return Optional.of(AccountId.of(number.longValueExact()));
            }
        }
        return Optional.empty();
    }

    private Optional<AccountConfig> account(Field f, String path, AccountId id) {
        Optional<Section> section = section(f, path, ACCOUNT_KEYS, false);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Section s = section.get();
        Map<String, RoleConfig> roles = new LinkedHashMap<>();
        Optional<Map<String, Field>> entries = s.field("Roles").filter(r -> !isNull(r.value()))
                .flatMap(r -> mapping(r, s.path("Roles")));
        for (Field r : entries.orElse(Map.of()).values()) {
            role(r, s.path("Roles") + "." + r.key()).ifPresent(role -> roles.put(role.name(), role));
        }
        return Optional.of(new AccountConfig(id, s.text("Name"), s.region("DefaultRegion"),
                s.stringMap("Tags").orElse(Map.of()), roles));
    }

    private Optional<RoleConfig> role(Field f, String path) {
        if (!ROLE_NAME.matcher(f.key()).matches()) {
            problems.error(f.at(), path, "'" + YamlNode.Snippet.of(f.key()) + "' is not an IAM"
                    + " role name (1 to 64 letters, digits and +=,.@_-)");
            return Optional.empty();
        }
        Optional<Section> section = section(f, path, ROLE_KEYS, false);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Section s = section.get();
        Optional<RoleArn> via = s.text("Via").flatMap(v -> {
            try {
                if (v.strip().startsWith("arn:")) {
                    return Optional.of(RoleArn.parse(v));
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            problems.error(s.valueAt("Via"), s.path("Via"), "'" + YamlNode.Snippet.of(v)
                    + "' is not a role ARN; expected arn:aws:iam::<account>:role/<name>");
            return Optional.empty();
        });
        Optional<String> sourceIdentity = s.text("SourceIdentity").filter(v -> {
            String problem = v.toLowerCase(Locale.ROOT).startsWith("aws:")
                    ? "must not start with 'aws:' (AWS reserves that prefix)"
                    : SOURCE_IDENTITY.matcher(v).matches() ? null
                    : "must be 2 to 64 letters, digits and +=,.@_-";
            if (problem != null) {
                problems.error(s.valueAt("SourceIdentity"), s.path("SourceIdentity"), problem);
            }
            return problem == null;
        });
        Optional<String> externalId = s.text("ExternalId").filter(v -> {
            boolean ok = EXTERNAL_ID.matcher(v).matches();
            if (!ok) {
                problems.error(s.valueAt("ExternalId"), s.path("ExternalId"),
                        "must be 2 to 1224 letters, digits and +=,.@:/_-");
            }
            return ok;
        });
        return Optional.of(new RoleConfig(f.key(), s.text("Profile").filter(p -> !p.isBlank()),
                s.region("DefaultRegion"), s.stringMap("Tags").orElse(Map.of()), via, externalId,
                sourceIdentity));
    }

    // ---- top-level details --------------------------------------------------------------------

    private List<String> urlExecCommand(Section s, Located<UrlAction> urlAction,
            Located<UrlAction> profilesAction) {
        List<String> command = new ArrayList<>(s.list("UrlExecCommand").orElse(List.of()));
        Position needed = null;
        String neededBy = null;
        for (Located<UrlAction> action : List.of(urlAction, profilesAction)) {
            if (action.value().usesExecCommand() && needed == null) {
                needed = action.at();
                neededBy = action.value().configName();
            }
        }
        for (Located<UrlAction> action : authUrlActions) {
            if (action.value().usesExecCommand() && needed == null) {
                needed = action.at();
                neededBy = action.value().configName();
            }
        }
        boolean present = s.field("UrlExecCommand").filter(f -> !isNull(f.value())).isPresent();
        if (present || needed != null) {
            long withUrl = command.stream().filter(c -> c.contains("%s")).count();
            if (command.size() < 2 || withUrl != 1) {
                Position at = present ? s.valueAt("UrlExecCommand") : needed;
                problems.error(at, "UrlExecCommand", (neededBy == null ? ""
                        : "the URL action '" + neededBy + "' runs UrlExecCommand, which ")
                        + "must be a program and its arguments (at least 2 elements) with exactly"
                        + " one containing %s for the URL, e.g. [firefox, \"%s\"]");
            }
        }
        if (!command.isEmpty()) {
            command.set(0, env.expandTilde(command.get(0)));
        }
        return command;
    }

    private OnePasswordConfig onePassword(Section top, Optional<String> secureStore) {
        OnePasswordConfig result = OnePasswordConfig.defaults();
        Optional<Section> section = top.field("OnePassword").filter(f -> !isNull(f.value()))
                .flatMap(f -> section(f, "OnePassword", ONE_PASSWORD_KEYS, false));
        if (section.isPresent()) {
            Section s = section.get();
            String authType = s.text("AuthType").map(a -> a.toLowerCase(Locale.ROOT))
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

    private Map<String, String> promptColors(Section top) {
        Map<String, String> colors = new LinkedHashMap<>(KnownNames.DEFAULT_PROMPT_COLORS);
        Optional<Map<String, Field>> entries = top.field("PromptColors")
                .filter(f -> !isNull(f.value())).flatMap(f -> mapping(f, "PromptColors"));
        for (Field f : entries.orElse(Map.of()).values()) {
            String path = "PromptColors." + f.key();
            if (!colors.containsKey(f.key())) {
                problems.error(f.at(), path, "unknown prompt colour setting" + suggestion(f.key(),
                        KnownNames.DEFAULT_PROMPT_COLORS.keySet()) + "; valid names: "
                        + String.join(", ", KnownNames.DEFAULT_PROMPT_COLORS.keySet()));
                continue;
            }
            scalarText(f.value(), path).ifPresent(c -> {
                String wanted = c.equalsIgnoreCase("DarkGray") ? "DarkGrey" : c;
                Optional<String> color = KnownNames.COLORS.stream()
                        .filter(k -> k.equalsIgnoreCase(wanted)).findFirst();
                if (color.isPresent()) {
                    colors.put(f.key(), color.get());
                } else {
                    problems.error(f.value().position(), path, "unknown colour '"
                            + YamlNode.Snippet.of(c) + "'; valid colours: "
                            + String.join(", ", KnownNames.COLORS));
                }
            });
        }
        return colors;
    }

    private List<String> listFields(Section top) {
        List<String> fields = new ArrayList<>();
        Optional<Sequence> seq = top.field("ListFields").filter(f -> !isNull(f.value()))
                .flatMap(f -> sequence(f.value(), "ListFields"));
        if (seq.isEmpty()) {
            return List.of("AccountIdPad", "AccountAlias", "RoleName", "Profile", "Expires");
        }
        List<YamlNode> items = seq.get().items();
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String path = "ListFields[" + i + "]";
            scalarText(item, path).ifPresent(name -> {
                String renamed = KnownNames.RENAMED_LIST_FIELDS.get(name);
                if (renamed != null) {
                    problems.warn(item.position(), path,
                            "'" + name + "' is deprecated; read as '" + renamed + "'");
                    fields.add(renamed);
                } else if (KnownNames.LIST_FIELDS.contains(name)) {
                    fields.add(name);
                } else {
                    problems.error(item.position(), path, "unknown list field '"
                            + YamlNode.Snippet.of(name) + "'" + suggestion(name,
                                    KnownNames.LIST_FIELDS) + "; valid fields: "
                            + String.join(", ", KnownNames.LIST_FIELDS));
                }
            });
        }
        if (items.isEmpty()) {
            problems.error(seq.get().position(), "ListFields", "needs at least one field; valid"
                    + " fields: " + String.join(", ", KnownNames.LIST_FIELDS));
        }
        return fields;
    }

    private Optional<String> checkRegion(Section s, String key, String region) {
        if (REGION.matcher(region).matches()) {
            return Optional.of(region);
        }
        problems.error(s.valueAt(key), s.path(key), "'" + YamlNode.Snippet.of(region)
                + "' is not an AWS region name like us-east-1");
        return Optional.empty();
    }

    // ---- generic walking ----------------------------------------------------------------------

    /** A mapping with known keys, at a dotted path. */
    private final class Section {
        final String path;
        final Position at;
        final Map<String, Field> fields;
        final Map<String, Field> unknown = new LinkedHashMap<>();

        Section(String path, Position at, Map<String, Field> fields) {
            this.path = path;
            this.at = at;
            this.fields = fields;
        }

        Section(String path, Position at, Mapping mapping, List<String> known) {
            this.path = path;
            this.at = at;
            this.fields = fields(mapping, path, known, unknown);
        }

        String path(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        Optional<Field> field(String key) {
            return Optional.ofNullable(fields.get(key));
        }

        /** Where a key's value is, else where the key would go. */
        Position valueAt(String key) {
            return field(key).map(f -> f.value().position()).orElse(at);
        }

        Optional<String> text(String key) {
            return field(key).flatMap(f -> scalarText(f.value(), path(key)));
        }

        Optional<String> required(String key) {
            Optional<Field> f = field(key);
            if (f.isEmpty() || isNull(f.get().value())) {
                String hint = unknown.values().stream()
                        .filter(u -> !suggestion(u.key(), List.of(key)).isEmpty())
                        .map(u -> " (is '" + u.key() + "' on line " + u.at().line()
                                + " a misspelling?)")
                        .findFirst().orElse("");
                problems.error(f.map(Field::at).orElse(at), path(key), "missing; every SSO"
                        + " instance needs SSORegion and StartUrl" + hint);
                return Optional.empty();
            }
            return text(key).filter(v -> {
                if (v.isBlank()) {
                    problems.error(valueAt(key), path(key), "must not be empty");
                }
                return !v.isBlank();
            });
        }

        Optional<String> region(String key) {
            return text(key).flatMap(r -> checkRegion(this, key, r));
        }

        Optional<Path> pathValue(String key) {
            return text(key).filter(p -> !p.isBlank()).flatMap(p -> {
                try {
                    return Optional.of(env.expandPath(p));
                } catch (InvalidPathException e) {
                    problems.error(valueAt(key), path(key), "not a valid path: " + e.getReason());
                    return Optional.empty();
                }
            });
        }

        Optional<Boolean> bool(String key) {
            return text(key).flatMap(v -> {
                if (v.equalsIgnoreCase("true")) {
                    return Optional.of(true);
                }
                if (v.equalsIgnoreCase("false")) {
                    return Optional.of(false);
                }
                problems.error(valueAt(key), path(key), "expected true or false, found '"
                        + YamlNode.Snippet.of(v) + "'");
                return Optional.empty();
            });
        }

        Optional<Integer> integer(String key, int min, int max) {
            return text(key).flatMap(v -> {
                String t = v.strip();
                if (!INTEGER.matcher(t).matches()) {
                    problems.error(valueAt(key), path(key), "expected a whole number, found '"
                            + YamlNode.Snippet.of(v) + "'");
                    return Optional.empty();
                }
                String digits = t.replaceFirst("^[-+]?0*", "");
                long n = digits.length() > 18 ? (t.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE)
                        : (t.startsWith("-") ? -1 : 1) * (digits.isEmpty() ? 0 : Long.parseLong(digits));
                if (n < min || n > max) {
                    problems.error(valueAt(key), path(key), rangeMessage(min, max)
                            + ", found " + YamlNode.Snippet.of(t));
                    return Optional.empty();
                }
                return Optional.of((int) n);
            });
        }

        <T> Optional<Located<T>> enumValue(String key, Function<String, Optional<T>> parse,
                String valid) {
            return text(key).filter(v -> !v.isBlank()).flatMap(v -> {
                Optional<T> value = parse.apply(v.strip());
                if (value.isEmpty()) {
                    problems.error(valueAt(key), path(key), "unknown value '"
                            + YamlNode.Snippet.of(v) + "'; valid values: " + valid);
                }
                return value.map(x -> new Located<>(x, valueAt(key)));
            });
        }

        Optional<List<String>> list(String key) {
            Optional<Field> f = field(key).filter(x -> !isNull(x.value()));
            Optional<Sequence> seq = f.flatMap(x -> sequence(x.value(), path(key)));
            if (seq.isEmpty()) {
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            List<YamlNode> items = seq.get().items();
            for (int i = 0; i < items.size(); i++) {
                scalarText(items.get(i), path(key) + "[" + i + "]").ifPresent(values::add);
            }
            return Optional.of(values);
        }

        Optional<Map<String, String>> stringMap(String key) {
            Optional<Map<String, Field>> entries = field(key).filter(x -> !isNull(x.value()))
                    .flatMap(x -> mapping(x, path(key)));
            return entries.map(e -> {
                Map<String, String> values = new LinkedHashMap<>();
                for (Field f : e.values()) {
                    if (isNull(f.value())) {
                        values.put(f.key(), "");
                    } else {
                        scalarText(f.value(), path(key) + "." + f.key())
                                .ifPresent(v -> values.put(f.key(), v));
                    }
                }
                return values;
            });
        }
    }

    /** A value and where it came from, for rules that compare several keys. */
    record Located<T>(T value, Position at) {
    }

    private static String rangeMessage(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return min == Integer.MIN_VALUE ? "must be a whole number" : "must be at least " + min;
        }
        return "must be between " + min + " and " + max;
    }

    /** A known-key section; empty (with a problem) when the value is not a mapping. */
    private Optional<Section> section(Field f, String path, List<String> known, boolean required) {
        if (isNull(f.value())) {
            if (required) {
                problems.error(f.at(), path, "is empty; it needs SSORegion and StartUrl");
                return Optional.empty();
            }
            return Optional.of(new Section(path, f.at(), Map.of()));
        }
        if (!(f.value() instanceof Mapping)) {
            problems.error(f.value().position(), path, "expected a mapping of settings, found "
                    + f.value().kind());
            return Optional.empty();
        }
        return Optional.of(new Section(path, f.at(), (Mapping) f.value(), known));
    }

    /** The entries of a mapping value, or empty with a problem when it is something else. */
    private Optional<Map<String, Field>> mapping(Field f, String path) {
        if (!(f.value() instanceof Mapping)) {
            problems.error(f.value().position(), path, "expected a mapping, found "
                    + f.value().kind());
            return Optional.empty();
        }
        return Optional.of(entries((Mapping) f.value(), path));
    }

    private Optional<Sequence> sequence(YamlNode node, String path) {
        if (node instanceof Sequence) {
            return Optional.of((Sequence) node);
        }
        problems.error(node.position(), path, "expected a list like [a, b], found " + node.kind());
        return Optional.empty();
    }

    private Optional<String> scalarText(YamlNode node, String path) {
        if (node instanceof Scalar) {
            Scalar s = (Scalar) node;
            return s.isNull() ? Optional.empty() : Optional.of(s.value());
        }
        problems.error(node.position(), path, "expected a single value, found " + node.kind());
        return Optional.empty();
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof Scalar && ((Scalar) node).isNull();
    }

    /**
     * The keys of a section, matched to their canonical spelling. Keys differing only in case are
     * accepted with a warning (aws-sso-cli's decoder ignores case); unknown keys are warnings, not
     * errors, so a config written for a newer version still loads.
     */
    private Map<String, Field> fields(Mapping mapping, String path, List<String> known,
            Map<String, Field> unknown) {
        Map<String, Field> result = new LinkedHashMap<>();
        for (Field f : entries(mapping, path).values()) {
            String canonical = known.contains(f.key()) ? f.key() : known.stream()
                    .filter(k -> k.equalsIgnoreCase(f.key())).findFirst().orElse(null);
            String keyPath = path.isEmpty() ? f.key() : path + "." + f.key();
            if (canonical == null) {
                problems.warn(f.at(), keyPath, "unknown key, ignored" + suggestion(f.key(), known));
                unknown.put(f.key(), f);
                continue;
            }
            if (!canonical.equals(f.key())) {
                problems.warn(f.at(), keyPath, "read as '" + canonical + "'; write it that way");
            }
            Field earlier = result.putIfAbsent(canonical, f);
            if (earlier != null) {
                problems.error(f.at(), keyPath, "duplicate key (also on line "
                        + earlier.at().line() + ")");
            }
        }
        return result;
    }

    /**
     * The entries of a mapping by key text, with merge keys ({@code <<: *base}) applied: explicit
     * keys win over merged ones, and earlier merged mappings win over later ones, as in YAML 1.1.
     */
    private Map<String, Field> entries(Mapping mapping, String path) {
        Map<String, Field> cached = merged.get(mapping);
        if (cached != null) {
            return cached;
        }
        Map<String, Field> explicit = new LinkedHashMap<>();
        Map<String, Field> fromMerges = new LinkedHashMap<>();
        for (Entry e : mapping.entries()) {
            YamlNode key = e.key();
            if (!(key instanceof Scalar) || isNull(key)) {
                problems.error(key.position(), path, "keys must be names, found " + key.kind());
                continue;
            }
            Scalar k = (Scalar) key;
            if (MERGE_TAG.equals(k.tag()) || (k.plain() && k.value().equals("<<"))) {
                merge(e.value(), path).forEach(fromMerges::putIfAbsent);
                continue;
            }
            String keyPath = path.isEmpty() ? k.value() : path + "." + k.value();
            Field earlier = explicit.putIfAbsent(k.value(), new Field(k.value(), k.position(),
                    e.value()));
            if (earlier != null) {
                problems.error(k.position(), keyPath, "duplicate key (also on line "
                        + earlier.at().line() + ")");
            }
        }
        fromMerges.forEach(explicit::putIfAbsent);
        merged.put(mapping, explicit);
        return explicit;
    }

    private Map<String, Field> merge(YamlNode value, String path) {
        if (value instanceof Mapping) {
            return entries((Mapping) value, path);
        }
        Map<String, Field> result = new LinkedHashMap<>();
        if (value instanceof Sequence) {
            for (YamlNode item : ((Sequence) value).items()) {
                if (item instanceof Mapping) {
                    entries((Mapping) item, path).forEach(result::putIfAbsent);
                } else {
                    problems.error(item.position(), path, "a merge key (<<) takes mappings,"
                            + " found " + item.kind());
                }
            }
            return result;
        }
        problems.error(value.position(), path, "a merge key (<<) takes a mapping or a list of"
                + " mappings, found " + value.kind());
        return result;
    }

    private static String names(List<UrlAction> actions) {
        return String.join(", ", actions.stream().map(UrlAction::configName).toList());
    }

    /** "; did you mean 'X'?" for a near miss (edit distance at most 2), else empty. */
    static String suggestion(String key, Iterable<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Optimal string alignment distance (a swap of two letters counts as one edit). */
    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

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
import java.math.BigInteger;
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
            "FirefoxOpenUrlInContainer", "ConfigUrlAction", "Agent", "AgentIdleTimeout");
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
    /** Plain decimal digits: an account id key written the ordinary way. */
    private static final Pattern DECIMAL_KEY = Pattern.compile("[0-9]+");
    /** What Go's {@code ParseInt(s, 10, 64)} reads (the range is checked separately). */
    private static final Pattern SIGNED_DECIMAL = Pattern.compile("[-+]?[0-9]+");
    /** A decimal float, the part of Go's {@code ParseFloat} syntax an account key can use. */
    private static final Pattern GO_FLOAT =
            Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    /** Go's {@code strconv.ParseBool}, plus the empty string its weak decoder reads as false. */
    private static final Map<String, Boolean> GO_BOOLS = goBools();
    private static final String MERGE_TAG = "tag:yaml.org,2002:merge";
    private static final List<UrlAction> PROFILE_URL_ACTIONS = List.of(UrlAction.CLIP,
            UrlAction.EXEC, UrlAction.OPEN, UrlAction.GRANTED_CONTAINERS,
            UrlAction.OPEN_URL_IN_CONTAINER, UrlAction.ANSI_OSC52);

    private final Problems problems;
    private final Environment env;
    private final ConfigLocation location;
    private final Map<Mapping, Map<String, Field>> merged = new IdentityHashMap<>();

    ConfigBinder(Problems problems, Environment env, ConfigLocation location) {
        this.problems = problems;
        this.env = env;
        this.location = location;
    }

    /** A key as written, where it is, its value, and the key's node (how it was written). */
    record Field(String key, Position at, YamlNode value, YamlNode keyNode) {
    }

    private static Map<String, Boolean> goBools() {
        Map<String, Boolean> m = new java.util.HashMap<>();
        for (String t : List.of("1", "t", "T", "TRUE", "true", "True")) {
            m.put(t, true);
        }
        for (String f : List.of("0", "f", "F", "FALSE", "false", "False", "")) {
            m.put(f, false);
        }
        return Map.copyOf(m);
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
        UrlActions actions = urlActions(s);
        Map<String, SsoConfig> instances = instances(s, actions.beforeMigration().value());
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
        Optional<Map<String, Field>> entries = mapEntries(field.get(), "SSOConfig");
        if (entries.isEmpty()) {
            return result;
        }
        boolean listWithItems = field.get().value() instanceof Sequence seq
                && seq.items().stream().anyMatch(i -> !isNull(i));
        if (entries.get().isEmpty() && !listWithItems) {
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
        Optional<String> region = s.required("SSORegion").map(r -> checkRegion(s, "SSORegion", r));
        Optional<String> startUrl = s.required("StartUrl").flatMap(u -> checkStartUrl(s, u));
        Optional<String> defaultRegion = s.region("DefaultRegion");
        UrlAction authAction = s.urlAction("AuthUrlAction", UrlAction.names(), a -> true)
                .map(Located::value).orElse(defaultAuthAction);
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

    /**
     * A start URL that is not even an absolute URL is an error (nothing could log in with it); one
     * that is not https, or plain http to a host other than this machine, only a warning:
     * aws-sso-cli accepts any text, and the URL only names the instance to AWS.
     */
    private Optional<String> checkStartUrl(Section s, String url) {
        String u = url.strip();
        String problem = startUrlProblem(u);
        if (problem == null) {
            return Optional.of(u);
        }
        try {
            URI uri = new URI(u);
            if (uri.isAbsolute() && !uri.isOpaque() && uri.getHost() != null) {
                problems.warn(s.valueAt("StartUrl"), s.path("StartUrl"), problem);
                return Optional.of(u);
            }
        } catch (URISyntaxException e) {
            // reported below
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
                    : "should use https (plain http is meant only for loopback hosts), got '"
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
                .flatMap(f -> mapEntries(f, instance.path("Accounts")));
        for (Field f : entries.orElse(Map.of()).values()) {
            Optional<AccountId> id = accountId(f, instance.path("Accounts"));
            if (id.isEmpty()) {
                continue;
            }
            String path = instance.path("Accounts") + "." + id.get().value();
            Position earlier = seen.putIfAbsent(id.get(), f.at());
            if (earlier != null) {
                problems.warn(f.at(), path, "account " + id.get() + " appears twice (also on"
                        + " line " + earlier.line() + "); this one is ignored");
                continue;
            }
            account(f, path, id.get()).ifPresent(a -> result.put(a.id(), a));
        }
        return result;
    }

    /**
     * An account id written as a YAML key, read as aws-sso-cli reads it: the key's text parsed as
     * a base-10 64-bit integer, or as a float when it holds {@code e+}; 0 to 999999999999.
     * Forms only a YAML reader could love ({@code 0x1F}, {@code 1.5e+0}) load with a warning.
     */
    private Optional<AccountId> accountId(Field f, String accountsPath) {
        String key = f.key();
        Optional<AccountId> id = f.keyNode() instanceof Scalar s && s.plain()
                ? plainAccountId(GoScalar.of(s)) : accountIdKey(key);
        if (id.isEmpty()) {
            problems.error(f.at(), accountsPath + "." + key, "'" + YamlNode.Snippet.of(key)
                    + "' is not an account id; expected up to 12 decimal digits (leading zeros"
                    + " allowed), e.g. \"012345678901\"");
            return id;
        }
        String path = accountsPath + "." + id.get().value();
        String t = key.strip();
        if (f.keyNode() instanceof Scalar s && s.plain() && GoScalar.of(s).isLegacyOctal()
                && t.chars().allMatch(c -> c >= '0' && c <= '7')) {
            problems.warn(f.at(), path, "read as account " + id.get().value() + "; aws-sso-cli"
                    + " reads an unquoted number with a leading zero and only the digits 0-7 as"
                    + " octal (a different account): quote it, \"" + t + "\"");
        } else if (!DECIMAL_KEY.matcher(t).matches()) {
            problems.warn(f.at(), path, "'" + YamlNode.Snippet.of(key) + "' is read as account "
                    + id.get().value() + "; write the twelve digits in quotes, \""
                    + id.get().value() + "\"");
        }
        return id;
    }

    /** A plain (unquoted) key: what go-yaml makes of it, then aws-sso-cli's conversion. */
    private static Optional<AccountId> plainAccountId(GoScalar key) {
        switch (key.kind()) {
            case INT:
                if (DECIMAL_KEY.matcher(key.text().strip()).matches()) {
                    // Base 10 always: the leading-zero octal reading is go-yaml's, not the intent.
                    return accountIdKey(key.text().strip());
                }
                return inRange(key.integer());
            case FLOAT:
                double d = key.number();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return Optional.empty();
                }
                // A float key reaches aws-sso-cli's parser in Go's %v form: from 1e6 up that has
                // "e+" and is read as a float and truncated; below, only a whole number parses.
                if (Math.abs(d) >= 1e6 || d == Math.rint(d)) {
                    return inRange(new BigDecimal(d).toBigInteger());
                }
                return Optional.empty();
            case STRING:
                return accountIdKey(key.text());
            default:
                return Optional.empty();
        }
    }

    private static Optional<AccountId> inRange(BigInteger n) {
        return n.signum() >= 0 && n.compareTo(BigInteger.valueOf(AccountId.MAX)) <= 0
                ? Optional.of(AccountId.of(n.longValueExact())) : Optional.empty();
    }

    /**
     * aws-sso-cli's account id parse of a key's text: {@code e+} means a float (truncated),
     * anything else a base-10 64-bit integer with an optional sign; 0 to 999999999999.
     */
    static Optional<AccountId> accountIdKey(String raw) {
        String t = raw.strip();
        if (t.contains("e+")) {
            if (!GO_FLOAT.matcher(t).matches()) {
                return Optional.empty();
            }
            try {
                double d = Double.parseDouble(t);
                return Double.isFinite(d) ? inRange(new BigDecimal(d).toBigInteger())
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (!SIGNED_DECIMAL.matcher(t).matches()) {
            return Optional.empty();
        }
        return inRange(new BigInteger(t));
    }

    private Optional<AccountConfig> account(Field f, String path, AccountId id) {
        Optional<Section> section = section(f, path, ACCOUNT_KEYS, false);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Section s = section.get();
        Map<String, RoleConfig> roles = new LinkedHashMap<>();
        Optional<Map<String, Field>> entries = s.field("Roles")
                .flatMap(r -> mapEntries(r, s.path("Roles")));
        for (Field r : entries.orElse(Map.of()).values()) {
            role(r, s.path("Roles") + "." + r.key()).ifPresent(role -> roles.put(role.name(), role));
        }
        return Optional.of(new AccountConfig(id, s.text("Name"), s.region("DefaultRegion"),
                s.stringMap("Tags").orElse(Map.of()), roles));
    }

    private Optional<RoleConfig> role(Field f, String path) {
        if (f.key().isBlank() || f.key().contains(":")) {
            problems.error(f.at(), path, "'" + YamlNode.Snippet.of(f.key()) + "' is not an IAM"
                    + " role name (1 to 64 letters, digits and +=,.@_-)");
            return Optional.empty();
        }
        if (!ROLE_NAME.matcher(f.key()).matches()) {
            problems.warn(f.at(), path, "'" + YamlNode.Snippet.of(f.key()) + "' is not an IAM"
                    + " role name (1 to 64 letters, digits and +=,.@_-), so it can match no role");
        }
        Optional<Section> section = section(f, path, ROLE_KEYS, false);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Section s = section.get();
        Optional<RoleArn> via = s.text("Via").filter(v -> !v.isBlank()).flatMap(v -> {
            try {
                return Optional.of(RoleArn.parse(v));
            } catch (IllegalArgumentException e) {
                problems.error(s.valueAt("Via"), s.path("Via"), "'" + YamlNode.Snippet.of(v)
                        + "' is not a role ARN; expected arn:aws:iam::<account>:role/<name> or"
                        + " <account>:<name>");
                return Optional.empty();
            }
        });
        Optional<String> sourceIdentity = s.text("SourceIdentity").filter(v -> !v.isEmpty());
        sourceIdentity.ifPresent(v -> {
            String problem = v.toLowerCase(Locale.ROOT).startsWith("aws:")
                    ? "must not start with 'aws:' (AWS reserves that prefix)"
                    : SOURCE_IDENTITY.matcher(v).matches() ? null
                    : "must be 2 to 64 letters, digits and +=,.@_-";
            if (problem != null) {
                problems.warn(s.valueAt("SourceIdentity"), s.path("SourceIdentity"), problem
                        + "; AWS will refuse the role chain");
            }
        });
        Optional<String> externalId = s.text("ExternalId").filter(v -> !v.isEmpty());
        externalId.filter(v -> !EXTERNAL_ID.matcher(v).matches()).ifPresent(v ->
                problems.warn(s.valueAt("ExternalId"), s.path("ExternalId"), "must be 2 to 1224"
                        + " letters, digits and +=,.@:/_-; AWS will refuse the role chain"));
        return Optional.of(new RoleConfig(f.key(), s.text("Profile").filter(p -> !p.isBlank()),
                s.region("DefaultRegion"), s.stringMap("Tags").orElse(Map.of()), via, externalId,
                sourceIdentity));
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
        Optional<Section> section = top.field("OnePassword").filter(f -> !isNull(f.value()))
                .flatMap(f -> section(f, "OnePassword", ONE_PASSWORD_KEYS, false));
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
                .flatMap(f -> mapEntries(f, "ConfigVariables"));
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
        Optional<Section> section = top.field("PromptColors").filter(f -> !isNull(f.value()))
                .flatMap(f -> section(f, "PromptColors",
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
                            + YamlNode.Snippet.of(c) + "', read as DefaultColor" + suggestion(c,
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
                        + "'; 'list' without fields will fail" + suggestion(name,
                                KnownNames.LIST_FIELDS) + "; valid fields: "
                        + String.join(", ", KnownNames.LIST_FIELDS));
            }
            fields.add(name);
        }
        return fields;
    }

    /** A region name that does not look like one is a warning; the value is used as written. */
    private String checkRegion(Section s, String key, String region) {
        if (!REGION.matcher(region).matches()) {
            problems.warn(s.valueAt(key), s.path(key), "'" + YamlNode.Snippet.of(region)
                    + "' is not an AWS region name like us-east-1");
        }
        return region;
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

        /** The value as go-yaml resolves it; empty when absent or null (the default applies). */
        Optional<GoScalar> scalar(String key) {
            return field(key).flatMap(f -> goScalar(f.value(), path(key)));
        }

        /** A string, weakly converted ({@code true} is {@code "1"}, {@code 010} is {@code "8"}). */
        Optional<String> text(String key) {
            return scalar(key).map(GoScalar::weakString);
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
            return text(key).filter(r -> !r.isBlank()).map(r -> checkRegion(this, key, r));
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

        /**
         * A bool the way aws-sso-cli's decoder takes one: YAML's true/false, a number (non-zero is
         * true), or a string Go's {@code ParseBool} knows ({@code 1}, {@code t}, {@code TRUE}...;
         * empty is false). {@code yes} and {@code on} are refused there, so here too.
         */
        Optional<Boolean> bool(String key) {
            return scalar(key).flatMap(v -> {
                switch (v.kind()) {
                    case BOOL:
                    case INT:
                        return Optional.of(!v.weakString().equals("0"));
                    case FLOAT:
                        return Optional.of(v.number() != 0);
                    default:
                        break;
                }
                Boolean b = GO_BOOLS.get(v.text());
                if (b != null) {
                    return Optional.of(b);
                }
                problems.error(valueAt(key), path(key), "expected true or false, found '"
                        + YamlNode.Snippet.of(v.text()) + "'");
                return Optional.empty();
            });
        }

        /**
         * A whole number the way aws-sso-cli's decoder takes one: a YAML integer, a float
         * (truncated), a bool (1 or 0), or a string Go's {@code ParseInt(s, 0, 64)} reads (empty is
         * 0). Outside {@code min..max} it is a warning and the nearest bound is used.
         */
        Optional<Integer> integer(String key, int min, int max) {
            return scalar(key).flatMap(v -> {
                BigInteger n = switch (v.kind()) {
                    case INT -> v.integer();
                    case BOOL -> v.weakString().equals("1") ? BigInteger.ONE : BigInteger.ZERO;
                    case FLOAT -> Double.isFinite(v.number())
                            ? new BigDecimal(v.number()).toBigInteger() : null;
                    default -> v.text().isEmpty() ? BigInteger.ZERO
                            : GoScalar.parseGoInteger(v.text(), true);
                };
                if (n == null || n.bitLength() > 63) {
                    problems.error(valueAt(key), path(key), "expected a whole number, found '"
                            + YamlNode.Snippet.of(v.text()) + "'");
                    return Optional.empty();
                }
                if (n.compareTo(BigInteger.valueOf(min)) < 0
                        || n.compareTo(BigInteger.valueOf(max)) > 0) {
                    int bound = n.signum() < 0 || n.compareTo(BigInteger.valueOf(min)) < 0
                            ? min : max;
                    problems.warn(valueAt(key), path(key), rangeMessage(min, max) + ", found "
                            + YamlNode.Snippet.of(v.text()) + "; read as " + bound);
                    return Optional.of(bound);
                }
                return Optional.of(n.intValueExact());
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

        /**
         * A URL action. aws-sso-cli takes any text here and fails only when it opens a URL with an
         * unknown one; here an unknown one is a warning and the default applies.
         */
        Optional<Located<UrlAction>> urlAction(String key, String valid,
                java.util.function.Predicate<UrlAction> allowed) {
            return text(key).filter(v -> !v.isBlank()).flatMap(v -> {
                Optional<UrlAction> value = UrlAction.fromConfigName(v.strip()).filter(allowed);
                if (value.isEmpty()) {
                    problems.warn(valueAt(key), path(key), "unknown value '"
                            + YamlNode.Snippet.of(v) + "', ignored (aws-sso-cli fails when it"
                            + " opens a URL with it); valid values: " + valid);
                }
                return value.map(x -> new Located<>(x, valueAt(key)));
            });
        }

        /**
         * A list of strings, as aws-sso-cli's decoder makes one: a list; a single string, split at
         * commas ({@code ListFields: AccountId, RoleName}; each part trimmed here); any other
         * single value as a one-element list; an empty mapping as an empty list.
         */
        Optional<List<String>> list(String key) {
            Optional<Field> f = field(key).filter(x -> !isNull(x.value()));
            if (f.isEmpty()) {
                return Optional.empty();
            }
            YamlNode node = f.get().value();
            if (node instanceof Scalar s) {
                GoScalar v = GoScalar.of(s);
                if (v.kind() != GoScalar.Kind.STRING) {
                    return Optional.of(List.of(v.weakString()));
                }
                if (v.text().isEmpty()) {
                    return Optional.of(List.of());
                }
                return Optional.of(java.util.Arrays.stream(v.text().split(",", -1))
                        .map(String::strip).toList());
            }
            if (node instanceof Mapping m && m.entries().isEmpty()) {
                return Optional.of(List.of());
            }
            if (!(node instanceof Sequence seq)) {
                problems.error(node.position(), path(key), "expected a list like [a, b], found "
                        + node.kind());
                return Optional.empty();
            }
            List<String> values = new ArrayList<>();
            List<YamlNode> items = seq.items();
            for (int i = 0; i < items.size(); i++) {
                YamlNode item = items.get(i);
                if (isNull(item)) {
                    values.add("");
                } else {
                    goScalar(item, path(key) + "[" + i + "]").map(GoScalar::weakString)
                            .ifPresent(values::add);
                }
            }
            return Optional.of(values);
        }

        /** A map of strings ({@code Tags}); a list of mappings is merged into one. */
        Optional<Map<String, String>> stringMap(String key) {
            Optional<Map<String, Field>> entries = field(key).flatMap(x -> mapEntries(x, path(key)));
            return entries.map(e -> {
                Map<String, String> values = new LinkedHashMap<>();
                for (Field f : e.values()) {
                    if (isNull(f.value())) {
                        values.put(f.key(), "");
                    } else {
                        goScalar(f.value(), path(key) + "." + f.key()).map(GoScalar::weakString)
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

    /**
     * The entries of a map-valued key as aws-sso-cli's decoder reads them: a mapping; a list of
     * mappings merged into one, later entries winning ({@code Tags: [ {Type: Main} ]}); an empty
     * list as an empty map. Empty (nothing recorded) for null; a problem for anything else.
     */
    private Optional<Map<String, Field>> mapEntries(Field f, String path) {
        YamlNode value = f.value();
        if (isNull(value)) {
            return Optional.empty();
        }
        if (value instanceof Mapping m) {
            return Optional.of(entries(m, path));
        }
        if (value instanceof Sequence seq) {
            Map<String, Field> merged = new LinkedHashMap<>();
            List<YamlNode> items = seq.items();
            for (int i = 0; i < items.size(); i++) {
                YamlNode item = items.get(i);
                if (item instanceof Mapping m) {
                    merged.putAll(entries(m, path));
                } else if (!isNull(item)) {
                    problems.error(item.position(), path + "[" + i + "]", "expected a mapping"
                            + " (key: value) in this list, found " + item.kind());
                }
            }
            return Optional.of(merged);
        }
        problems.error(value.position(), path, "expected a mapping, found " + value.kind());
        return Optional.empty();
    }

    /** A scalar's resolved value; empty for null, a problem for a mapping or list. */
    private Optional<GoScalar> goScalar(YamlNode node, String path) {
        if (node instanceof Scalar s) {
            GoScalar v = GoScalar.of(s);
            return v.kind() == GoScalar.Kind.NULL ? Optional.empty() : Optional.of(v);
        }
        problems.error(node.position(), path, "expected a single value, found " + node.kind());
        return Optional.empty();
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof Scalar && ((Scalar) node).isNull();
    }

    /**
     * The keys of a section, matched to their canonical spelling. aws-sso-cli's decoder matches
     * keys ignoring case, preferring the exact spelling; here a key in another case is read with
     * a warning, and unknown keys are warnings, not errors, as aws-sso-cli ignores them.
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
            Field earlier = result.get(canonical);
            if (earlier == null) {
                result.put(canonical, f);
            } else {
                boolean exact = f.key().equals(canonical) && !earlier.key().equals(canonical);
                Field ignored = exact ? earlier : f;
                problems.warn(ignored.at(), path.isEmpty() ? ignored.key()
                        : path + "." + ignored.key(), "'" + canonical + "' is given twice in"
                        + " different case (lines " + earlier.at().line() + " and "
                        + f.at().line() + "); this one is ignored");
                if (exact) {
                    result.put(canonical, f);
                }
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
                    e.value(), k));
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

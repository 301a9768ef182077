package io.awssso.core.internal.config;

import io.awssso.api.AccountId;
import io.awssso.api.RoleArn;
import io.awssso.core.internal.config.YamlNode.Position;
import io.awssso.core.internal.config.YamlNode.Scalar;
import io.awssso.core.internal.config.YamlNode.Sequence;
import io.awssso.core.internal.config.YamlReader.Field;
import io.awssso.core.internal.config.YamlReader.Located;
import io.awssso.core.internal.config.YamlReader.Section;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds {@code SSOConfig}: each instance (SSORegion, StartUrl by {@link StartUrls}' rule,
 * AuthUrlAction, AwsCliSsoSession), its {@code Accounts} with aws-sso-cli's account-id keys, and
 * their {@code Roles}. The keys each level knows are {@link ConfigBinder}'s lists.
 */
final class InstanceBinder {
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern SOURCE_IDENTITY = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    /** It becomes an ini section name, {@code [sso-session NAME]}, in ~/.aws/config. */
    private static final Pattern SSO_SESSION = Pattern.compile("[^\\s\\[\\]#;]{1,128}");
    /** Plain decimal digits: an account id key written the ordinary way. */
    private static final Pattern DECIMAL_KEY = Pattern.compile("[0-9]+");
    /** What Go's {@code ParseInt(s, 10, 64)} reads (the range is checked separately). */
    private static final Pattern SIGNED_DECIMAL = Pattern.compile("[-+]?[0-9]+");
    /** A decimal float, the part of Go's {@code ParseFloat} syntax an account key can use. */
    private static final Pattern GO_FLOAT =
            Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private final Problems problems;
    private final YamlReader yaml;

    InstanceBinder(Problems problems, YamlReader yaml) {
        this.problems = problems;
        this.yaml = yaml;
    }


    /** {@code SSOConfig}: every instance, keyed by name; problems recorded. */
    Map<String, SsoConfig> instances(Section top, UrlAction defaultAuthAction) {
        Map<String, SsoConfig> result = new LinkedHashMap<>();
        Optional<Field> field = top.field("SSOConfig");
        if (field.isEmpty() || YamlReader.isNull(field.get().value())) {
            problems.error(field.map(Field::at).orElse(top.at), "SSOConfig", "missing: the config"
                    + " needs at least one SSO instance, e.g. 'SSOConfig: {Default: {SSORegion:"
                    + " us-east-1, StartUrl: https://d-1234567890.awsapps.com/start}}'");
            return result;
        }
        Optional<Map<String, Field>> entries = yaml.mapEntries(field.get(), "SSOConfig");
        if (entries.isEmpty()) {
            return result;
        }
        boolean listWithItems = field.get().value() instanceof Sequence seq
                && seq.items().stream().anyMatch(i -> !YamlReader.isNull(i));
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
        Optional<Section> section = yaml.section(f, path, ConfigBinder.INSTANCE_KEYS, true);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Section s = section.get();
        Optional<String> region = s.required("SSORegion").map(r -> yaml.checkRegion(s, "SSORegion", r));
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
     * {@link StartUrls}' rule, forgiving as aws-sso-cli's loader is (it accepts any text; the URL
     * only names the instance to AWS): a URL nothing could log in with is an error, one that is
     * not https only a warning, an unusual path nothing.
     */
    private Optional<String> checkStartUrl(Section s, String url) {
        String u = url.strip();
        Optional<StartUrls.Problem> problem = StartUrls.check(u);
        if (problem.isEmpty() || problem.get().severity() == StartUrls.Severity.UNUSUAL) {
            return Optional.of(u);
        }
        if (problem.get().severity() == StartUrls.Severity.INSECURE) {
            problems.warn(s.valueAt("StartUrl"), s.path("StartUrl"), problem.get().message());
            return Optional.of(u);
        }
        problems.error(s.valueAt("StartUrl"), s.path("StartUrl"), problem.get().message());
        return Optional.empty();
    }

    private Map<AccountId, AccountConfig> accounts(Section instance) {
        Map<AccountId, AccountConfig> result = new LinkedHashMap<>();
        Map<AccountId, Position> seen = new LinkedHashMap<>();
        Optional<Map<String, Field>> entries = instance.field("Accounts")
                .flatMap(f -> yaml.mapEntries(f, instance.path("Accounts")));
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
        Optional<Section> section = yaml.section(f, path, ConfigBinder.ACCOUNT_KEYS, false);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Section s = section.get();
        Map<String, RoleConfig> roles = new LinkedHashMap<>();
        Optional<Map<String, Field>> entries = s.field("Roles")
                .flatMap(r -> yaml.mapEntries(r, s.path("Roles")));
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
        Optional<Section> section = yaml.section(f, path, ConfigBinder.ROLE_KEYS, false);
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
}

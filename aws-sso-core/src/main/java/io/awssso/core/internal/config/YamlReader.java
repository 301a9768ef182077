package io.awssso.core.internal.config;

import io.awssso.core.internal.config.YamlNode.Entry;
import io.awssso.core.internal.config.YamlNode.Mapping;
import io.awssso.core.internal.config.YamlNode.Position;
import io.awssso.core.internal.config.YamlNode.Scalar;
import io.awssso.core.internal.config.YamlNode.Sequence;
import io.awssso.core.internal.env.Environment;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The typed reader over a composed {@link YamlNode} tree, as aws-sso-cli's decoder reads values:
 * sections with known keys (case-insensitive, unknown ones warned about), merge keys, Go's weak
 * conversions of bools, whole numbers, lists and string maps. Every problem is recorded with its
 * line and dotted key, and reading carries on.
 */
final class YamlReader {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    /** Go's {@code strconv.ParseBool}, plus the empty string its weak decoder reads as false. */
    private static final Map<String, Boolean> GO_BOOLS = goBools();
    private static final String MERGE_TAG = "tag:yaml.org,2002:merge";

    private final Problems problems;
    private final Environment env;
    private final Map<Mapping, Map<String, Field>> merged = new IdentityHashMap<>();

    YamlReader(Problems problems, Environment env) {
        this.problems = problems;
        this.env = env;
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

    /** A region name that does not look like one is a warning; the value is used as written. */
    String checkRegion(Section s, String key, String region) {
        if (!REGION.matcher(region).matches()) {
            problems.warn(s.valueAt(key), s.path(key), "'" + YamlNode.Snippet.of(region)
                    + "' is not an AWS region name like us-east-1");
        }
        return region;
    }


    /** A mapping with known keys, at a dotted path. */
    final class Section {
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
                        .filter(u -> !KeySuggestions.suggestion(u.key(), List.of(key)).isEmpty())
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
    Optional<Section> section(Field f, String path, List<String> known, boolean required) {
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
    Optional<Map<String, Field>> mapEntries(Field f, String path) {
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
    Optional<GoScalar> goScalar(YamlNode node, String path) {
        if (node instanceof Scalar s) {
            GoScalar v = GoScalar.of(s);
            return v.kind() == GoScalar.Kind.NULL ? Optional.empty() : Optional.of(v);
        }
        problems.error(node.position(), path, "expected a single value, found " + node.kind());
        return Optional.empty();
    }

    static boolean isNull(YamlNode node) {
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
                problems.warn(f.at(), keyPath, "unknown key, ignored" + KeySuggestions.suggestion(f.key(), known));
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
}

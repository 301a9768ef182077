package io.awssso.cli.internal;

import io.awssso.api.CatalogRole;
import io.awssso.api.HistoryTag;
import io.awssso.api.RoleArn;
import io.awssso.core.SelectorSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The interactive role selector's logic, without a terminal (reference 10.1): the person types
 * alternating {@code TagKey TagValue} tokens, each pair narrowing the roles, until one is left.
 *
 * <ul>
 *   <li>At a key position the suggestions are the tag keys that still split the remaining roles
 *       ({@code "<N> roles/<M> choices"}), sorted with {@code FirstTag} first, plus the virtual key
 *       {@code ProfileName}; once a pair has narrowed the set, the remaining role ARNs follow,
 *       described by the first {@code AccountPrimaryTag} they have.</li>
 *   <li>After a key the suggestions are its values among the remaining roles (the ARN as the
 *       description when one role has it, else {@code "<N> roles"}); {@code History} values are
 *       shown as {@code [<age>] <Alias>:<Role>}.</li>
 *   <li>Matching ignores case: substrings with {@code FullTextSearch: true}, else prefixes only,
 *       as in aws-sso-cli. With {@code FullTextSearch: true}, when no substring matches, an
 *       in-order subsequence match ("fuzzy": {@code prd} finds {@code Production}) is tried, so
 *       an abbreviation still completes (aws-sso-cli offers nothing then).</li>
 * </ul>
 *
 * <p>Spaces in tag keys and values become {@code _}, since tokens are separated by spaces.
 */
public final class SelectionModel {
    /** The virtual key whose values are profile names. */
    public static final String PROFILE_NAME = "ProfileName";
    /** The word that aborts the selector. */
    public static final String EXIT = "exit";
    /** Zero roles match the typed pairs. */
    public static final String NO_MATCH = "Invalid selection: No matching roles.";
    /** Several roles match the typed pairs. */
    public static final String TOO_MANY = "Invalid selection: Too many roles match selected values.";

    private static final String HISTORY = HistoryTag.KEY;

    private final List<Role> roles;
    private final SelectorSettings settings;
    private final Instant now;

    /**
     * Creates the model.
     *
     * @param roles the roles to choose from (the catalog's, with their tags)
     * @param settings FirstTag, FullTextSearch and AccountPrimaryTag
     * @param now the time History ages are measured from
     */
    public SelectionModel(List<CatalogRole> roles, SelectorSettings settings, Instant now) {
        List<Role> list = new ArrayList<>();
        for (CatalogRole r : roles) {
            Map<String, String> tags = new TreeMap<>();
            r.tags().forEach((k, v) -> tags.put(token(k), token(v)));
            list.add(new Role(r.arn(), r.profile(), tags));
        }
        list.sort(Comparator.comparing(Role::arn));
        this.roles = List.copyOf(list);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.now = Objects.requireNonNull(now, "now");
    }

    /**
     * One suggestion.
     *
     * @param value the text inserted on the line
     * @param display the text shown in the list (differs from {@code value} for History values)
     * @param description the text shown beside it
     */
    public record Suggestion(String value, String display, String description) {}

    /**
     * The suggestions for the line as typed so far (up to the cursor).
     *
     * @param line the text before the cursor
     */
    public List<Suggestion> suggestions(String line) {
        Parsed p = Parsed.of(line);
        List<Role> left = narrow(p.complete);
        List<Suggestion> all = p.complete.size() % 2 == 1
                ? values(p.complete.get(p.complete.size() - 1), left)
                : keys(left, p.complete.size() >= 2);
        return match(all, p.word);
    }

    /**
     * What pressing Enter on {@code line} means.
     *
     * @return the chosen role, or empty when the person typed {@code exit}
     * @throws IllegalArgumentException with {@link #NO_MATCH} or {@link #TOO_MANY}
     */
    public Optional<RoleArn> choose(String line) {
        List<String> tokens = tokens(line);
        if (tokens.size() == 1 && tokens.get(0).equals(EXIT)) {
            return Optional.empty();
        }
        if (!tokens.isEmpty()) {
            Optional<Role> direct = byName(tokens.get(tokens.size() - 1));
            if (direct.isPresent()) {
                return Optional.of(direct.get().arn);
            }
        }
        List<String> pairs = tokens.size() % 2 == 0 ? tokens : tokens.subList(0, tokens.size() - 1);
        List<Role> left = narrow(pairs);
        if (left.isEmpty()) {
            throw new IllegalArgumentException(NO_MATCH);
        }
        if (left.size() > 1) {
            throw new IllegalArgumentException(TOO_MANY);
        }
        return Optional.of(left.get(0).arn);
    }

    /** A profile name (exactly, then ignoring case) or a full role ARN. */
    private Optional<Role> byName(String token) {
        for (Role r : roles) {
            if (r.profile.equals(token) || r.arn.toString().equals(token)) {
                return Optional.of(r);
            }
        }
        List<Role> loose = roles.stream().filter(r -> r.profile.equalsIgnoreCase(token)
                || r.arn.toString().equalsIgnoreCase(token)).toList();
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }

    /** The roles that match every complete {@code key value} pair (case-insensitive). */
    private List<Role> narrow(List<String> tokens) {
        List<Role> left = roles;
        for (int i = 0; i + 1 < tokens.size(); i += 2) {
            String key = tokens.get(i);
            String value = tokens.get(i + 1);
            left = left.stream().filter(r -> r.value(key).map(v -> v.equalsIgnoreCase(value))
                    .orElse(false)).toList();
        }
        return left;
    }

    private List<Suggestion> keys(List<Role> left, boolean narrowed) {
        Map<String, TreeSet<String>> valuesByKey = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Integer> rolesByKey = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Role r : left) {
            for (Map.Entry<String, String> t : r.tags.entrySet()) {
                valuesByKey.computeIfAbsent(t.getKey(), k -> new TreeSet<>()).add(t.getValue());
                rolesByKey.merge(t.getKey(), 1, Integer::sum);
            }
        }
        List<String> names = new ArrayList<>(valuesByKey.keySet());
        String first = settings.firstTag();
        names.sort(Comparator.comparing((String k) -> !k.equalsIgnoreCase(first))
                .thenComparing(String.CASE_INSENSITIVE_ORDER));
        List<Suggestion> out = new ArrayList<>();
        for (String key : names) {
            int n = rolesByKey.get(key);
            int m = valuesByKey.get(key).size();
            // A key cannot narrow the set when every remaining role has it with the same value.
            if (narrowed && n == left.size() && m == 1) {
                continue;
            }
            out.add(new Suggestion(key, key, n + " roles/" + m + " choices"));
        }
        if (left.size() > 1 || !narrowed) {
            out.add(new Suggestion(PROFILE_NAME, PROFILE_NAME, left.size() + " roles/" + left.size()
                    + " choices"));
        }
        if (narrowed) {
            for (Role r : left) {
                out.add(new Suggestion(r.arn.toString(), r.arn.toString(), primaryTag(r)));
            }
        }
        return out;
    }

    private List<Suggestion> values(String key, List<Role> left) {
        Map<String, List<Role>> byValue = new LinkedHashMap<>();
        for (Role r : left) {
            r.value(key).ifPresent(v -> byValue.computeIfAbsent(v, x -> new ArrayList<>()).add(r));
        }
        List<Suggestion> out = new ArrayList<>();
        for (Map.Entry<String, List<Role>> e : byValue.entrySet()) {
            List<Role> with = e.getValue();
            String description = with.size() == 1 ? with.get(0).arn.toString() : with.size() + " roles";
            String display = key.equalsIgnoreCase(HISTORY) ? historyDisplay(e.getKey()) : e.getKey();
            out.add(new Suggestion(e.getKey(), display, description));
        }
        if (key.equalsIgnoreCase(HISTORY)) {
            // Most recent first: the value ends with ",<unixSeconds>".
            out.sort(Comparator.comparingLong((Suggestion s) -> -historySeconds(s.value()))
                    .thenComparing(Suggestion::value));
        } else {
            out.sort(Comparator.comparing(Suggestion::value, String.CASE_INSENSITIVE_ORDER));
        }
        return out;
    }

    private String primaryTag(Role r) {
        for (String key : settings.accountPrimaryTag()) {
            Optional<String> v = r.value(key);
            if (v.isPresent() && !v.get().isEmpty()) {
                return key + ":" + v.get();
            }
        }
        return r.profile;
    }

    /** {@code Alias:Role,1700000000} becomes {@code [1h2m3s] Alias:Role}. */
    private String historyDisplay(String value) {
        return HistoryTag.parse(value).map(h -> {
            Duration age = Duration.between(h.usedAt(), now);
            return "[" + age(age.isNegative() ? Duration.ZERO : age) + "] " + h.label();
        }).orElse(value);
    }

    /** Go's duration text, as aws-sso-cli shows it: {@code 1h2m3s}, {@code 5m0s}, {@code 42s}. */
    static String age(Duration d) {
        long s = d.getSeconds();
        StringBuilder b = new StringBuilder();
        if (s >= 3600) {
            b.append(s / 3600).append('h');
        }
        if (s >= 60) {
            b.append(s % 3600 / 60).append('m');
        }
        return b.append(s % 60).append('s').toString();
    }

    private static long historySeconds(String value) {
        return HistoryTag.parse(value).map(h -> h.usedAt().getEpochSecond()).orElse(-1L);
    }

    private List<Suggestion> match(List<Suggestion> all, String word) {
        if (word.isEmpty()) {
            return all;
        }
        String w = word.toLowerCase(Locale.ROOT);
        List<Suggestion> hits = all.stream().filter(s -> matches(s, w)).toList();
        if (!hits.isEmpty() || !settings.fullTextSearch()) {
            // FullTextSearch: false promises prefixes only, as aws-sso-cli's selector does
            return hits;
        }
        return all.stream().filter(s -> subsequence(s.value().toLowerCase(Locale.ROOT), w)
                || subsequence(s.display().toLowerCase(Locale.ROOT), w)).toList();
    }

    private boolean matches(Suggestion s, String w) {
        String value = s.value().toLowerCase(Locale.ROOT);
        String display = s.display().toLowerCase(Locale.ROOT);
        return settings.fullTextSearch() ? value.contains(w) || display.contains(w)
                : value.startsWith(w) || display.startsWith(w);
    }

    private static boolean subsequence(String text, String w) {
        int i = 0;
        for (int j = 0; j < text.length() && i < w.length(); j++) {
            if (text.charAt(j) == w.charAt(i)) {
                i++;
            }
        }
        return i == w.length();
    }

    static String token(String text) {
        return text.trim().replace(' ', '_');
    }

    static List<String> tokens(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    /** The complete tokens before the word being typed. */
    private record Parsed(List<String> complete, String word) {
        static Parsed of(String line) {
            List<String> tokens = tokens(line);
            if (tokens.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1))) {
                return new Parsed(tokens, "");
            }
            return new Parsed(tokens.subList(0, tokens.size() - 1), tokens.get(tokens.size() - 1));
        }
    }

    private record Role(RoleArn arn, String profile, Map<String, String> tags) {
        Optional<String> value(String key) {
            if (key.equalsIgnoreCase(PROFILE_NAME)) {
                return Optional.of(profile);
            }
            for (Map.Entry<String, String> t : tags.entrySet()) {
                if (t.getKey().equalsIgnoreCase(key)) {
                    return Optional.of(t.getValue());
                }
            }
            return Optional.empty();
        }
    }
}

package io.awssso.cli.completion;

import io.awssso.core.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completes one command line, the part left of the cursor, as the shell hands it over. Commands
 * and flags come from the picocli model (hidden ones are never offered); option values come from
 * {@link CompletionData}, the library's {@link Vocabulary} (URL actions, {@code list} fields) and
 * {@link Shell}. {@code -S/--sso} typed earlier on the same line selects the instance
 * whose roles are offered, and {@code -A}/{@code -R} already on the line narrow the accounts,
 * roles and ARNs offered (reference 10.2).
 */
public final class Completer {
    /** What a completion asks the shell to do instead of offering words: complete file names. */
    public static final String FILES = ":files";

    /** Commercial, GovCloud, China and European Sovereign Cloud regions. */
    static final List<String> REGIONS = List.of(
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1",
            "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2",
            "us-west-1", "us-west-2", "us-gov-east-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1",
            "eusc-de-east-1");

    /** The shell helper that takes a profile name ({@code aws-sso-profile [-S sso] <profile>}). */
    public static final String PROFILE_HELPER = "aws-sso-profile";

    private final CommandSpec root;
    private final CompletionData data;

    /**
     * Creates a completer.
     *
     * @param root the {@code aws-sso} command's model
     * @param data where profiles, accounts, roles and instances come from
     */
    public Completer(CommandSpec root, CompletionData data) {
        this.root = root;
        this.data = data;
    }

    /**
     * One offered word and what it is (fish shows the description).
     *
     * @param value the word
     * @param description a short description, or empty
     */
    public record Candidate(String value, String description) {}

    /**
     * Completes the last word of {@code line}.
     *
     * @param line the command line up to the cursor; when it ends in a blank, a new word is completed
     * @return the words that start with what was typed, or a single {@link #FILES} for file names
     */
    public List<Candidate> complete(String line) {
        List<String> words = split(line);
        if (words.isEmpty()) {
            return List.of();
        }
        String current = words.remove(words.size() - 1);
        if (words.isEmpty()) {
            return List.of(); // still typing the command's own name
        }
        String program = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
        Line parsed = PROFILE_HELPER.equals(program) ? parseHelper(words) : parse(words);
        List<Candidate> all = new ArrayList<>();
        if (parsed.pendingOption != null) {
            all.addAll(values(parsed.pendingOption, parsed, ""));
        } else if (current.startsWith("-") && current.contains("=")) {
            String name = current.substring(0, current.indexOf('='));
            Optional<String> option = parsed.options.keySet().stream()
                    .filter(o -> o.equals(name)).findFirst();
            if (option.isPresent()) {
                all.addAll(values(parsed.options.get(option.get()), parsed, name + "="));
            }
        } else if (current.startsWith("-")) {
            parsed.options.forEach((name, kind) -> all.add(new Candidate(name, parsed.descriptions.get(name))));
        } else {
            all.addAll(parsed.commands);
            all.addAll(values(parsed.positional, parsed, ""));
        }
        if (all.size() == 1 && all.get(0).value().endsWith(FILES)) {
            return List.of(new Candidate(FILES, ""));
        }
        Map<String, Candidate> unique = new LinkedHashMap<>();
        for (Candidate c : all) {
            if (c.value().startsWith(current)) {
                unique.putIfAbsent(c.value(), c);
            }
        }
        return List.copyOf(unique.values());
    }

    /** What the words left of the current one say. */
    private static final class Line {
        final Map<String, String> options = new LinkedHashMap<>(); // name -> value kind
        final Map<String, String> descriptions = new LinkedHashMap<>();
        final List<Candidate> commands = new ArrayList<>();
        String positional = "";
        String pendingOption;
        String sso = "";
        String account = "";
        String role = "";
    }

    private Line parseHelper(List<String> words) {
        Line line = new Line();
        line.options.put("-S", "sso");
        line.options.put("--sso", "sso");
        line.positional = "profile";
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-S") || w.equals("--sso")) {
                if (i + 1 < words.size()) {
                    line.sso = words.get(++i);
                } else {
                    line.pendingOption = "sso";
                }
            } else if (!w.startsWith("-")) {
                line.positional = ""; // one profile only
            }
        }
        return line;
    }

    private Line parse(List<String> words) {
        CommandSpec spec = root;
        Line line = new Line();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                spec = null;
                break;
            }
            CommandLine sub = w.startsWith("-") ? null : spec.subcommands().get(w);
            if (sub != null) {
                spec = sub.getCommandSpec();
                continue;
            }
            if (!w.startsWith("-") || w.equals("-")) {
                if (spec.name().equals("exec") || spec.name().equals("run")) { // the rest is the command's
                    spec = null;
                    break;
                }
                continue;
            }
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            OptionSpec option = spec.findOption(name);
            if (option == null && !name.startsWith("--") && name.length() > 2) {
                option = spec.findOption(name.substring(0, 2)); // -Sname, -pPROFILE
                if (option != null && option.arity().max() > 0) {
                    remember(line, option, name.substring(2));
                }
                continue;
            }
            if (option == null || option.arity().max() == 0 || w.contains("=")) {
                if (option != null && w.contains("=")) {
                    remember(line, option, w.substring(w.indexOf('=') + 1));
                }
                continue;
            }
            if (i + 1 < words.size()) {
                remember(line, option, words.get(++i));
            } else {
                line.pendingOption = kind(option);
            }
        }
        if (spec == null) {
            line.pendingOption = null;
            return line;
        }
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            String description = o.description().length == 0 ? "" : o.description()[0];
            for (String n : o.names()) {
                line.options.put(n, kind(o));
                line.descriptions.put(n, description);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        spec.subcommands().forEach((name, sub) -> {
            CommandSpec s = sub.getCommandSpec();
            if (!s.usageMessage().hidden() && seen.add(name)) {
                String[] d = s.usageMessage().description();
                line.commands.add(new Candidate(name, d.length == 0 ? "" : d[0]));
            }
        });
        if (!spec.positionalParameters().isEmpty() && spec.name().equals("list")) {
            line.positional = "field";
        }
        return line;
    }

    private static void remember(Line line, OptionSpec option, String value) {
        switch (kind(option)) {
            case "sso" -> line.sso = value;
            case "account" -> line.account = value;
            case "role" -> line.role = value;
            default -> { }
        }
    }

    /** What kind of value an option takes, from its long name and type. */
    private static String kind(OptionSpec option) {
        if (option.arity().max() == 0) {
            return "flag";
        }
        String longName = option.longestName();
        switch (longName) {
            case "--sso": return "sso";
            case "--profile": return "profile";
            case "--account": return "account";
            case "--role": return "role";
            case "--arn": return "arn";
            case "--region": return "region";
            case "--url-action": return "url-action";
            case "--sort": return "field";
            case "--prefix": return "prefix";
            case "--shell": return "shell";
            default: break;
        }
        Class<?> type = option.type();
        if (type == java.nio.file.Path.class || type == java.io.File.class) {
            return "file";
        }
        if (option.completionCandidates() != null) {
            return "enum:" + longName;
        }
        return "";
    }

    private List<Candidate> values(String kind, Line line, String prefix) {
        if (kind == null || kind.isEmpty()) {
            return List.of();
        }
        List<String> values = switch (kind) {
            case "sso" -> data.instances();
            case "profile" -> roles(line, r -> true).stream().map(CompletionData.Role::profile).toList();
            case "account" -> roles(line, r -> line.role.isEmpty() || r.roleName().equals(line.role)).stream()
                    .map(CompletionData.Role::accountId).toList();
            case "role" -> roles(line, r -> line.account.isEmpty() || sameAccount(r, line.account)).stream()
                    .map(CompletionData.Role::roleName).toList();
            case "arn" -> roles(line, r -> (line.account.isEmpty() || sameAccount(r, line.account))
                    && (line.role.isEmpty() || r.roleName().equals(line.role))).stream()
                    .map(CompletionData.Role::arn).toList();
            case "region" -> REGIONS;
            // the library's own sets, so that completion offers what it accepts and nothing else
            case "url-action" -> Vocabulary.urlActions();
            case "field" -> List.copyOf(Vocabulary.listFields().keySet());
            case "prefix" -> Vocabulary.listPrefixFields().stream().map(f -> f + "=").toList();
            case "shell" -> Arrays.stream(Shell.values()).map(Shell::id).toList();
            case "file" -> List.of(FILES);
            default -> enumValues(kind);
        };
        return values.stream().map(v -> new Candidate(prefix + v, "")).toList();
    }

    private List<String> enumValues(String kind) {
        if (!kind.startsWith("enum:")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (CommandSpec s : allSpecs(root)) {
            OptionSpec o = s.findOption(kind.substring(5));
            if (o != null && o.completionCandidates() != null) {
                o.completionCandidates().forEach(out::add);
                return out;
            }
        }
        return out;
    }

    private static List<CommandSpec> allSpecs(CommandSpec spec) {
        List<CommandSpec> out = new ArrayList<>(List.of(spec));
        spec.subcommands().values().forEach(c -> out.addAll(allSpecs(c.getCommandSpec())));
        return out;
    }

    private static boolean sameAccount(CompletionData.Role r, String account) {
        return r.accountId().equals(account) || r.accountId().replaceFirst("^0+", "").equals(account.replaceFirst("^0+", ""));
    }

    private List<CompletionData.Role> roles(Line line, Predicate<CompletionData.Role> filter) {
        return data.roles(line.sso).stream().filter(filter).toList();
    }

    /**
     * Splits a command line into words as a POSIX shell would for simple input: blanks separate,
     * single and double quotes group, a backslash escapes the next character. A line ending in a
     * blank gets an empty last word (the one being completed).
     */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        words.add(word.toString()); // the word under the cursor, maybe empty
        return words;
    }
}

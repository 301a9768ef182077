package io.awssso.cli.internal;

import io.awssso.api.AwsSsoException;
import io.awssso.api.Partition;
import io.awssso.core.ConfigSetup;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;

/**
 * The {@code setup wizard} dialogue (reference 1.3): partition, start URL (shape checked, then an
 * HTTP HEAD that should answer 200), SSO region of that partition, ProfileFormat; with
 * {@code --advanced} also the instance name, DefaultRegion, CacheRefresh, AutoConfigCheck,
 * FullTextSearch, UrlAction (with UrlExecCommand or Browser), ConsoleDuration, HistoryLimit,
 * HistoryMinutes and LogLevel. On a remote host ({@code $SSH_TTY}, {@code $WSL_DISTRO_NAME}) only
 * the URL actions that work there are offered, and UrlAction is asked even in the basic mode.
 *
 * <p>Every prompt shows its default in brackets (the current value when updating); Enter takes
 * it. Choices are numbered: type the number or the name ({@code <Tab>} completes it). Prompts go
 * to stderr. Ctrl-D aborts with nothing written (exit 1), Ctrl-C exits 130.
 */
public final class SetupWizard {
    /** How long the start URL check waits. */
    static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);

    private final Terminal terminal;
    private final ConfigSetup setup;

    /**
     * Creates the wizard.
     *
     * @param terminal the run's streams (everything goes to stderr)
     * @param setup where config.yaml is and how to write it
     */
    public SetupWizard(Terminal terminal, ConfigSetup setup) {
        this.terminal = terminal;
        this.setup = setup;
    }

    /**
     * Asks the questions and writes config.yaml.
     *
     * @param advanced ask the advanced settings too
     * @return the file written
     * @throws AwsSsoException when stdin is not a terminal, or the person aborts
     */
    public Path run(boolean advanced) {
        if (!Prompts.stdinIsTerminal()) {
            throw new AwsSsoException("the setup wizard needs a terminal, and stdin is not one; create "
                    + setup.file() + " by hand or run 'aws-sso setup wizard' in a terminal");
        }
        PrintWriter err = terminal.err();
        err.flush();
        try (org.jline.terminal.Terminal jline = Prompts.open()) {
            Ask ask = new Ask(jline);
            ConfigSetup.Answers answers = ask(ask, advanced);
            Optional<Path> backup = setup.write(answers);
            backup.ifPresent(b -> err.println("Saved the previous config as " + b));
            err.println("Wrote " + setup.file() + ". Next: aws-sso login");
            err.flush();
            return setup.file();
        } catch (UserInterruptException e) {
            throw Prompts.interrupted();
        } catch (EndOfFileException e) {
            throw new AwsSsoException("setup wizard aborted; " + setup.file() + " was not changed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ConfigSetup.Answers ask(Ask ask, boolean advanced) {
        PrintWriter out = ask.writer();
        if (setup.exists()) {
            out.println("Updating " + setup.file() + " (the current file is backed up first).");
        } else {
            out.println("Creating " + setup.file() + ".");
        }
        String instance = advanced ? ask.text("SSO instance name", "Default", SetupWizard::instanceProblem)
                : "Default";
        Map<String, Object> current = setup.current(instance).orElse(Map.of());
        String prefix = "SSOConfig." + instance + ".";

        String currentUrl = string(current.get(prefix + "StartUrl")).orElse("");
        String currentRegion = string(current.get(prefix + "SSORegion")).orElse("");
        Partition guess = Partition.ofRegion(currentRegion);
        Partition partition = Partition.values()[ask.choose("AWS partition",
                Arrays.stream(Partition.values()).map(SetupWizard::label).toList(), label(guess))];

        String startUrl = startUrl(ask, currentUrl);
        List<String> regions = ConfigSetup.identityCenterRegions(partition);
        String ssoRegion = regions.get(ask.choose("SSO region (where IAM Identity Center lives)", regions,
                regions.contains(currentRegion) ? currentRegion : regions.get(0)));

        Map<String, String> formats = ConfigSetup.profileFormats();
        List<String> formatNames = new ArrayList<>();
        formats.forEach((name, template) -> formatNames.add(name + ": " + template));
        // A config without ProfileFormat runs with the code's default, Friendly: keep offering
        // what it uses now, so pressing Enter never renames every profile.
        String currentFormat = string(current.get("ProfileFormat")).orElse(setup.exists()
                ? ConfigSetup.FRIENDLY_PROFILE_FORMAT : ConfigSetup.DEFAULT_PROFILE_FORMAT);
        List<String> templates = new ArrayList<>(formats.values());
        if (!templates.contains(currentFormat)) {
            templates.add(currentFormat);
            formatNames.add("Keep the current: " + currentFormat);
        }
        String profileFormat = templates.get(ask.choose("ProfileFormat (how profiles are named)", formatNames,
                formatNames.get(templates.indexOf(currentFormat))));

        Map<String, Object> settings = new LinkedHashMap<>();
        if (advanced) {
            List<String> all = new ArrayList<>(regions);
            String currentDefault = string(current.get("DefaultRegion")).orElse(ssoRegion);
            if (!all.contains(currentDefault)) {
                all.add(currentDefault);
            }
            settings.put("DefaultRegion", all.get(ask.choose("DefaultRegion (for AWS_DEFAULT_REGION)", all,
                    currentDefault)));
            settings.put("CacheRefresh", ask.integer("CacheRefresh: hours before the role cache is"
                    + " refreshed (0 = never)", integer(current.get("CacheRefresh"), 168), 0, 24 * 365));
            settings.put("AutoConfigCheck", ask.yesNo("AutoConfigCheck: update ~/.aws/config when roles"
                    + " change", bool(current.get("AutoConfigCheck"), false)));
            settings.put("FullTextSearch", ask.yesNo("FullTextSearch: match anywhere in the selector"
                    + " (no = prefixes only)", bool(current.get("FullTextSearch"), true)));
        }
        if (advanced || setup.remoteHost()) {
            urlAction(ask, current, settings);
        }
        if (advanced) {
            settings.put("ConsoleDuration", ask.integer("ConsoleDuration: console session minutes",
                    integer(current.get("ConsoleDuration"), 720), 15, 720));
            settings.put("HistoryLimit", ask.integer("HistoryLimit: recent roles kept (0 = none)",
                    integer(current.get("HistoryLimit"), 10), 0, 1000));
            settings.put("HistoryMinutes", ask.integer("HistoryMinutes: forget History older than this"
                    + " (0 = never)", integer(current.get("HistoryMinutes"), 1440), 0, 10_000_000));
            List<String> levels = List.of("error", "warn", "info", "debug", "trace");
            String level = string(current.get("LogLevel")).filter(levels::contains).orElse("error");
            settings.put("LogLevel", levels.get(ask.choose("LogLevel", levels, level)));
        }
        return new ConfigSetup.Answers(instance, startUrl, ssoRegion, profileFormat, settings);
    }

    /** What the partition question shows: {@code Commercial (aws)}. */
    private static String label(Partition partition) {
        return partition.displayName() + " (" + partition.id() + ")";
    }

    private String startUrl(Ask ask, String current) {
        while (true) {
            String url = ask.text("Start URL (https://<id>.awsapps.com/start)", current,
                    u -> ConfigSetup.startUrlProblem(u).orElse(null));
            String problem;
            try {
                int status = ConfigSetup.checkStartUrl(url, HEAD_TIMEOUT);
                if (status == 200) {
                    return url;
                }
                problem = url + " answered HTTP " + status + " (expected 200)";
            } catch (AwsSsoException e) {
                problem = e.getMessage();
            }
            ask.writer().println("Warning: " + problem + ".");
            int choice = ask.choose("Use it anyway?", List.of("retry: enter the URL again", "accept: use it"),
                    "retry: enter the URL again");
            if (choice == 1) {
                return url;
            }
            current = url;
        }
    }

    private void urlAction(Ask ask, Map<String, Object> current, Map<String, Object> settings) {
        List<String> actions = setup.urlActions();
        String fallback = setup.remoteHost() ? "print" : "open";
        String action = string(current.get("UrlAction")).filter(actions::contains).orElse(fallback);
        action = actions.get(ask.choose("UrlAction: what to do with login and console URLs", actions, action));
        settings.put("UrlAction", action);
        if (action.equals("exec") || action.contains("container")) {
            String now = current.get("UrlExecCommand") instanceof List<?> l
                    ? String.join(" ", l.stream().map(String::valueOf).toList()) : "";
            String command = ask.text("UrlExecCommand: the program and its arguments, %s for the URL", now,
                    c -> c.split("\\s+").length >= 2 && c.contains("%s") ? null
                            : "give a program and at least one argument, one of them %s");
            settings.put("UrlExecCommand", List.of(command.strip().split("\\s+")));
        } else if (action.equals("open")) {
            String browser = ask.text("Browser (empty: the system's default)",
                    string(current.get("Browser")).orElse(""), b -> null);
            if (!browser.isBlank()) {
                settings.put("Browser", browser.strip());
            }
        }
    }

    private static String instanceProblem(String name) {
        return name.matches("[A-Za-z0-9_.-]+") ? null : "use letters, digits, '_', '.' or '-'";
    }

    private static Optional<String> string(Object value) {
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    private static int integer(Object value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean bool(Object value, boolean fallback) {
        return value == null ? fallback : Boolean.parseBoolean(String.valueOf(value));
    }

    /** One question at a time on the JLine terminal. */
    private static final class Ask {
        private final org.jline.terminal.Terminal jline;

        Ask(org.jline.terminal.Terminal jline) {
            this.jline = jline;
        }

        PrintWriter writer() {
            return jline.writer();
        }

        private String read(String prompt, List<String> completions) {
            LineReader reader = LineReaderBuilder.builder().terminal(jline).appName("aws-sso")
                    .completer(new StringsCompleter(completions))
                    .variable(LineReader.HISTORY_SIZE, 0)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.CASE_INSENSITIVE, true)
                    .build();
            return reader.readLine(prompt).strip();
        }

        /** Free text with a check that returns a problem or null. */
        String text(String question, String fallback, Function<String, String> problem) {
            while (true) {
                String answer = read(question + (fallback.isEmpty() ? "" : " [" + fallback + "]") + ": ",
                        List.of());
                String value = answer.isEmpty() ? fallback : answer;
                String p = problem.apply(value);
                if (p == null) {
                    return value;
                }
                writer().println("  " + p);
            }
        }

        /** A numbered choice; returns the index. */
        int choose(String question, List<String> choices, String fallback) {
            writer().println(question + ":");
            for (int i = 0; i < choices.size(); i++) {
                writer().printf("  %2d) %s%n", i + 1, choices.get(i));
            }
            List<String> names = choices.stream().map(Ask::name).toList();
            while (true) {
                String answer = read("Choice [" + name(fallback) + "]: ", names);
                String a = answer.isEmpty() ? name(fallback) : answer;
                if (a.matches("[0-9]{1,4}")) {
                    int n = Integer.parseInt(a);
                    if (n >= 1 && n <= choices.size()) {
                        return n - 1;
                    }
                }
                for (int i = 0; i < choices.size(); i++) {
                    if (names.get(i).equalsIgnoreCase(a) || choices.get(i).equalsIgnoreCase(a)) {
                        return i;
                    }
                }
                writer().println("  type a number from 1 to " + choices.size() + ", or a name from the list");
            }
        }

        int integer(String question, int fallback, int min, int max) {
            String v = text(question, Integer.toString(fallback), a -> {
                try {
                    int n = Integer.parseInt(a);
                    return n >= min && n <= max ? null : "must be from " + min + " to " + max;
                } catch (NumberFormatException e) {
                    return "must be a whole number";
                }
            });
            return Integer.parseInt(v);
        }

        boolean yesNo(String question, boolean fallback) {
            String v = text(question + " (yes/no)", fallback ? "yes" : "no", a -> {
                String l = a.toLowerCase(Locale.ROOT);
                return List.of("y", "yes", "n", "no", "true", "false").contains(l) ? null : "answer yes or no";
            });
            String l = v.toLowerCase(Locale.ROOT);
            return l.startsWith("y") || l.equals("true");
        }

        /** The word a choice is typed as: up to the first ':' or ' (' of its label. */
        private static String name(String choice) {
            int colon = choice.indexOf(": ");
            int paren = choice.indexOf(" (");
            int end = colon < 0 ? paren : paren < 0 ? colon : Math.min(colon, paren);
            return end < 0 ? choice : choice.substring(0, end);
        }
    }
}

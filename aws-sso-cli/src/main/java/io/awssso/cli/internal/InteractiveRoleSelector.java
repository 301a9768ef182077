package io.awssso.cli.internal;

import io.awssso.api.AwsSsoException;
import io.awssso.api.RoleArn;
import io.awssso.api.RoleNotFoundException;
import io.awssso.cli.render.RefreshProgress;
import io.awssso.core.AwsSso;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.keymap.KeyMap;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.CompletionMatcher;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;

/**
 * The interactive role selector (reference 10.1), for {@code exec}, {@code console} and
 * {@code ecs load} when no role is given, and for {@code aws-sso select}.
 *
 * <pre>{@code
 * RoleArn arn = InteractiveRoleSelector.select(engine.get(), terminal);
 * }</pre>
 *
 * <p>The person types {@code TagKey TagValue} pairs (see {@link SelectionModel}); suggestions are
 * listed at the start and after every space, {@code <Tab>} or {@code <Down>} walks them, and
 * {@code <Enter>} selects the one role left (or the profile name or ARN just typed). The prompt
 * is drawn on stderr; nothing goes to stdout.
 *
 * <p>Failures, all {@link AwsSsoException}s: stdin not a terminal, zero matches
 * ({@link RoleNotFoundException}, exit 5), several matches (exit 1), {@code exit} or Ctrl-D
 * (exit 1), Ctrl-C (exit 130).
 */
public final class InteractiveRoleSelector {
    /** The message when there is no terminal to ask on. */
    public static final String NOT_A_TERMINAL = "no role given and stdin is not a terminal:"
            + " use --profile, --arn or --account/--role";
    /** The message when the person types {@code exit} or Ctrl-D. */
    public static final String ABORTED = "role selection aborted";

    private InteractiveRoleSelector() {}

    /**
     * Asks the person to pick a role of the engine's instance, refreshing the role cache first
     * when it has expired. Does not record History: the caller does when it uses the role.
     *
     * @param sso the engine
     * @param terminal the run's streams (messages go to its stderr)
     * @return the chosen role
     * @throws AwsSsoException as listed in the class description
     */
    public static RoleArn select(AwsSso sso, Terminal terminal) {
        if (!Prompts.stdinIsTerminal()) {
            throw new AwsSsoException(NOT_A_TERMINAL);
        }
        sso.roles().refreshIfExpired(RefreshProgress.on(terminal));
        SelectionModel model = new SelectionModel(sso.roles().list(), sso.roles().selectorSettings(),
                Clock.systemUTC().instant());
        terminal.err().println("Type a tag key, then a value, to narrow the roles; <Tab> or <Down> walks"
                + " the suggestions and <Space> takes the highlighted one.");
        terminal.err().println("<Enter> selects the one role left, or the profile name or ARN typed."
                + " Type `exit` or `Ctrl-D` to abort.");
        terminal.err().flush();
        String line;
        try (org.jline.terminal.Terminal jline = Prompts.open()) {
            PromptStyle style = new PromptStyle(sso.roles().promptColors());
            line = reader(jline, model, style).readLine(style.prompt("> "));
        } catch (UserInterruptException e) {
            throw Prompts.interrupted();
        } catch (EndOfFileException e) {
            throw new AwsSsoException(ABORTED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return model.choose(line).orElseThrow(() -> new AwsSsoException(ABORTED));
        } catch (IllegalArgumentException e) {
            if (SelectionModel.NO_MATCH.equals(e.getMessage())) {
                throw new RoleNotFoundException(e.getMessage());
            }
            throw new AwsSsoException(e.getMessage());
        }
    }

    private static LineReader reader(org.jline.terminal.Terminal jline, SelectionModel model, PromptStyle style) {
        DefaultParser parser = new DefaultParser();
        // Tag values and ARNs are taken literally: no quoting, escapes or comments.
        parser.setEscapeChars(new char[0]);
        parser.setQuoteChars(new char[0]);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(jline)
                .appName("aws-sso")
                .parser(parser)
                .completer((r, parsed, candidates) -> {
                    String before = parsed.line().substring(0, parsed.cursor());
                    List<SelectionModel.Suggestion> suggestions = model.suggestions(before);
                    for (int i = 0; i < suggestions.size(); i++) {
                        SelectionModel.Suggestion s = suggestions.get(i);
                        // The sort key keeps the model's order (FirstTag first, History newest
                        // first); JLine would otherwise sort alphabetically.
                        candidates.add(new Candidate(s.value(), style.suggestion(s.display()), null, s.description(),
                                null, null, true, i));
                    }
                })
                .completionMatcher(new AsSuggested())
                .highlighter((r, buffer) -> new AttributedString(buffer, style.input()))
                .variable(LineReader.HISTORY_SIZE, 0)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.MENU_COMPLETE, true)
                .option(LineReader.Option.AUTO_LIST, true)
                .option(LineReader.Option.AUTO_MENU, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .build();
        style.applyTo(reader);
        // The suggestions show at the start and after each space, as go-prompt did.
        reader.getWidgets().put(LineReader.CALLBACK_INIT, () -> {
            reader.callWidget(LineReader.LIST_CHOICES);
            return true;
        });
        reader.getWidgets().put("aws-sso-space", () -> {
            reader.getBuffer().write(' ');
            reader.callWidget(LineReader.LIST_CHOICES);
            return true;
        });
        KeyMap<org.jline.reader.Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
        main.bind(new Reference("aws-sso-space"), " ");
        main.bind(new Reference(LineReader.MENU_COMPLETE), KeyMap.key(jline, Capability.key_down));
        main.bind(new Reference(LineReader.MENU_COMPLETE), "\033[B", "\033OB");
        // In the menu, Up/Down walk the suggestions one by one whatever the column layout.
        KeyMap<org.jline.reader.Binding> menu = reader.getKeyMaps().get(LineReader.MENU);
        menu.bind(new Reference(LineReader.MENU_COMPLETE), KeyMap.key(jline, Capability.key_down), "\033[B", "\033OB");
        menu.bind(new Reference(LineReader.REVERSE_MENU_COMPLETE), KeyMap.key(jline, Capability.key_up),
                "\033[A", "\033OA");
        return reader;
    }

    /**
     * Keeps the suggestions exactly as the model filtered them (substring, prefix or fuzzy per
     * FullTextSearch); JLine's own matcher would drop every candidate that does not start with the
     * typed word.
     */
    private static final class AsSuggested implements CompletionMatcher {
        private String word = "";
        private List<Candidate> last = List.of();

        @Override
        public void compile(Map<LineReader.Option, Boolean> options, boolean prefix,
                CompletingParsedLine line, boolean caseInsensitive, int errors, String originalGroupName) {
            word = line.word().substring(0, line.wordCursor());
        }

        @Override
        public List<Candidate> matches(List<Candidate> candidates) {
            last = List.copyOf(candidates);
            // JLine sorts and trims what it gets back, so it must be a mutable list.
            return new java.util.ArrayList<>(candidates);
        }

        @Override
        public Candidate exactMatch() {
            return last.size() == 1 ? last.get(0) : null;
        }

        /** The longest prefix all suggestions share, when it extends what was typed. */
        @Override
        public String getCommonPrefix() {
            Optional<String> common = Optional.empty();
            for (Candidate c : last) {
                String v = c.value();
                common = Optional.of(common.map(p -> commonPrefix(p, v)).orElse(v));
            }
            return common.filter(p -> p.toLowerCase(java.util.Locale.ROOT)
                    .startsWith(word.toLowerCase(java.util.Locale.ROOT))).orElse(word);
        }

        private static String commonPrefix(String a, String b) {
            int i = 0;
            while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return a.substring(0, i);
        }
    }
}

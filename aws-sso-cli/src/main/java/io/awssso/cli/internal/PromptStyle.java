package io.awssso.cli.internal;

import java.util.Locale;
import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * aws-sso-cli's {@code PromptColors} (go-prompt colours) as the JLine selector's styles, so that a
 * config tuned for aws-sso-cli looks the same here: the {@code > } prefix, the typed text, the
 * suggestions, their descriptions' text and the highlighted suggestion. go-prompt draws a
 * scrollbar and a preview of the highlighted suggestion, gives descriptions a background of their
 * own and colours the highlighted description on its own; JLine does none of these (a row and
 * its description share one background), so {@code Scrollbar*}, {@code PreviewSuggestion*},
 * {@code DescriptionBGColor} and {@code SelectedDescription*} have nothing to colour.
 */
final class PromptStyle {
    /** go-prompt's 16 colours and their ANSI names in JLine's style syntax. */
    private static final Map<String, String> COLORS = Map.ofEntries(
            Map.entry("defaultcolor", "default"), Map.entry("black", "black"),
            Map.entry("darkred", "red"), Map.entry("darkgreen", "green"), Map.entry("brown", "yellow"),
            Map.entry("darkblue", "blue"), Map.entry("purple", "magenta"), Map.entry("cyan", "cyan"),
            Map.entry("lightgrey", "white"), Map.entry("darkgrey", "bright-black"),
            Map.entry("darkgray", "bright-black"), Map.entry("red", "bright-red"),
            Map.entry("green", "bright-green"), Map.entry("yellow", "bright-yellow"),
            Map.entry("blue", "bright-blue"), Map.entry("fuchsia", "bright-magenta"),
            Map.entry("turquoise", "bright-cyan"), Map.entry("white", "bright-white"));
    /** go-prompt's colour numbers for the same 16 (fg 30-37/90-97), for ANSI escapes. */
    private static final Map<String, Integer> INDEX = Map.ofEntries(
            Map.entry("black", 0), Map.entry("red", 1), Map.entry("green", 2), Map.entry("yellow", 3),
            Map.entry("blue", 4), Map.entry("magenta", 5), Map.entry("cyan", 6), Map.entry("white", 7),
            Map.entry("bright-black", 8), Map.entry("bright-red", 9), Map.entry("bright-green", 10),
            Map.entry("bright-yellow", 11), Map.entry("bright-blue", 12), Map.entry("bright-magenta", 13),
            Map.entry("bright-cyan", 14), Map.entry("bright-white", 15));

    private final Map<String, String> colors;

    /** @param colors {@code PromptColors}, every key present (the config fills in defaults) */
    PromptStyle(Map<String, String> colors) {
        this.colors = Map.copyOf(colors);
    }

    /** The JLine name of a go-prompt colour; unknown names (already warned about) are default. */
    static String jline(String goPromptColor) {
        return goPromptColor == null ? "default"
                : COLORS.getOrDefault(goPromptColor.strip().toLowerCase(Locale.ROOT), "default");
    }

    private String spec(String fgKey, String bgKey) {
        return "fg:" + jline(colors.get(fgKey)) + ",bg:" + jline(colors.get(bgKey));
    }

    /** Sets the completion styles of {@code reader}, menu and list alike. */
    void applyTo(LineReader reader) {
        String suggestion = spec("SuggestionTextColor", "SuggestionBGColor");
        String description = spec("DescriptionTextColor", "DescriptionBGColor");
        String selected = spec("SelectedSuggestionTextColor", "SelectedSuggestionBGColor");
        // JLine lays the background style over a whole row, description included: a foreground
        // there would hide the description's, so the suggestion's own goes into its text
        String background = "bg:" + jline(colors.get("SuggestionBGColor"));
        reader.setVariable(LineReader.COMPLETION_STYLE_STARTING, suggestion);
        reader.setVariable(LineReader.COMPLETION_STYLE_LIST_STARTING, suggestion);
        reader.setVariable(LineReader.COMPLETION_STYLE_DESCRIPTION, description);
        reader.setVariable(LineReader.COMPLETION_STYLE_LIST_DESCRIPTION, description);
        reader.setVariable(LineReader.COMPLETION_STYLE_SELECTION, selected);
        reader.setVariable(LineReader.COMPLETION_STYLE_LIST_SELECTION, selected);
        reader.setVariable(LineReader.COMPLETION_STYLE_BACKGROUND, background);
        reader.setVariable(LineReader.COMPLETION_STYLE_LIST_BACKGROUND, background);
    }

    /** A suggestion's text in {@code SuggestionTextColor}, as JLine shows a candidate's display. */
    String suggestion(String text) {
        return new AttributedString(text, style("SuggestionTextColor", null)).toAnsi();
    }

    /** {@code text} in the prefix colours ({@code PrefixTextColor}, {@code PrefixBackgroundColor}). */
    String prompt(String text) {
        return new AttributedString(text, style("PrefixTextColor", "PrefixBackgroundColor")).toAnsi();
    }

    /** The typed text's style ({@code InputTextColor}, {@code InputBGColor}). */
    AttributedStyle input() {
        return style("InputTextColor", "InputBGColor");
    }

    private AttributedStyle style(String fgKey, String bgKey) {
        AttributedStyle s = AttributedStyle.DEFAULT;
        Integer fg = INDEX.get(jline(colors.get(fgKey)));
        Integer bg = bgKey == null ? null : INDEX.get(jline(colors.get(bgKey)));
        if (fg != null) {
            s = s.foreground(fg);
        }
        if (bg != null) {
            s = s.background(bg);
        }
        return s;
    }
}

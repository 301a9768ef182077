package io.awssso.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class PromptStyleTest {
    private static Map<String, String> colors(String... keyValues) {
        Map<String, String> m = new HashMap<>();
        for (String k : new String[] {"DescriptionBGColor", "DescriptionTextColor", "InputBGColor",
                "InputTextColor", "PrefixBackgroundColor", "PrefixTextColor", "SelectedSuggestionBGColor",
                "SelectedSuggestionTextColor", "SuggestionBGColor", "SuggestionTextColor"}) {
            m.put(k, "DefaultColor");
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void jline_everyGoPromptColour_mapsToItsAnsiColour() {
        assertThat(PromptStyle.jline("DarkRed")).isEqualTo("red");
        assertThat(PromptStyle.jline("Red")).isEqualTo("bright-red");
        assertThat(PromptStyle.jline("Brown")).isEqualTo("yellow");
        assertThat(PromptStyle.jline("Purple")).isEqualTo("magenta");
        assertThat(PromptStyle.jline("Fuchsia")).isEqualTo("bright-magenta");
        assertThat(PromptStyle.jline("LightGrey")).isEqualTo("white");
        assertThat(PromptStyle.jline("DarkGray")).isEqualTo("bright-black");
        assertThat(PromptStyle.jline("darkgrey")).isEqualTo("bright-black");
        assertThat(PromptStyle.jline("Turquoise")).isEqualTo("bright-cyan");
        assertThat(PromptStyle.jline("White")).isEqualTo("bright-white");
        assertThat(PromptStyle.jline("DefaultColor")).isEqualTo("default");
        assertThat(PromptStyle.jline("Mauve")).isEqualTo("default");
    }

    @Test
    void prompt_prefixColours_areTheEscapeAroundTheText() {
        String prompt = new PromptStyle(colors("PrefixTextColor", "Blue", "PrefixBackgroundColor", "DarkRed"))
                .prompt("> ");

        assertThat(prompt).contains("> ").contains("\u001b[").isNotEqualTo("> ");
        assertThat(prompt).containsPattern("\u001b\\[[0-9;]*(94|38;5;12)[0-9;]*m");
        assertThat(prompt).containsPattern("\u001b\\[[0-9;]*(41|48;5;1)[0-9;]*m");
    }

    @Test
    void suggestion_textInTheSuggestionColourOnly() {
        String shown = new PromptStyle(colors("SuggestionTextColor", "Brown", "SuggestionBGColor", "DarkRed"))
                .suggestion("AccountAlias");

        assertThat(shown).containsPattern("\u001b\\[[0-9;]*(33|38;5;3)[0-9;]*mAccountAlias")
                .doesNotContain("41").doesNotContain("48;5;1");
    }

    @Test
    void input_inputColours_giveTheTypedTextsStyle() {
        AttributedStyle s = new PromptStyle(colors("InputTextColor", "Green", "InputBGColor", "Black")).input();

        assertThat(s).isEqualTo(AttributedStyle.DEFAULT.foreground(10).background(0));
        assertThat(new PromptStyle(colors()).input()).isEqualTo(AttributedStyle.DEFAULT);
    }

    @Test
    void applyTo_setsJLinesCompletionStyles() throws Exception {
        try (Terminal t = TerminalBuilder.builder().dumb(true)
                .streams(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream()).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(t).build();
            new PromptStyle(colors("SuggestionTextColor", "White", "SuggestionBGColor", "Cyan",
                    "DescriptionTextColor", "Black", "DescriptionBGColor", "Turquoise",
                    "SelectedSuggestionTextColor", "White", "SelectedSuggestionBGColor", "DarkGrey"))
                    .applyTo(reader);

            assertThat(reader.getVariable(LineReader.COMPLETION_STYLE_STARTING)).isEqualTo("fg:bright-white,bg:cyan");
            assertThat(reader.getVariable(LineReader.COMPLETION_STYLE_LIST_DESCRIPTION))
                    .isEqualTo("fg:black,bg:bright-cyan");
            assertThat(reader.getVariable(LineReader.COMPLETION_STYLE_SELECTION))
                    .isEqualTo("fg:bright-white,bg:bright-black");
            assertThat(reader.getVariable(LineReader.COMPLETION_STYLE_BACKGROUND)).isEqualTo("bg:cyan");
        }
    }
}

package io.awssso.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.awssso.core.RoleEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code eval} output read back by a reference reader of each shell's quoting (written from the
 * shells' documented grammar, in-process): any value comes back unchanged, as one statement.
 *
 * <p>NUL is left out: no shell can hold it in a variable (that refusal is the renderer's
 * business, checked in the real shells).
 */
class ShellSyntaxFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void posix_anyValue_roundTripsThroughShQuoting(FuzzedDataProvider data) {
        String v = data.consumeRemainingAsString().replace("\u0000", "");
        List<String> refused = new ArrayList<>();
        String out = ShellSyntax.POSIX.render(new RoleEnvironment(Map.of("AWS_SSO_TAG", v), List.of()), refused::add);
        if (!refused.isEmpty()) { // an unpaired surrogate: left out, and said so, never half-written
            assertThat(out).isEmpty();
            assertThat(ShellSyntax.problem("AWS_SSO_TAG", v)).isPresent();
            return;
        }

        assertThat(out).startsWith("export AWS_SSO_TAG=\"").endsWith("\"\n");
        assertThat(unquotePosixDoubleQuoted(out.substring("export AWS_SSO_TAG=".length(), out.length() - 1)))
                .isEqualTo(v);
    }

    @FuzzTest(maxDuration = "1m")
    void fish_anyValue_roundTripsThroughFishQuoting(FuzzedDataProvider data) {
        String v = data.consumeRemainingAsString().replace("\u0000", "");
        List<String> refused = new ArrayList<>();
        String out = ShellSyntax.FISH.render(new RoleEnvironment(Map.of("AWS_SSO_TAG", v), List.of()), refused::add);
        if (!refused.isEmpty()) { // an unpaired surrogate: left out, and said so, never half-written
            assertThat(out).isEmpty();
            assertThat(ShellSyntax.problem("AWS_SSO_TAG", v)).isPresent();
            return;
        }

        assertThat(out).startsWith("set -gx AWS_SSO_TAG '").endsWith("';\n");
        assertThat(unquoteFishSingleQuoted(out.substring("set -gx AWS_SSO_TAG ".length(), out.length() - 2)))
                .isEqualTo(v);
    }

    /**
     * POSIX 2.2.3: inside double quotes a backslash keeps its meaning only before $ ` " \ and
     * newline (which it removes); $ and ` start expansions, which a value must never do.
     */
    static String unquotePosixDoubleQuoted(String word) {
        assertThat(word).startsWith("\"").endsWith("\"").hasSizeGreaterThanOrEqualTo(2);
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < word.length() - 1; i++) {
            char c = word.charAt(i);
            if (c == '\\' && i + 1 < word.length() - 1) {
                char next = word.charAt(i + 1);
                if (next == '$' || next == '`' || next == '"' || next == '\\') {
                    b.append(next);
                    i++;
                    continue;
                }
                if (next == '\n') {
                    i++;
                    continue;
                }
                b.append(c);
            } else if (c == '\\') {
                throw new AssertionError("a backslash escapes the closing quote: " + word);
            } else if (c == '$' || c == '`') {
                throw new AssertionError("an unescaped " + c + " would expand at " + i + ": " + word);
            } else if (c == '"') {
                throw new AssertionError("an unescaped quote ends the word early at " + i + ": " + word);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** fish's single quotes: only \\ and \' are escapes; a bare ' ends the string. */
    static String unquoteFishSingleQuoted(String word) {
        assertThat(word).startsWith("'").endsWith("'").hasSizeGreaterThanOrEqualTo(2);
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < word.length() - 1; i++) {
            char c = word.charAt(i);
            if (c == '\\' && i + 1 < word.length() - 1
                    && (word.charAt(i + 1) == '\\' || word.charAt(i + 1) == '\'')) {
                b.append(word.charAt(++i));
            } else if (c == '\\' && i + 1 == word.length() - 1) {
                throw new AssertionError("a backslash escapes the closing quote: " + word);
            } else if (c == '\'') {
                throw new AssertionError("an unescaped quote ends the string early at " + i + ": " + word);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

package io.awssso.core.internal.config;

import static io.awssso.core.internal.config.ConfigTesting.FILE;
import static io.awssso.core.internal.config.ConfigTesting.LOCATION;
import static io.awssso.core.internal.config.ConfigTesting.MINIMAL;
import static io.awssso.core.internal.config.ConfigTesting.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.awssso.api.AccountId;
import io.awssso.api.ConfigProblem;
import io.awssso.api.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed configs of every kind always end in a {@link ConfigurationException} whose problems
 * each name the file and a line inside it, never in any other exception (and never hang).
 *
 * <p>The {@code @FuzzTest} methods replay their seeds under
 * {@code src/test/resources/io/awssso/core/internal/config/ConfigLoaderFuzzTestInputs/<method>}
 * in every build, and fuzz with {@code JAZZER_FUZZ=1} (README, "Fuzzing").
 */
class ConfigLoaderFuzzTest {
    private static final List<String> SEEDS = List.of(MINIMAL,
            resource("reference-example.yaml"), resource("features.yaml"));

    /** Text that is meaningful, or troublesome, to a YAML reader. */
    private static final List<String> FRAGMENTS = List.of(":", ": ", "- ", "{", "}", "[", "]",
            ",", "&a ", "*a", "*nowhere", "!!str ", "!!int ", "!!binary ", "!custom ", "? ",
            "|", ">-", "'", "\"", "#", "%YAML 1.1\n", "---\n", "...\n", "<<: ", "<<: *a", "\t",
            "\n", "\r\n", "\r", " ", "    ", "\\", "\\x", "\"\\u12\"", "~", "null", "",
            "0x1F", "0o17", "1e400", "-1", "0", "99999999999999999999999999", "1.5", ".inf",
            "012345678901", "1.23456789012e+11", "-5e3", "true", "yes", "\u0000", "\u0007",
            "\u0085", "\u2028", "\uFEFF", "\uD83D\uDE00", "\uD800", "\u00e9", "\u4e2d",
            "\u202e", "[[[[[[[[[[", "]]]]]", "{a: {b: {c: ", "@", "`", "%s", "%");

    /** Whole values that have the wrong type or range for most keys. */
    private static final List<String> VALUES = List.of("[a, b]", "{x: 1}", "abc", "-1", "0",
            "99999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "1e400", "~", "\"\"", "''", "&v [1, 2]", "*v", "*a",
            "!!binary aGk=", "|\n  block\n  text", ">\n  folded", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]",
            "{a: {a: {a: {a: {a: {a: {}}}}}}}", "- item", "true", "not-a-region",
            "http://evil.example.com/start", "arn:aws:iam::1:user/x", "aws:me", "DarkGray",
            "\"%s\"", "[\"%s\", \"%s\"]", "[one]", "exec", "open-url-in-container", "1password",
            "\t", "\"\\ud800\"");

    private static Path dir;

    private final ConfigLoader loader = new ConfigLoader(ConfigTesting.desktop());

    /** One edit of the text; positions are fractions so that they stay in range. */
    record Mutation(int kind, double where, double whereElse, int size, String text) {
        static Mutation consume(FuzzedDataProvider data) {
            int kind = data.consumeInt(0, 11);
            double where = data.consumeProbabilityDouble();
            double whereElse = data.consumeProbabilityDouble();
            int size = data.consumeInt(1, 40);
            String text = switch (data.consumeInt(0, 3)) {
                case 0 -> data.pickValue(FRAGMENTS);
                case 1 -> data.pickValue(VALUES);
                case 2 -> data.consumeString(8);
                default -> data.consumeAsciiString(12);
            };
            return new Mutation(kind, where, whereElse, size, text);
        }
    }

    /** A seed config edited up to six times: the edits are what the fuzzer chooses. */
    @FuzzTest(maxDuration = "2m")
    void parse_mutatedConfig_givesConfigOrLocatedProblems(FuzzedDataProvider data) {
        String text = data.pickValue(SEEDS);
        int edits = data.consumeInt(1, 6);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            text = apply(text, Mutation.consume(data));
        }

        assertLoadsOrReportsLocatedProblems(text);
    }

    /** A value of the wrong type or range for any key of a seed. */
    @FuzzTest(maxDuration = "2m")
    void parse_wrongValueForAnyKey_givesConfigOrLocatedProblems(FuzzedDataProvider data) {
        String seed = data.pickValue(SEEDS);
        int line = data.consumeInt(0, 60);
        String value = data.consumeBoolean() ? data.pickValue(VALUES) : data.consumeRemainingAsString();
        String[] lines = seed.split("\n", -1);
        List<Integer> withValue = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(": ") && !lines[i].strip().startsWith("#")) {
                withValue.add(i);
            }
        }
        int i = withValue.get(Math.floorMod(line, withValue.size()));
        int colon = lines[i].indexOf(": ");
        lines[i] = lines[i].substring(0, colon + 2) + value.replace("\n", "\n"
                + " ".repeat(colon + 2));

        assertLoadsOrReportsLocatedProblems(String.join("\n", lines));
    }

    /** Any bytes in the file: not UTF-8, a byte-order mark, NUL, anything. */
    @FuzzTest(maxDuration = "2m")
    void loadIfPresent_anyBytesInFile_givesConfigOrLocatedProblems(byte[] bytes) throws IOException {
        ConfigLocation location = new ConfigLocation(directory().resolve("config.yaml"), directory());
        Files.write(location.file(), bytes);
        try {
            assertThat(loader.loadIfPresent(location)).isPresent();
        } catch (ConfigurationException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo(location.file());
                assertThat(p.line()).isPositive();
            });
        }
    }

    private static synchronized Path directory() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("config-fuzz");
                dir.toFile().deleteOnExit();
                dir.resolve("config.yaml").toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    static Stream<Arguments> accountIds() {
        Random random = new Random(13);
        return LongStream.concat(LongStream.of(0, 1, 9, 10, 99_999_999_999L, 100_000_000_000L, AccountId.MAX),
                random.longs(150, 0, AccountId.MAX + 1))
                .boxed().flatMap(n -> Stream.of(0, 1, 2, 3, 4).map(form -> Arguments.of(n, form)));
    }

    @ParameterizedTest
    @MethodSource("accountIds")
    void parse_accountIdKeyInAnyForm_isTheSameTwelveDigitId(long number, int form) {
        String key = switch (form) {
            case 0 -> "\"" + String.format("%012d", number) + "\"";
            case 1 -> String.format("%012d", number);
            case 2 -> Long.toString(number);
            case 3 -> "'" + number + "'";
            default -> new java.math.BigDecimal(number).round(new java.math.MathContext(12))
                    .toString().contains("E") ? scientific(number) : Long.toString(number);
        };
        String yaml = MINIMAL + "    Accounts:\n      " + key + ":\n        Name: n\n";

        AwsSsoConfig config = ConfigTesting.load(yaml);

        assertThat(config.ssoConfig().get("Default").accounts())
                .containsOnlyKeys(AccountId.of(number));
    }

    private static String scientific(long number) {
        if (number == 0) {
            return "0e0";
        }
        String digits = Long.toString(number);
        return digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0")
                + "e+" + (digits.length() - 1);
    }

    private void assertLoadsOrReportsLocatedProblems(String text) {
        int lines = lineCount(text);
        try {
            LoadedConfig loaded = loader.parse(text, LOCATION, Instant.EPOCH);
            assertThat(loaded.config().ssoConfig()).isNotEmpty();
            assertThat(loaded.warnings()).allSatisfy(p -> assertLocated(p, lines));
        } catch (ConfigurationException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertLocated(p, lines));
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static void assertLocated(ConfigProblem p, int lines) {
        assertThat(p.file()).isEqualTo(FILE);
        assertThat(p.line()).as("line of %s", p).isBetween(1, lines);
        assertThat(p.column()).as("column of %s", p).isPositive();
    }

    /** Lines as any YAML reader could count them (every break counted), plus one. */
    private static int lineCount(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                n++;
            }
        }
        return n;
    }

    private static String apply(String text, Mutation m) {
        int at = (int) (m.where() * text.length());
        int other = (int) (m.whereElse() * text.length());
        String[] lines = text.split("\n", -1);
        int line = (int) (m.where() * lines.length);
        int otherLine = (int) (m.whereElse() * lines.length);
        line = Math.min(line, lines.length - 1);
        otherLine = Math.min(otherLine, lines.length - 1);
        switch (m.kind()) {
            case 0: // delete characters
                return text.substring(0, at) + text.substring(Math.min(text.length(), at + m.size()));
            case 1: // insert text
                return text.substring(0, at) + m.text() + text.substring(at);
            case 2: // replace characters
                return text.substring(0, at) + m.text()
                        + text.substring(Math.min(text.length(), at + m.text().length()));
            case 3: { // swap lines
                String tmp = lines[line];
                lines[line] = lines[otherLine];
                lines[otherLine] = tmp;
                return String.join("\n", lines);
            }
            case 4: // duplicate a line
                lines[line] = lines[line] + "\n" + lines[line];
                return String.join("\n", lines);
            case 5: // indent a line (spaces or a tab)
                lines[line] = (m.size() % 3 == 0 ? "\t" : " ".repeat(m.size() % 7)) + lines[line];
                return String.join("\n", lines);
            case 6: // dedent a line
                lines[line] = lines[line].substring(Math.min(lines[line].length(),
                        leadingSpaces(lines[line]) == 0 ? 0 : m.size() % 5));
                return String.join("\n", lines);
            case 7: { // replace a value with one of the wrong type
                int colon = lines[line].indexOf(": ");
                if (colon >= 0) {
                    lines[line] = lines[line].substring(0, colon + 2) + VALUES.get(
                            (m.size() + m.text().length()) % VALUES.size());
                }
                return String.join("\n", lines);
            }
            case 8: // delete a line
                lines[line] = "";
                return String.join("\n", lines);
            case 9: // deep nesting or an alias bomb
                return text.substring(0, at) + hostile(m.size()) + text.substring(at);
            case 10: // truncate
                return text.substring(0, Math.max(at, other));
            default: // move a block of text elsewhere
                int from = Math.min(at, other);
                int to = Math.max(at, other);
                return text.substring(to) + text.substring(from, to) + text.substring(0, from);
        }
    }

    private static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String hostile(int which) {
        switch (which % 5) {
            case 0:
                return "[".repeat(20_000) + "]".repeat(20_000);
            case 1:
                return "{a: ".repeat(5_000) + "x" + "}".repeat(5_000);
            case 2: {
                StringBuilder b = new StringBuilder("\nb0: &b0 [x, x, x, x, x, x, x, x, x, x]\n");
                for (int i = 1; i < 12; i++) {
                    b.append("b").append(i).append(": &b").append(i).append(" [");
                    for (int j = 0; j < 10; j++) {
                        b.append(j == 0 ? "" : ", ").append("*b").append(i - 1);
                    }
                    b.append("]\n");
                }
                return b.toString();
            }
            case 3:
                return "\nr: &r [*r]\n";
            default: {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 3_000; i++) {
                    b.append(" ".repeat(i % 200)).append("- \n");
                }
                return b.toString();
            }
        }
    }
}

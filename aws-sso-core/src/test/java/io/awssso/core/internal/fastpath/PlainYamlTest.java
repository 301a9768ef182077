package io.awssso.core.internal.fastpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

/**
 * The config reader without SnakeYAML answers only what SnakeYAML answers, loaded as the fast path
 * loads it (failsafe schema, duplicate keys refused), key order included, and declines everything
 * else.
 */
class PlainYamlTest {

    private static Object snakeYaml(String text) {
        return new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setSchema(new FailsafeSchema()).build())
                .loadFromString(text);
    }

    /** A document's content with its key order (Map.equals ignores the order). */
    private static String ordered(Object document) {
        return String.valueOf(document);
    }

    private static void assertSameAsSnakeYaml(String text) {
        Map<String, Object> plain = PlainYaml.mappings(text);
        if (plain == null) {
            return;
        }
        Object expected;
        try {
            expected = snakeYaml(text);
        } catch (RuntimeException e) {
            fail("answered %s where SnakeYAML refuses the document (%s):%n%s", plain, e.getMessage(), text);
            return;
        }
        assertThat(plain).as("%s", text).isEqualTo(expected);
        assertThat(ordered(plain)).as("%s", text).isEqualTo(ordered(expected));
    }

    @Test
    void mappings_usualConfig_isSnakeYamlsDocument() {
        String text = "# aws-sso config\nSSOConfig:\n  Default:\n    SSORegion: us-east-1\n"
                + "    StartUrl: https://d-1234567890.awsapps.com/start   # the portal\n\n  Other:\n"
                + "    SSORegion: 'eu-west-1'\n    StartUrl: \"https://d-0987654321.awsapps.com/start\"\n"
                + "    DefaultRegion: eu-west-1\nSecureStore: file\nDefaultSSO: ~\nLogLevel: error\n"
                + "JsonStore: ~/secrets/store.json\nCacheRefresh: 24\nProfileFormat: '{{ .AccountIdPad }}:{{ .RoleName }}'\n"
                + "UrlAction: print";

        Map<String, Object> plain = PlainYaml.mappings(text);

        assertThat(plain).isNotNull().isEqualTo(snakeYaml(text));
        assertThat(ordered(plain)).isEqualTo(ordered(snakeYaml(text)));
        assertThat(plain.get("DefaultSSO")).as("failsafe: a string").isEqualTo("~");
    }

    @Test
    void mappings_anythingBeyondThePlainSubset_isDeclined() {
        for (String text : List.of(
                "---\nSecureStore: file\n",
                "SecureStore: file\n...\n",
                "SecureStore:\tfile\n",
                "SecureStore: file\r\n",
                "SecureStore: fïle\n",
                "# Passwort f\u00fcr\nSecureStore: file\n",
                "SecureStore: file\u0001\n",
                "ListFields: [RoleName, AccountId]\n",
                "ListFields:\n  - RoleName\n",
                "SecureStore: &s file\nOther: *s\n",
                "SecureStore: !!str file\n",
                "SecureStore: |\n  file\n",
                "SecureStore: >\n  file\n",
                "SecureStore: 'it''s'\n",
                "SecureStore: \"fi\\x6ce\"\n",
                "SecureStore: \"file\n",
                "SecureStore: file\n  continued\n",
                "SecureStore: a: b\n",
                "SecureStore: file:\n",
                "SecureStore:\nLogLevel: error\n",
                "SecureStore:\n",
                "SecureStore: file\nSecureStore: json\n",
                "SSOConfig:\n  Default:\n    SSORegion: x\n   StartUrl: y\n",
                "SSOConfig:\n  Default: x\n    StartUrl: y\n",
                "  SecureStore: file\n",
                "SecureStore:file\n",
                "SecureStore : file\n",
                "\"SecureStore\": file\n",
                "? SecureStore\n: file\n",
                "SecureStore: -file\n",
                "SecureStore: @file\n",
                "SecureStore: 'file' trailing\n",
                "# nothing but a comment\n",
                "")) {
            assertThat(PlainYaml.mappings(text)).as("%s", text).isNull();
        }
    }

    @Test
    void mappings_generatedDocuments_answerOnlyWhatSnakeYamlAnswers() {
        Random r = new Random(20261207);
        List<String> keys = List.of("SSOConfig", "Default", "Other", "SecureStore", "LogLevel", "StartUrl",
                "DefaultSSO", "012345678901", "a.b", "x-y", "_k", "Key");
        List<String> plainValues = List.of("file", "json", "'file'", "\"json\"", "''", "\"\"", "~", "null", "true",
                "https://d-1234567890.awsapps.com/start", "arn:aws:iam::012345678901:role/Admin", "a#b", "a b  c",
                "~/x/store.json", "$HOME/x", ".hidden", "_x", "1.5", "0x1F", "a,b", "a[0]", "'a' # c");
        List<String> trickyValues = List.of("{x}", "a: b", "x:", "-1", "[a]", "{a: 1}", "&a x", "*a", "!t x", "|",
                ">", "'a''b'", "\"a\\\"b\"", "\"b\"#c", "'a'x", "%x", "@x", "`x`", "? x", ": x", "- x", "#c", "\u00e9");
        List<String> comments = List.of(" # note", "  #note", "#glued", " #", "\t# tab");
        int answered = 0;
        for (int n = 0; n < 4000; n++) {
            StringBuilder text = new StringBuilder();
            int depth = 0;
            boolean opened = false;
            int lines = 1 + r.nextInt(12);
            for (int l = 0; l < lines; l++) {
                int roll = r.nextInt(30);
                if (roll == 0) {
                    text.append(r.nextBoolean() ? "\n" : "  # a comment\n");
                    continue;
                }
                // below a key that opened a mapping, one level deeper; else a sibling or a way back
                // out; now and then an odd indentation
                int indent = roll == 1 ? r.nextInt(7) : opened ? 2 * depth : 2 * r.nextInt(depth + 1);
                depth = indent / 2;
                // a digit now and then, so that not every document repeats a key
                String key = keys.get(r.nextInt(keys.size())) + (r.nextBoolean() ? "" : r.nextInt(10));
                String comment = r.nextInt(4) == 0 ? comments.get(r.nextInt(comments.size())) : "";
                opened = l < lines - 1 && r.nextInt(3) == 0;
                if (opened) {
                    text.append(" ".repeat(indent)).append(key).append(':').append(comment).append('\n');
                    depth++;
                } else {
                    List<String> values = r.nextInt(12) == 0 ? trickyValues : plainValues;
                    text.append(" ".repeat(indent)).append(key).append(": ").append(values.get(r.nextInt(values.size())))
                            .append(comment).append('\n');
                }
            }
            String document = r.nextInt(10) == 0 ? text.toString().strip() : text.toString();
            if (PlainYaml.mappings(document) != null) {
                answered++;
            }
            assertSameAsSnakeYaml(document);
        }
        assertThat(answered).as("documents answered without SnakeYAML").isGreaterThan(1000);
    }
}

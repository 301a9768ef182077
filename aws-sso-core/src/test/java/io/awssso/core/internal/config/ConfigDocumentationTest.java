package io.awssso.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/config.md documents every key the loader knows, and no key it does not. */
class ConfigDocumentationTest {
    /** A table row that documents a key: {@code | `Key` | default | example | meaning | ... |}. */
    private static final Pattern KEY_ROW = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|(.*)$");

    private static String configDoc() throws IOException {
        Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/config.md").normalize();
        return Files.readString(doc, StandardCharsets.UTF_8);
    }

    private static Set<String> knownKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.addAll(ConfigBinder.TOP_KEYS);
        keys.addAll(ConfigBinder.INSTANCE_KEYS);
        keys.addAll(ConfigBinder.ACCOUNT_KEYS);
        keys.addAll(ConfigBinder.ROLE_KEYS);
        keys.addAll(ConfigBinder.ONE_PASSWORD_KEYS);
        keys.addAll(KnownNames.DEFAULT_PROMPT_COLORS.keySet());
        return keys;
    }

    private static Set<String> documentedKeys(String doc) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = KEY_ROW.matcher(doc);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    void configDoc_documentsEveryKeyTheLoaderKnows() throws IOException {
        assertThat(documentedKeys(configDoc())).containsAll(knownKeys());
    }

    @Test
    void configDoc_documentsNoKeyTheLoaderDoesNotKnow() throws IOException {
        assertThat(knownKeys()).containsAll(documentedKeys(configDoc()));
    }

    @Test
    void configDoc_givesEachKeyADefaultExampleMeaningAndDifferenceColumn() throws IOException {
        Matcher m = KEY_ROW.matcher(configDoc());
        while (m.find()) {
            if (!knownKeys().contains(m.group(1))) {
                continue;
            }
            List<String> cells = List.of(m.group(2).split("(?<!\\\\)\\|", -1));
            // default | example | meaning | differs | (trailing empty after the last bar)
            assertThat(cells).as("row of %s", m.group(1)).hasSizeGreaterThanOrEqualTo(5);
            assertThat(cells.get(2).strip()).as("meaning of %s", m.group(1)).isNotEmpty();
        }
    }
}

package io.awssso.core.internal.fastpath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain subset of YAML that config files are usually written in (nested block mappings of
 * simple keys and one-line scalars, comments) without SnakeYAML, whose start-up in a fresh JVM
 * (about 130 classes and their first, interpreted run) is a noticeable part of a {@code process}
 * cache hit. Anything outside the subset, however harmless, is declined (null), and the caller
 * loads the text with SnakeYAML as before: this reader only ever answers where its answer is the
 * failsafe schema's (every scalar a string, duplicate keys refused), which
 * {@code PlainYamlTest} checks against SnakeYAML itself.
 *
 * <p>The subset, line by line: blank lines; comment lines; {@code key:} opening a mapping on the
 * lines below, indented deeper and alike; {@code key: value}, where the key is letters, digits and
 * {@code _ . -} (starting with a letter, digit or {@code _}) and the value a plain scalar of
 * printable ASCII that starts with a letter, a digit or one of {@code _ . / ~ $} and holds no
 * {@code ": "}, or a single- or double-quoted scalar with no escapes; either may end in a
 * {@code " #"} comment. Not in it: tabs, carriage returns, anything but printable ASCII, flow collections,
 * sequences, anchors, tags, block scalars, multi-line scalars, document markers, an empty value.
 */
final class PlainYaml {
    /** Marks a key line without a value (no scalar holds a line break). */
    private static final String OPENS_MAPPING = "\n";

    private PlainYaml() {
    }

    /** One nesting level being read: its indentation and its mapping. */
    private record Level(int indent, Map<String, Object> mapping) {
    }

    /**
     * The document's mappings, with string values, or null when {@code text} is anything more than
     * the subset (or holds no key at all): then SnakeYAML must read it.
     */
    static Map<String, Object> mappings(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c > 0x7e) && c != '\n') {
                return null; // tabs, carriage returns, control characters (which SnakeYAML refuses), non-ASCII
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        List<Level> levels = new ArrayList<>();
        levels.add(new Level(0, root));
        // a key without a value: the next key line must open its mapping, deeper
        Map<String, Object> opened = null;
        boolean anyKey = false;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            if (indent == line.length() || line.charAt(indent) == '#') {
                continue; // blank or comment
            }
            int colon = keyEnd(line, indent);
            if (colon < 0) {
                return null;
            }
            String key = line.substring(indent, colon);
            String value = value(line, colon + 1);
            if (value == null) {
                return null;
            }
            Level current = levels.get(levels.size() - 1);
            if (opened != null) {
                if (indent <= current.indent()) {
                    return null; // an empty value (null in YAML): not in the subset
                }
                current = new Level(indent, opened);
                levels.add(current);
                opened = null;
            } else {
                while (indent < current.indent()) {
                    levels.remove(levels.size() - 1);
                    current = levels.get(levels.size() - 1);
                }
                if (indent != current.indent()) {
                    return null; // deeper than its siblings, or between two levels
                }
            }
            if (current.mapping().containsKey(key)) {
                return null; // SnakeYAML refuses it, as the engine does
            }
            anyKey = true;
            if (value.equals(OPENS_MAPPING)) {
                opened = new LinkedHashMap<>();
                current.mapping().put(key, opened);
            } else {
                current.mapping().put(key, value);
            }
        }
        return opened != null || !anyKey ? null : root;
    }

    /** Where the key that starts at {@code from} ends (its colon), or -1 when it is no plain key line. */
    private static int keyEnd(String line, int from) {
        int i = from;
        while (i < line.length() && isKeyChar(line.charAt(i), i == from)) {
            i++;
        }
        if (i == from || i >= line.length() || line.charAt(i) != ':') {
            return -1;
        }
        return i + 1 == line.length() || line.charAt(i + 1) == ' ' ? i : -1;
    }

    private static boolean isKeyChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                || !first && (c == '.' || c == '-');
    }

    /**
     * The scalar after a key's colon ({@code from}), {@link #OPENS_MAPPING} when there is none, or
     * null when it is not in the subset.
     */
    private static String value(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        if (i == line.length() || line.charAt(i) == '#' && i > from) {
            return OPENS_MAPPING;
        }
        char first = line.charAt(i);
        if (first == '\'' || first == '"') {
            int close = line.indexOf(first, i + 1);
            if (close < 0) {
                return null;
            }
            String content = line.substring(i + 1, close);
            if (first == '"' && content.indexOf('\\') >= 0 || first == '\'' && close + 1 < line.length()
                    && line.charAt(close + 1) == '\'') {
                return null; // escapes
            }
            return isBlankOrComment(line, close + 1) ? content : null;
        }
        if (!(Character.isLetterOrDigit(first) || "_./~$".indexOf(first) >= 0)) {
            return null;
        }
        int comment = line.indexOf(" #", i);
        String scalar = (comment < 0 ? line.substring(i) : line.substring(i, comment)).strip();
        if (scalar.contains(": ") || scalar.endsWith(":")) {
            return null;
        }
        return scalar;
    }

    /** True when {@code line} from {@code from} is spaces, then perhaps a comment after a space. */
    private static boolean isBlankOrComment(String line, int from) {
        int i = from;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i == line.length() || line.charAt(i) == '#' && i > from;
    }
}

package io.awssso.core.internal.config;

import java.util.List;

/**
 * A composed YAML node that remembers where it starts. Aliases are resolved to the node they name
 * (shared, never copied), so the tree is as small as the text.
 */
sealed interface YamlNode {

    /** Where the node starts, 1-based. */
    Position position();

    /** What kind of YAML this is, for messages ("expected a list, found a mapping"). */
    String kind();

    /** A 1-based line and column. */
    record Position(int line, int column) {
        /** The start of the file, for problems that belong to no node (an empty file). */
        static final Position START = new Position(1, 1);
    }

    /**
     * A scalar with its text as written, never converted: account id keys must keep their digits,
     * and only the binder knows which type a key wants.
     *
     * @param value the text after YAML unescaping
     * @param plain whether the scalar was unquoted (only plain scalars can mean null)
     * @param tag an explicit tag such as {@code !!str}, or {@code null}
     */
    record Scalar(String value, boolean plain, String tag, Position position) implements YamlNode {
        /** Whether YAML reads this as null: an unquoted empty, {@code ~} or {@code null}. */
        boolean isNull() {
            if (tag != null) {
                return tag.equals("tag:yaml.org,2002:null");
            }
            return plain && (value.isEmpty() || value.equals("~") || value.equals("null")
                    || value.equals("Null") || value.equals("NULL"));
        }

        @Override
        public String kind() {
            return isNull() ? "nothing (null)" : "the value '" + Snippet.of(value) + "'";
        }
    }

    /** A mapping, entries in file order (duplicates kept: the binder reports them). */
    record Mapping(List<Entry> entries, Position position) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, Position position) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** One key and its value. */
    record Entry(YamlNode key, YamlNode value) {
    }

    /** Short, printable excerpts of user text for messages. */
    final class Snippet {
        private Snippet() {
        }

        /** At most 40 characters, control characters escaped, so a message stays one line. */
        static String of(String text) {
            StringBuilder b = new StringBuilder();
            text.codePoints().limit(40).forEach(c -> {
                if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                    b.append(String.format("\\u%04x", c));
                } else {
                    b.appendCodePoint(c);
                }
            });
            if (text.codePointCount(0, text.length()) > 40) {
                b.append("...");
            }
            return b.toString();
        }
    }
}

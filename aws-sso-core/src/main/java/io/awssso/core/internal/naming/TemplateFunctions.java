package io.awssso.core.internal.naming;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The functions a {@code ProfileFormat} may call: aws-sso-cli's own ({@code FirstItem},
 * {@code StringsJoin}, {@code StringReplace}, {@code EmptyString}, {@code AccountIdStr}), Go's
 * template built-ins that make sense here ({@code index}, {@code print}, {@code printf},
 * {@code len}, {@code eq}, {@code ne}) and sprig's string functions. Arguments follow the Go
 * order (for sprig the string being worked on comes last, so that pipelines work).
 *
 * <p>Every function is a Pebble function taking positional arguments; the one-argument string
 * functions are also Pebble filters under the same name ({@code {{ AccountAlias | nospace }}}),
 * except where Pebble has a filter of that name already ({@code lower}, {@code upper},
 * {@code title}, {@code trim}, whose Pebble filters do the same).
 */
final class TemplateFunctions extends AbstractExtension {

    /** A function body over the evaluated positional arguments. */
    @FunctionalInterface
    interface Body {
        Object apply(List<Object> args);
    }

    private static final Map<String, Body> FUNCTIONS = new LinkedHashMap<>();

    static {
        // aws-sso-cli
        FUNCTIONS.put("FirstItem", a -> {
            for (Object o : a) {
                String s = str(o);
                if (!s.isEmpty()) {
                    return s;
                }
            }
            return "";
        });
        FUNCTIONS.put("StringsJoin", a -> {
            need(a, 1, "StringsJoin");
            List<String> parts = new ArrayList<>();
            for (Object o : a.subList(1, a.size())) {
                String s = str(o);
                if (!s.isEmpty()) {
                    parts.add(s);
                }
            }
            return String.join(str(a.get(0)), parts);
        });
        FUNCTIONS.put("StringReplace", a -> {
            need(a, 3, "StringReplace");
            return str(a.get(2)).replace(str(a.get(0)), str(a.get(1)));
        });
        FUNCTIONS.put("EmptyString", a -> {
            need(a, 1, "EmptyString");
            return str(a.get(0)).isEmpty();
        });
        FUNCTIONS.put("AccountIdStr", a -> {
            need(a, 1, "AccountIdStr");
            return String.format("%012d", num(a.get(0)));
        });
        // Go built-ins
        FUNCTIONS.put("index", a -> {
            need(a, 2, "index");
            Object v = a.get(0);
            for (Object k : a.subList(1, a.size())) {
                if (v instanceof Map<?, ?> m) {
                    v = m.get(str(k));
                } else if (v instanceof List<?> l) {
                    v = l.get((int) num(k));
                } else {
                    return "";
                }
                if (v == null) {
                    return "";
                }
            }
            return v;
        });
        FUNCTIONS.put("print", a -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < a.size(); i++) {
                // Go's Sprint adds a space between operands when neither is a string
                if (i > 0 && !(a.get(i) instanceof String) && !(a.get(i - 1) instanceof String)) {
                    b.append(' ');
                }
                b.append(str(a.get(i)));
            }
            return b.toString();
        });
        FUNCTIONS.put("printf", a -> {
            need(a, 1, "printf");
            String format = str(a.get(0)).replace("%v", "%s");
            Object[] rest = a.subList(1, a.size()).toArray();
            return String.format(Locale.ROOT, format, rest);
        });
        FUNCTIONS.put("len", a -> {
            need(a, 1, "len");
            Object v = a.get(0);
            if (v instanceof Map<?, ?> m) {
                return (long) m.size();
            }
            if (v instanceof Collection<?> c) {
                return (long) c.size();
            }
            return (long) str(v).length();
        });
        FUNCTIONS.put("eq", a -> {
            need(a, 2, "eq");
            for (Object o : a.subList(1, a.size())) {
                if (str(a.get(0)).equals(str(o))) {
                    return true;
                }
            }
            return false;
        });
        FUNCTIONS.put("ne", a -> {
            need(a, 2, "ne");
            return !str(a.get(0)).equals(str(a.get(1)));
        });
        // sprig strings
        FUNCTIONS.put("lower", a -> str(one(a, "lower")).toLowerCase(Locale.ROOT));
        FUNCTIONS.put("upper", a -> str(one(a, "upper")).toUpperCase(Locale.ROOT));
        FUNCTIONS.put("title", a -> TextCase.title(str(one(a, "title"))));
        FUNCTIONS.put("untitle", a -> TextCase.untitle(str(one(a, "untitle"))));
        FUNCTIONS.put("trim", a -> str(one(a, "trim")).strip());
        FUNCTIONS.put("nospace", a -> TextCase.nospace(str(one(a, "nospace"))));
        FUNCTIONS.put("kebabcase", a -> TextCase.kebab(str(one(a, "kebabcase"))));
        FUNCTIONS.put("snakecase", a -> TextCase.snake(str(one(a, "snakecase"))));
        FUNCTIONS.put("camelcase", a -> TextCase.camel(str(one(a, "camelcase"))));
        FUNCTIONS.put("swapcase", a -> TextCase.swap(str(one(a, "swapcase"))));
        FUNCTIONS.put("initials", a -> TextCase.initials(str(one(a, "initials"))));
        FUNCTIONS.put("quote", a -> {
            List<String> q = new ArrayList<>();
            for (Object o : a) {
                q.add('"' + str(o).replace("\\", "\\\\").replace("\"", "\\\"") + '"');
            }
            return String.join(" ", q);
        });
        FUNCTIONS.put("squote", a -> {
            List<String> q = new ArrayList<>();
            for (Object o : a) {
                q.add('\'' + str(o) + '\'');
            }
            return String.join(" ", q);
        });
        FUNCTIONS.put("cat", a -> {
            List<String> parts = new ArrayList<>();
            for (Object o : a) {
                if (o != null) {
                    parts.add(str(o));
                }
            }
            return String.join(" ", parts);
        });
        FUNCTIONS.put("trimAll", a -> {
            need(a, 2, "trimAll");
            return trimChars(str(a.get(1)), str(a.get(0)));
        });
        FUNCTIONS.put("trimPrefix", a -> {
            need(a, 2, "trimPrefix");
            String p = str(a.get(0));
            String s = str(a.get(1));
            return s.startsWith(p) ? s.substring(p.length()) : s;
        });
        FUNCTIONS.put("trimSuffix", a -> {
            need(a, 2, "trimSuffix");
            String p = str(a.get(0));
            String s = str(a.get(1));
            return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
        });
        FUNCTIONS.put("trunc", a -> {
            need(a, 2, "trunc");
            long c = num(a.get(0));
            String s = str(a.get(1));
            if (c < 0 && s.length() + c > 0) {
                return s.substring((int) (s.length() + c));
            }
            if (c >= 0 && s.length() > c) {
                return s.substring(0, (int) c);
            }
            return s;
        });
        FUNCTIONS.put("abbrev", a -> {
            need(a, 2, "abbrev");
            long w = num(a.get(0));
            String s = str(a.get(1));
            if (w < 4 || s.length() <= w) {
                return s;
            }
            return s.substring(0, (int) w - 3) + "...";
        });
        FUNCTIONS.put("substr", a -> {
            need(a, 3, "substr");
            String s = str(a.get(2));
            int start = (int) num(a.get(0));
            int end = (int) num(a.get(1));
            if (start < 0) {
                return s.substring(0, Math.min(Math.max(end, 0), s.length()));
            }
            if (end < 0 || end > s.length()) {
                return s.substring(Math.min(start, s.length()));
            }
            return start > end ? "" : s.substring(start, end);
        });
        FUNCTIONS.put("repeat", a -> {
            need(a, 2, "repeat");
            return str(a.get(1)).repeat((int) Math.max(0, num(a.get(0))));
        });
        FUNCTIONS.put("replace", a -> {
            need(a, 3, "replace");
            return str(a.get(2)).replace(str(a.get(0)), str(a.get(1)));
        });
        FUNCTIONS.put("contains", a -> {
            need(a, 2, "contains");
            return str(a.get(1)).contains(str(a.get(0)));
        });
        FUNCTIONS.put("hasPrefix", a -> {
            need(a, 2, "hasPrefix");
            return str(a.get(1)).startsWith(str(a.get(0)));
        });
        FUNCTIONS.put("hasSuffix", a -> {
            need(a, 2, "hasSuffix");
            return str(a.get(1)).endsWith(str(a.get(0)));
        });
        FUNCTIONS.put("default", a -> {
            need(a, 1, "default");
            Object given = a.size() > 1 ? a.get(1) : null;
            return empty(given) ? a.get(0) : given;
        });
        FUNCTIONS.put("empty", a -> empty(one(a, "empty")));
        FUNCTIONS.put("coalesce", a -> {
            for (Object o : a) {
                if (!empty(o)) {
                    return o;
                }
            }
            return "";
        });
        FUNCTIONS.put("toString", a -> str(one(a, "toString")));
        FUNCTIONS.put("regexMatch", a -> {
            need(a, 2, "regexMatch");
            return Pattern.compile(str(a.get(0))).matcher(str(a.get(1))).find();
        });
        FUNCTIONS.put("regexFind", a -> {
            need(a, 2, "regexFind");
            Matcher m = Pattern.compile(str(a.get(0))).matcher(str(a.get(1)));
            return m.find() ? m.group() : "";
        });
        FUNCTIONS.put("regexReplaceAll", a -> {
            need(a, 3, "regexReplaceAll");
            return Pattern.compile(str(a.get(0))).matcher(str(a.get(1)))
                    .replaceAll(goReplacement(str(a.get(2))));
        });
        FUNCTIONS.put("regexReplaceAllLiteral", a -> {
            need(a, 3, "regexReplaceAllLiteral");
            return Pattern.compile(str(a.get(0))).matcher(str(a.get(1)))
                    .replaceAll(Matcher.quoteReplacement(str(a.get(2))));
        });
    }

    /** Filters for the one-argument functions Pebble has no filter for. */
    private static final List<String> FILTERS = List.of("nospace", "kebabcase", "snakecase",
            "camelcase", "swapcase", "untitle", "initials", "quote", "squote", "toString", "empty");

    /** The names of every function, for error messages and the Go-template translator. */
    static java.util.Set<String> names() {
        return FUNCTIONS.keySet();
    }

    @Override
    public Map<String, Function> getFunctions() {
        Map<String, Function> out = new LinkedHashMap<>();
        FUNCTIONS.forEach((name, body) -> out.put(name, new PositionalFunction(body)));
        return out;
    }

    @Override
    public Map<String, Filter> getFilters() {
        Map<String, Filter> out = new LinkedHashMap<>();
        for (String name : FILTERS) {
            Body body = FUNCTIONS.get(name);
            out.put(name, new Filter() {
                @Override
                public List<String> getArgumentNames() {
                    return null;
                }

                @Override
                public Object apply(Object input, Map<String, Object> args, PebbleTemplate self,
                        EvaluationContext context, int lineNumber) {
                    List<Object> all = positional(args);
                    all.add(input);
                    return body.apply(all);
                }
            });
        }
        return out;
    }

    /** A Pebble function whose arguments are all positional ({@code "0"}, {@code "1"}, ...). */
    private static final class PositionalFunction implements Function {
        private final Body body;

        PositionalFunction(Body body) {
            this.body = body;
        }

        @Override
        public List<String> getArgumentNames() {
            return null;
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self,
                EvaluationContext context, int lineNumber) {
            return body.apply(positional(args));
        }
    }

    private static List<Object> positional(Map<String, Object> args) {
        List<Object> out = new ArrayList<>(args.size());
        for (int i = 0; args.containsKey(String.valueOf(i)); i++) {
            out.add(args.get(String.valueOf(i)));
        }
        return out;
    }

    /** Go's text form of a value: nothing for null, digits for numbers, the text otherwise. */
    static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static long num(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(str(o).strip(), 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number, got '" + str(o) + "'");
        }
    }

    private static boolean empty(Object o) {
        if (o == null) {
            return true;
        }
        if (o instanceof String s) {
            return s.isEmpty();
        }
        if (o instanceof Boolean b) {
            return !b;
        }
        if (o instanceof Number n) {
            return n.doubleValue() == 0;
        }
        if (o instanceof Map<?, ?> m) {
            return m.isEmpty();
        }
        if (o instanceof Collection<?> c) {
            return c.isEmpty();
        }
        return false;
    }

    private static Object one(List<Object> a, String name) {
        need(a, 1, name);
        return a.get(a.size() - 1);
    }

    private static void need(List<Object> a, int n, String name) {
        if (a.size() < n) {
            throw new IllegalArgumentException("wrong number of args for " + name + ": want "
                    + (n == 1 ? "1" : "at least " + n) + " got " + a.size());
        }
    }

    private static String trimChars(String s, String cutset) {
        int b = 0;
        int e = s.length();
        while (b < e && cutset.indexOf(s.charAt(b)) >= 0) {
            b++;
        }
        while (e > b && cutset.indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        return s.substring(b, e);
    }

    /** Go's {@code ${1}} and {@code $name} in replacements, in Java's syntax; {@code $$} is a dollar. */
    private static String goReplacement(String repl) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            if (c == '\\') {
                b.append("\\\\");
            } else if (c == '$' && i + 1 < repl.length() && repl.charAt(i + 1) == '$') {
                b.append("\\$");
                i++;
            } else if (c == '$' && i + 1 < repl.length() && repl.charAt(i + 1) == '{') {
                int close = repl.indexOf('}', i);
                String name = close < 0 ? "" : repl.substring(i + 2, close);
                b.append(name.chars().allMatch(Character::isDigit) && !name.isEmpty()
                        ? "$" + name : "${" + name + "}");
                i = close < 0 ? repl.length() : close;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

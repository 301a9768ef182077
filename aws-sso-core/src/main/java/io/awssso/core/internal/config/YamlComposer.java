package io.awssso.core.internal.config;

import io.awssso.core.internal.config.YamlNode.Entry;
import io.awssso.core.internal.config.YamlNode.Mapping;
import io.awssso.core.internal.config.YamlNode.Position;
import io.awssso.core.internal.config.YamlNode.Scalar;
import io.awssso.core.internal.config.YamlNode.Sequence;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Turns YAML text into a {@link YamlNode} tree, iteratively, from snakeyaml-engine's event stream.
 *
 * <p>Composing ourselves (rather than with snakeyaml's composer) keeps every failure a located
 * problem and makes hostile input cheap: nesting is capped without recursion, recursive aliases
 * are refused, and aliases are never copied while the size they <em>would</em> expand to is
 * capped, which stops "billion laughs" documents before any code walks them.
 */
final class YamlComposer {
    /** Deeper than any real config (the deepest key is eight levels down). */
    static final int MAX_DEPTH = 64;
    /** Nodes the document may expand to through aliases; real configs stay far below it. */
    static final long MAX_EXPANDED_NODES = 100_000;

    private final Problems problems;
    /** The latest definition of each anchor: a node, or the builder of a still-open collection. */
    private final Map<Anchor, Object> anchors = new HashMap<>();
    private final Map<YamlNode, Long> expandedSize = new IdentityHashMap<>();
    private final Deque<Builder> stack = new ArrayDeque<>();
    private long expandedTotal;
    private YamlNode root;
    private int documents;
    private boolean secondDocument;
    private Position last = Position.START;

    private YamlComposer(Problems problems) {
        this.problems = problems;
    }

    /**
     * Composes the single document in {@code text}.
     *
     * @return the root node, or empty when the text holds no document or a problem stopped
     *     composition (the problem is then recorded)
     */
    static Optional<YamlNode> compose(String text, Problems problems) {
        return new YamlComposer(problems).run(text);
    }

    private Optional<YamlNode> run(String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(problems.fileName())
                .setCodePointLimit(Math.max(text.length() + 1, 1024))
                .build();
        try {
            // The parser directly: snakeyaml-engine's module does not export its lowlevel API.
            ParserImpl parser = new ParserImpl(settings, new StreamReader(settings, text));
            while (parser.hasNext()) {
                Event event = parser.next();
                last = position(event.getStartMark());
                if (!accept(event)) {
                    return secondDocument ? Optional.ofNullable(root) : Optional.empty();
                }
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            problems.error(mark.map(YamlComposer::position).orElse(last), "", syntaxMessage(e));
            return Optional.empty();
        } catch (ReaderException e) {
            problems.error(positionOfCodePoint(text, e.getPosition()), "", String.format(
                    "the character U+%04X is not allowed in YAML", e.getCodePoint()));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.error(last, "", "invalid YAML: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.ofNullable(root);
    }

    private boolean accept(Event event) {
        switch (event.getEventId()) {
            case DocumentStart:
                if (++documents > 1) {
                    // aws-sso-cli's YAML reader stops after the first document; so does this.
                    problems.warn(last, "", "the file holds more than one YAML document ('---');"
                            + " only the first is read");
                    secondDocument = true;
                    return false;
                }
                return true;
            case Scalar:
                ScalarEvent s = (ScalarEvent) event;
                Scalar scalar = new Scalar(s.getValue(), s.isPlain(), s.getTag().orElse(null), last);
                s.getAnchor().ifPresent(a -> anchors.put(a, scalar));
                return add(scalar, null, 1);
            case Alias:
                return alias((AliasEvent) event);
            case MappingStart:
            case SequenceStart:
                return push((CollectionStartEvent) event);
            case MappingEnd:
            case SequenceEnd:
                Builder done = stack.pop();
                return add(done.build(), done, done.size);
            default:
                return true;
        }
    }

    private boolean push(CollectionStartEvent event) {
        if (stack.size() >= MAX_DEPTH) {
            problems.error(last, "", "the YAML is nested more than " + MAX_DEPTH
                    + " levels deep; a config file never needs that");
            return false;
        }
        if (!countExpansion(1)) {
            return false;
        }
        Builder builder = new Builder(event, last);
        event.getAnchor().ifPresent(a -> anchors.put(a, builder));
        stack.push(builder);
        return true;
    }

    private boolean alias(AliasEvent event) {
        Anchor name = event.getAlias();
        Object definition = anchors.get(name);
        if (definition instanceof Builder) {
            problems.error(last, "", "the alias *" + name.getValue()
                    + " refers to a node that contains it; recursive structures are not allowed");
            return false;
        }
        YamlNode target = (YamlNode) definition;
        if (target == null) {
            problems.error(last, "", "the alias *" + name.getValue()
                    + " refers to no anchor (&" + name.getValue() + ") defined before it");
            return false;
        }
        long size = expandedSize.getOrDefault(target, 1L);
        if (!countExpansion(size)) {
            return false;
        }
        return addNode(target, size);
    }

    /**
     * Adds a freshly composed node (a collection's own size was counted when it started). A
     * collection's anchor now names the node, unless the anchor was redefined inside it.
     */
    private boolean add(YamlNode node, Builder collection, long size) {
        if (node instanceof Scalar && !countExpansion(1)) {
            return false;
        }
        if (collection != null) {
            collection.anchor.filter(a -> anchors.get(a) == collection)
                    .ifPresent(a -> anchors.put(a, node));
        }
        expandedSize.put(node, size);
        return addNode(node, size);
    }

    private boolean addNode(YamlNode node, long size) {
        if (stack.isEmpty()) {
            root = node;
        } else {
            stack.peek().add(node, size);
        }
        return true;
    }

    private boolean countExpansion(long size) {
        expandedTotal = saturatedAdd(expandedTotal, size);
        if (expandedTotal > MAX_EXPANDED_NODES) {
            problems.error(last, "", "the YAML expands to more than " + MAX_EXPANDED_NODES
                    + " nodes through aliases; refusing to load it");
            return false;
        }
        return true;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static String syntaxMessage(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        String text = context.isEmpty() ? problem : problem.isEmpty() ? context
                : context + ": " + problem;
        return "invalid YAML: " + (text.isEmpty() ? "syntax error" : YamlNode.Snippet.of(text));
    }

    static Position position(Optional<Mark> mark) {
        return mark.map(YamlComposer::position).orElse(Position.START);
    }

    private static Position position(Mark mark) {
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** snakeyaml's reader reports the offending character by code point index, not line. */
    static Position positionOfCodePoint(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < codePointIndex; index++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }

    /** A mapping or sequence being composed. */
    private static final class Builder {
        final CollectionStartEvent event;
        final Optional<Anchor> anchor;
        final Position position;
        final boolean mapping;
        final List<YamlNode> items = new ArrayList<>();
        long size = 1;

        Builder(CollectionStartEvent event, Position position) {
            this.event = event;
            this.anchor = event.getAnchor();
            this.position = position;
            this.mapping = event.getEventId() == Event.ID.MappingStart;
        }

        void add(YamlNode node, long nodeSize) {
            items.add(node);
            size = saturatedAdd(size, nodeSize);
        }

        YamlNode build() {
            if (!mapping) {
                return new Sequence(List.copyOf(items), position);
            }
            List<Entry> entries = new ArrayList<>(items.size() / 2);
            for (int i = 0; i + 1 < items.size(); i += 2) {
                entries.add(new Entry(items.get(i), items.get(i + 1)));
            }
            return new Mapping(List.copyOf(entries), position);
        }
    }
}

package io.awssso.core.internal.naming;

import io.awssso.core.internal.naming.TemplateLexer.Token;
import io.awssso.core.internal.naming.TemplateLexer.Type;
import io.awssso.core.internal.naming.TemplateNode.ActionNode;
import io.awssso.core.internal.naming.TemplateNode.BoolNode;
import io.awssso.core.internal.naming.TemplateNode.BranchNode;
import io.awssso.core.internal.naming.TemplateNode.ChainNode;
import io.awssso.core.internal.naming.TemplateNode.CommandNode;
import io.awssso.core.internal.naming.TemplateNode.DotNode;
import io.awssso.core.internal.naming.TemplateNode.FieldNode;
import io.awssso.core.internal.naming.TemplateNode.IdentifierNode;
import io.awssso.core.internal.naming.TemplateNode.ListNode;
import io.awssso.core.internal.naming.TemplateNode.LoopControlNode;
import io.awssso.core.internal.naming.TemplateNode.NilNode;
import io.awssso.core.internal.naming.TemplateNode.NumberNode;
import io.awssso.core.internal.naming.TemplateNode.PipeNode;
import io.awssso.core.internal.naming.TemplateNode.StringNode;
import io.awssso.core.internal.naming.TemplateNode.TextNode;
import io.awssso.core.internal.naming.TemplateNode.VariableNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Go's {@code text/template/parse}, for one template: the same grammar, the same checks at parse
 * time (functions must exist, variables must be declared, {@code break} only inside
 * {@code range}) and the same messages. {@code define}, {@code template} and {@code block} are
 * refused: a ProfileFormat is one template and has nothing to call.
 */
final class TemplateParser {
    private final List<Token> tokens;
    private final Set<String> functions;
    private final List<String> vars = new ArrayList<>(List.of("$"));
    private int next;
    private int rangeDepth;

    private TemplateParser(String source, Set<String> functions) {
        this.tokens = TemplateLexer.lex(source);
        this.functions = functions;
    }

    /**
     * Parses a template.
     *
     * @param functions the names callable besides the built-ins
     * @throws TemplateException with Go's message on the first syntax error
     */
    static ListNode parse(String source, Set<String> functions) {
        TemplateParser p = new TemplateParser(source, functions);
        ListNode root = new ListNode(0, new ArrayList<>());
        while (p.peek().type() != Type.EOF) {
            root.nodes().add(p.textOrAction());
        }
        return root;
    }

    /** The {@code {{end}}} or {@code {{else}}} that closes a list; never in a finished tree. */
    private record End(int pos, int line, String word) {
    }

    private Object textOrActionRaw() {
        Token t = nextNonSpace();
        return switch (t.type()) {
            case TEXT -> new TextNode(t.pos(), t.value());
            case LEFT_DELIM -> action();
            default -> throw unexpected(t, "input");
        };
    }

    private TemplateNode textOrAction() {
        Object o = textOrActionRaw();
        if (o instanceof End e) {
            throw error(e.line, "unexpected {{" + e.word + "}}");
        }
        return (TemplateNode) o;
    }

    /** Nodes up to {@code {{end}}} or {@code {{else}}}, which is returned as the second element. */
    private Object[] itemList() {
        ListNode list = new ListNode(peekNonSpace().pos(), new ArrayList<>());
        while (peekNonSpace().type() != Type.EOF) {
            Object n = textOrActionRaw();
            if (n instanceof End) {
                return new Object[] {list, n};
            }
            list.nodes().add((TemplateNode) n);
        }
        throw error(peek().line(), "unexpected EOF");
    }

    private Object action() {
        Token t = nextNonSpace();
        if (t.type() == Type.KEYWORD) {
            switch (t.value()) {
                case "if" -> {
                    return control(t, "if", true);
                }
                case "with" -> {
                    return control(t, "with", true);
                }
                case "range" -> {
                    return control(t, "range", false);
                }
                case "else" -> {
                    Token p = peekNonSpace();
                    if (p.type() == Type.KEYWORD && (p.value().equals("if") || p.value().equals("with"))) {
                        return new End(p.pos(), p.line(), "else");
                    }
                    expect(Type.RIGHT_DELIM, "else");
                    return new End(t.pos(), t.line(), "else");
                }
                case "end" -> {
                    expect(Type.RIGHT_DELIM, "end");
                    return new End(t.pos(), t.line(), "end");
                }
                case "break", "continue" -> {
                    if (rangeDepth == 0) {
                        throw error(t.line(), "{{" + t.value() + "}} outside {{range}}");
                    }
                    Token r = nextNonSpace();
                    if (r.type() != Type.RIGHT_DELIM) {
                        throw unexpected(r, "{{" + t.value() + "}}");
                    }
                    return new LoopControlNode(t.pos(), t.line(), t.value().equals("break"));
                }
                default -> throw error(t.line(), "{{" + t.value()
                        + "}} is not supported in ProfileFormat: it is a single template");
            }
        }
        backup();
        Token first = peek();
        return new ActionNode(first.pos(), first.line(), pipeline("command", Type.RIGHT_DELIM));
    }

    private BranchNode control(Token keyword, String context, boolean allowElseChain) {
        int varsBefore = vars.size();
        try {
            PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
            if (context.equals("range")) {
                rangeDepth++;
            }
            Object[] r = itemList();
            if (context.equals("range")) {
                rangeDepth--;
            }
            ListNode list = (ListNode) r[0];
            End end = (End) r[1];
            ListNode elseList = null;
            if (end.word.equals("else")) {
                Token p = peekNonSpace();
                if (allowElseChain && p.type() == Type.KEYWORD && p.value().equals(context)) {
                    Token kw = nextNonSpace();
                    elseList = new ListNode(end.pos, new ArrayList<>(List.of(control(kw, context, true))));
                } else {
                    Object[] e = itemList();
                    elseList = (ListNode) e[0];
                    End close = (End) e[1];
                    if (!close.word.equals("end")) {
                        throw error(close.line, "expected end; found {{else}}");
                    }
                }
            }
            return new BranchNode(pipe.pos(), keyword.line(), context, pipe, list, elseList);
        } finally {
            while (vars.size() > varsBefore) {
                vars.remove(vars.size() - 1);
            }
        }
    }

    private PipeNode pipeline(String context, Type end) {
        Token first = peekNonSpace();
        List<VariableNode> decl = new ArrayList<>();
        boolean isAssign = false;
        // declarations: $x := ..., $x = ..., and in a range $i, $v := ...
        if (first.type() == Type.VARIABLE) {
            int mark = next;
            Token v = nextNonSpace();
            Token after = nextNonSpace();
            if (after.type() == Type.DECLARE || after.type() == Type.ASSIGN) {
                isAssign = after.type() == Type.ASSIGN;
                decl.add(declare(v, isAssign));
            } else if (isComma(after) && context.equals("range")) {
                decl.add(declare(v, false));
                Token v2 = nextNonSpace();
                if (v2.type() != Type.VARIABLE) {
                    throw error(v2.line(), "range can only initialize variables");
                }
                Token op = nextNonSpace();
                if (isComma(op)) {
                    throw error(op.line(), "too many declarations in " + context);
                }
                if (op.type() != Type.DECLARE && op.type() != Type.ASSIGN) {
                    throw unexpected(op, context);
                }
                isAssign = op.type() == Type.ASSIGN;
                decl.add(declare(v2, isAssign));
            } else if (isComma(after)) {
                throw error(after.line(), "too many declarations in " + context);
            } else {
                next = mark;
            }
        }
        List<CommandNode> cmds = new ArrayList<>();
        while (true) {
            Token t = nextNonSpace();
            if (t.type() == end) {
                if (cmds.isEmpty()) {
                    throw error(t.line(), "missing value for " + context);
                }
                for (int i = 1; i < cmds.size(); i++) {
                    TemplateNode a = cmds.get(i).args().get(0);
                    if (a instanceof BoolNode || a instanceof DotNode || a instanceof NilNode
                            || a instanceof NumberNode || a instanceof StringNode) {
                        throw error(t.line(), "non executable command in pipeline stage " + (i + 1));
                    }
                }
                return new PipeNode(first.pos(), first.line(), isAssign, decl, cmds);
            }
            switch (t.type()) {
                case BOOL, CHAR, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING, VARIABLE,
                        LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> throw unexpected(t, context);
            }
        }
    }

    private static boolean isComma(Token t) {
        return t.type() == Type.OTHER_CHAR && t.value().equals(",");
    }

    private VariableNode declare(Token v, boolean isAssign) {
        if (isAssign) {
            useVar(v);
        } else {
            vars.add(v.value());
        }
        return new VariableNode(v.pos(), List.of(v.value()));
    }

    private CommandNode command() {
        CommandNode cmd = new CommandNode(peekNonSpace().pos(), new ArrayList<>());
        while (true) {
            peekNonSpace();
            TemplateNode operand = operand();
            if (operand != null) {
                cmd.args().add(operand);
            }
            Token t = next();
            switch (t.type()) {
                case SPACE -> {
                    continue;
                }
                case RIGHT_DELIM, RIGHT_PAREN -> backup();
                case PIPE -> {
                    // the pipeline goes on with the next command
                }
                default -> throw unexpected(t, "operand");
            }
            break;
        }
        if (cmd.args().isEmpty()) {
            throw error(peek().line(), "empty command");
        }
        return cmd;
    }

    private TemplateNode operand() {
        TemplateNode node = term();
        if (node == null) {
            return null;
        }
        if (peek().type() == Type.FIELD) {
            int chainPos = peek().pos();
            List<String> fields = new ArrayList<>();
            while (peek().type() == Type.FIELD) {
                fields.add(next().value().substring(1));
            }
            // like Go, a longer field or variable takes the position of the chain (its second part)
            if (node instanceof FieldNode f) {
                List<String> all = new ArrayList<>(f.idents());
                all.addAll(fields);
                return new FieldNode(chainPos, all);
            }
            if (node instanceof VariableNode v) {
                List<String> all = new ArrayList<>(v.idents());
                all.addAll(fields);
                return new VariableNode(chainPos, all);
            }
            if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
                    || node instanceof NilNode || node instanceof DotNode) {
                throw error(peek().line(), "unexpected . after term " + GoFormat.quote(node.toString()));
            }
            return new ChainNode(chainPos, node, fields);
        }
        return node;
    }

    private TemplateNode term() {
        Token t = nextNonSpace();
        switch (t.type()) {
            case IDENTIFIER -> {
                if (!functions.contains(t.value()) && !TemplateBuiltins.NAMES.contains(t.value())) {
                    String why = TemplateFunctions.NOT_PROVIDED.get(t.value());
                    throw error(t.line(), "function " + GoFormat.quote(t.value()) + " not defined"
                            + (why == null ? "" : " (sprig has it, but " + why + ")"));
                }
                return new IdentifierNode(t.pos(), t.value());
            }
            case DOT -> {
                return new DotNode(t.pos());
            }
            case NIL -> {
                return new NilNode(t.pos());
            }
            case VARIABLE -> {
                useVar(t);
                return new VariableNode(t.pos(), List.of(t.value()));
            }
            case FIELD -> {
                return new FieldNode(t.pos(), new ArrayList<>(Arrays.asList(t.value().substring(1).split("\\."))));
            }
            case BOOL -> {
                return new BoolNode(t.pos(), t.value().equals("true"));
            }
            case CHAR, NUMBER -> {
                return number(t);
            }
            case LEFT_PAREN -> {
                return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
            }
            case STRING -> {
                return new StringNode(t.pos(), t.value(), GoFormat.unquote(t.value(), () -> error(t.line(),
                        "invalid syntax: " + t.value())));
            }
            case RAW_STRING -> {
                return new StringNode(t.pos(), t.value(), t.value().substring(1, t.value().length() - 1)
                        .replace("\r", ""));
            }
            default -> {
                backup();
                return null;
            }
        }
    }

    private NumberNode number(Token t) {
        String text = t.value();
        if (t.type() == Type.CHAR) {
            String body = GoFormat.unquote("\"" + text.substring(1, text.length() - 1) + "\"",
                    () -> error(t.line(), "invalid syntax"));
            if (body.codePointCount(0, body.length()) != 1) {
                throw error(t.line(), "invalid syntax");
            }
            return new NumberNode(t.pos(), text, (long) body.codePointAt(0));
        }
        String clean = text.replace("_", "");
        boolean negative = clean.startsWith("-");
        String unsigned = clean.startsWith("-") || clean.startsWith("+") ? clean.substring(1) : clean;
        try {
            int radix = 10;
            String digits = unsigned;
            String lower = unsigned.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("0x")) {
                radix = 16;
                digits = unsigned.substring(2);
            } else if (lower.startsWith("0o")) {
                radix = 8;
                digits = unsigned.substring(2);
            } else if (lower.startsWith("0b")) {
                radix = 2;
                digits = unsigned.substring(2);
            } else if (unsigned.length() > 1 && unsigned.startsWith("0") && unsigned.chars().allMatch(Character::isDigit)) {
                radix = 8;
                digits = unsigned.substring(1);
            }
            long v = Long.parseLong((negative ? "-" : "") + digits, radix);
            return new NumberNode(t.pos(), text, v);
        } catch (NumberFormatException notInteger) {
            try {
                if (unsigned.toLowerCase(java.util.Locale.ROOT).startsWith("0x")) {
                    throw new NumberFormatException("hex float");
                }
                return new NumberNode(t.pos(), text, Double.parseDouble(clean));
            } catch (NumberFormatException e) {
                throw error(t.line(), "illegal number syntax: " + GoFormat.quote(text));
            }
        }
    }

    private void useVar(Token t) {
        String name = t.value();
        if (!vars.contains(name)) {
            throw error(t.line(), "undefined variable " + GoFormat.quote(name));
        }
    }

    // ---- tokens

    private Token next() {
        return tokens.get(next++);
    }

    private void backup() {
        next--;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token nextNonSpace() {
        Token t = next();
        while (t.type() == Type.SPACE) {
            t = next();
        }
        return t;
    }

    private Token peekNonSpace() {
        Token t = nextNonSpace();
        backup();
        return t;
    }

    private void expect(Type type, String context) {
        Token t = nextNonSpace();
        if (t.type() != type) {
            throw unexpected(t, context);
        }
    }

    private TemplateException unexpected(Token t, String context) {
        return error(t.line(), "unexpected " + t.describe() + " in " + context);
    }

    private TemplateException error(int line, String message) {
        return TemplateException.parse(line, message);
    }
}

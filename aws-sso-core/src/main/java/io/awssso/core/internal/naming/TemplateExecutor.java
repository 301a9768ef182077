package io.awssso.core.internal.naming;

import static io.awssso.core.internal.naming.TemplateValues.NO_VALUE;

import io.awssso.core.internal.naming.TemplateFunction.Kind;
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
import io.awssso.core.internal.naming.TemplateValues.GoPanic;
import io.awssso.core.internal.naming.TemplateValues.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Executes a parsed template the way Go's {@code text/template/exec.go} does: Go's truth,
 * variable scopes, {@code range} over lists, maps (sorted keys) and integers, lazy
 * {@code and}/{@code or}, arguments checked against each function's Go signature, and Go's error
 * messages with the node and its position.
 */
final class TemplateExecutor {
    /** No piped value (Go's {@code missingVal}), distinct from {@link TemplateValues#NO_VALUE}. */
    private static final Object MISSING = new Object();

    private record Variable(String name, Object value) {
    }

    private static final class LoopControl extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final boolean isBreak;

        LoopControl(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    private final String source;
    private final Map<String, TemplateFunction> functions;
    private final StringBuilder out = new StringBuilder(64);
    private final List<Variable> vars = new ArrayList<>();
    private TemplateNode current;

    private TemplateExecutor(String source, Map<String, TemplateFunction> functions) {
        this.source = source;
        this.functions = functions;
    }

    /**
     * Runs a template against its data.
     *
     * @throws TemplateException with Go's message when execution fails
     */
    static String execute(String source, ListNode root, Map<String, TemplateFunction> functions, Object data) {
        TemplateExecutor s = new TemplateExecutor(source, functions);
        s.vars.add(new Variable("$", data));
        s.walk(data, root);
        return s.out.toString();
    }

    private void walk(Object dot, TemplateNode node) {
        current = node;
        if (node instanceof ListNode l) {
            l.nodes().forEach(n -> walk(dot, n));
        } else if (node instanceof TextNode t) {
            out.append(t.text());
        } else if (node instanceof ActionNode a) {
            Object v = evalPipeline(dot, a.pipe());
            if (a.pipe().decl().isEmpty()) {
                out.append(printable(v));
            }
        } else if (node instanceof BranchNode b && b.kind().equals("range")) {
            walkRange(dot, b);
        } else if (node instanceof BranchNode b) {
            int mark = vars.size();
            Object v = evalPipeline(dot, b.pipe());
            if (TemplateValues.truth(v)) {
                walk(b.kind().equals("with") ? v : dot, b.list());
            } else if (b.elseList() != null) {
                walk(dot, b.elseList());
            }
            pop(mark);
        } else if (node instanceof LoopControlNode c) {
            throw new LoopControl(c.isBreak());
        } else {
            throw error(node, "unknown node: " + node);
        }
    }

    private void walkRange(Object dot, BranchNode r) {
        int mark = vars.size();
        Object v = evalPipeline(dot, r.pipe());
        List<Object[]> items = new ArrayList<>(); // {key, element}
        if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                items.add(new Object[] {i, l.get(i)});
            }
        } else if (v instanceof Map<?, ?> m) {
            new TreeMap<>(m).forEach((k, e) -> items.add(new Object[] {k, e}));
        } else if (v instanceof Integer || v instanceof Long) {
            if (r.pipe().decl().size() > 1) {
                throw error(current, "can't use " + GoFormat.value(v) + " to iterate over more than one variable");
            }
            for (long i = 0; i < ((Number) v).longValue(); i++) {
                Object n = v instanceof Integer ? (Object) (int) i : (Object) i;
                items.add(new Object[] {n, n});
            }
        } else if (v != NO_VALUE && v != null) {
            throw error(current, "range can't iterate over " + GoFormat.value(v));
        }
        int afterDecl = vars.size();
        for (Object[] item : items) {
            // the range's variables were pushed by the pipeline; set them for this element
            List<VariableNode> decl = r.pipe().decl();
            if (decl.size() == 1) {
                setVar(decl.get(0).idents().get(0), item[1]);
            } else if (decl.size() == 2) {
                setVar(decl.get(0).idents().get(0), item[0]);
                setVar(decl.get(1).idents().get(0), item[1]);
            }
            int bodyMark = vars.size();
            try {
                walk(item[1], r.list());
            } catch (LoopControl c) {
                if (c.isBreak) {
                    pop(bodyMark);
                    break;
                }
            }
            pop(Math.max(bodyMark, afterDecl));
        }
        if (items.isEmpty() && r.elseList() != null) {
            walk(dot, r.elseList());
        }
        pop(mark);
    }

    private Object evalPipeline(Object dot, PipeNode pipe) {
        current = pipe;
        Object value = MISSING;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
            if (value == null) {
                value = NO_VALUE; // Go digs into the interface: a nil one is no value
            }
        }
        for (VariableNode v : pipe.decl()) {
            if (pipe.isAssign()) {
                setVar(v.idents().get(0), value);
            } else {
                vars.add(new Variable(v.idents().get(0), value));
            }
        }
        return value;
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        TemplateNode first = cmd.args().get(0);
        if (first instanceof FieldNode f) {
            current = f;
            return evalFieldChain(dot, dot, f, f.idents(), cmd.args(), fin);
        }
        if (first instanceof ChainNode c) {
            return evalChain(dot, c, cmd.args(), fin);
        }
        if (first instanceof IdentifierNode id) {
            return evalFunction(dot, id, cmd, cmd.args(), fin);
        }
        if (first instanceof PipeNode p) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, p);
        }
        if (first instanceof VariableNode v) {
            return evalVariable(dot, v, cmd.args(), fin);
        }
        current = first;
        notAFunction(cmd.args(), fin);
        if (first instanceof BoolNode b) {
            return b.value();
        }
        if (first instanceof DotNode) {
            return dot;
        }
        if (first instanceof NilNode) {
            throw error(first, "nil is not a command");
        }
        if (first instanceof NumberNode n) {
            return idealConstant(n);
        }
        if (first instanceof StringNode str) {
            return str.text();
        }
        throw error(first, "can't evaluate command " + first);
    }

    private void notAFunction(List<TemplateNode> args, Object fin) {
        if (args.size() > 1 || fin != MISSING) {
            throw error(current, "can't give argument to non-function " + args.get(0));
        }
    }

    private Object idealConstant(NumberNode n) {
        current = n;
        if (n.value() instanceof Long l) {
            if (l == (int) (long) l) {
                return (int) (long) l;
            }
            return l; // Go's int is 64 bits; Long stands in for it here
        }
        return n.value();
    }

    private Object evalVariable(Object dot, VariableNode v, List<TemplateNode> args, Object fin) {
        current = v;
        Object value = varValue(v.idents().get(0));
        if (v.idents().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, v, v.idents().subList(1, v.idents().size()), args, fin);
    }

    private Object evalChain(Object dot, ChainNode c, List<TemplateNode> args, Object fin) {
        if (c.node() instanceof NilNode) {
            throw error(c, "indirection through explicit nil in " + c);
        }
        Object base = evalArg(dot, null, c.node());
        return evalFieldChain(dot, base, c, c.fields(), args, fin);
    }

    /** Go's evalFieldChain; errors name {@link #current}, which Go's own bookkeeping leaves there. */
    private Object evalFieldChain(Object dot, Object receiver, TemplateNode node, List<String> idents,
            List<TemplateNode> args, Object fin) {
        int n = idents.size();
        for (int i = 0; i < n - 1; i++) {
            receiver = evalField(idents.get(i), node, List.of(), MISSING, receiver);
        }
        return evalField(idents.get(n - 1), node, args, fin, receiver);
    }

    private Object evalField(String name, TemplateNode node, List<TemplateNode> args, Object fin, Object receiver) {
        if (receiver == NO_VALUE) {
            return NO_VALUE;
        }
        boolean hasArgs = args.size() > 1 || fin != MISSING;
        if (receiver instanceof Struct s) {
            if (s.fields().containsKey(name)) {
                if (hasArgs) {
                    throw error(current, name + " has arguments but cannot be invoked as function");
                }
                return s.fields().get(name);
            }
            throw error(current, "can't evaluate field " + name + " in type " + s.typeName());
        }
        if (receiver instanceof Map<?, ?> m) {
            if (hasArgs) {
                throw error(current, name + " is not a method but has arguments");
            }
            Object v = m.get(name);
            return v == null ? NO_VALUE : v;
        }
        if (receiver == null) {
            throw error(current, "nil pointer evaluating interface {}." + name);
        }
        throw error(current, "can't evaluate field " + name + " in type " + GoFormat.typeName(receiver));
    }

    private Object evalFunction(Object dot, IdentifierNode id, CommandNode cmd, List<TemplateNode> args, Object fin) {
        current = id;
        // as in Go, the template's functions come before the built-ins: sprig's slice wins
        TemplateFunction fn = functions.get(id.name());
        if (fn == null) {
            fn = TemplateBuiltins.FUNCTIONS.get(id.name());
        }
        if (id.name().equals("and") || id.name().equals("or")) {
            return andOr(dot, id, args, fin);
        }
        if (fn == null) {
            throw error(id, GoFormat.quote(id.name()) + " is not a defined function");
        }
        List<TemplateNode> callArgs = args.subList(1, args.size());
        int numIn = callArgs.size() + (fin != MISSING ? 1 : 0);
        int numFixed = fn.params().size();
        if (fn.variadic() != null) {
            if (numIn < numFixed) {
                throw error(id, "wrong number of args for " + fn.name() + ": want at least " + numFixed
                        + " got " + callArgs.size());
            }
        } else if (numIn != numFixed) {
            throw error(id, "wrong number of args for " + fn.name() + ": want " + numFixed + " got " + numIn);
        }
        List<Object> argv = new ArrayList<>(numIn);
        for (int i = 0; i < callArgs.size(); i++) {
            Kind k = i < numFixed ? fn.params().get(i) : fn.variadic();
            argv.add(evalArg(dot, k, callArgs.get(i)));
        }
        if (fin != MISSING) {
            Kind k = argv.size() < numFixed ? fn.params().get(argv.size()) : fn.variadic();
            argv.add(validate(fin, k));
        }
        try {
            return fn.body().apply(argv);
        } catch (GoPanic e) {
            throw error(cmd, "error calling " + fn.name() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof TemplateException) {
                throw e;
            }
            throw error(cmd, "error calling " + fn.name() + ": " + e);
        }
    }

    /** Go 1.18+: {@code and} stops at the first false argument, {@code or} at the first true one. */
    private Object andOr(Object dot, IdentifierNode id, List<TemplateNode> args, Object fin) {
        List<TemplateNode> callArgs = args.subList(1, args.size());
        int numIn = callArgs.size() + (fin != MISSING ? 1 : 0);
        if (numIn < 1) {
            throw error(id, "wrong number of args for " + id.name() + ": want at least 1 got 0");
        }
        boolean isAnd = id.name().equals("and");
        Object v = null;
        for (int i = 0; i < numIn; i++) {
            v = i < callArgs.size() ? evalArg(dot, Kind.VALUE, callArgs.get(i)) : fin;
            if (TemplateValues.truth(v) != isAnd) {
                return v;
            }
        }
        return v;
    }

    /** Go's evalArg: constants are converted to the parameter type, everything else validated. */
    private Object evalArg(Object dot, Kind kind, TemplateNode n) {
        current = n;
        if (n instanceof DotNode) {
            return validate(dot, kind);
        }
        if (n instanceof NilNode) {
            if (kind == null || kind == Kind.VALUE) {
                return NO_VALUE;
            }
            if (kind == Kind.ANY || kind == Kind.DICT || kind == Kind.STRINGS) {
                return null;
            }
            throw error(n, "cannot assign nil to " + kind.goName);
        }
        if (n instanceof FieldNode f) {
            return validate(evalFieldChain(dot, dot, f, f.idents(), List.of(n), MISSING), kind);
        }
        if (n instanceof VariableNode v) {
            return validate(evalVariable(dot, v, List.of(n), MISSING), kind);
        }
        if (n instanceof PipeNode p) {
            return validate(evalPipeline(dot, p), kind);
        }
        if (n instanceof IdentifierNode id) {
            return validate(evalFunction(dot, id, new CommandNode(id.pos(), List.of(id)), List.of(id),
                    MISSING), kind);
        }
        if (n instanceof ChainNode c) {
            return validate(evalChain(dot, c, List.of(n), MISSING), kind);
        }
        if (kind == null || kind == Kind.ANY || kind == Kind.VALUE) {
            if (n instanceof BoolNode b) {
                return b.value();
            }
            if (n instanceof NumberNode num) {
                return idealConstant(num);
            }
            if (n instanceof StringNode str) {
                return str.text();
            }
            throw error(n, "can't handle " + n + " for arg of type " + kindName(kind));
        }
        switch (kind) {
            case STRING -> {
                if (n instanceof StringNode str) {
                    return str.text();
                }
                throw error(n, "expected string; found " + n);
            }
            case INT, INT64 -> {
                if (n instanceof NumberNode num && integral(num.value())) {
                    return ((Number) num.value()).longValue();
                }
                throw error(n, "expected integer; found " + n);
            }
            case FLOAT -> {
                if (n instanceof NumberNode num) {
                    return ((Number) num.value()).doubleValue();
                }
                throw error(n, "expected float; found " + n);
            }
            case BOOL -> {
                if (n instanceof BoolNode b) {
                    return b.value();
                }
                throw error(n, "expected bool; found " + n);
            }
            default -> throw error(n, "can't handle " + n + " for arg of type " + kind.goName);
        }
    }

    private static String kindName(Kind k) {
        return k == null ? "interface {}" : k.goName;
    }

    private static boolean integral(Object v) {
        return v instanceof Long || v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d);
    }

    /** Go's validateType: a value must be assignable to the parameter's type. */
    private Object validate(Object value, Kind kind) {
        if (kind == null || kind == Kind.VALUE) {
            return value;
        }
        if (value == NO_VALUE || value == null) {
            if (kind == Kind.ANY || kind == Kind.DICT || kind == Kind.STRINGS) {
                return null;
            }
            throw error(current, "invalid value; expected " + kind.goName);
        }
        boolean ok = switch (kind) {
            case ANY -> true;
            case STRING -> value instanceof String;
            case INT -> value instanceof Integer;
            case INT64 -> value instanceof Long;
            case FLOAT -> value instanceof Double;
            case BOOL -> value instanceof Boolean;
            case DICT -> value instanceof TemplateValues.Dict;
            case STRINGS -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
            case VALUE -> true;
        };
        if (!ok) {
            throw error(current, "wrong type for value; expected " + kind.goName + "; got "
                    + GoFormat.typeName(value));
        }
        if (kind == Kind.INT || kind == Kind.INT64) {
            return ((Number) value).longValue();
        }
        return value;
    }

    private Object varValue(String name) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(name)) {
                return vars.get(i).value();
            }
        }
        throw error(current, "undefined variable: " + name);
    }

    private void setVar(String name, Object value) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(name)) {
                vars.set(i, new Variable(name, value));
                return;
            }
        }
        throw error(current, "undefined variable: " + name);
    }

    private void pop(int mark) {
        while (vars.size() > mark) {
            vars.remove(vars.size() - 1);
        }
    }

    private static String printable(Object v) {
        if (v == NO_VALUE || v == MISSING) {
            return "<no value>";
        }
        return GoFormat.value(v);
    }

    private TemplateException error(TemplateNode at, String message) {
        return TemplateException.exec(source, at == null ? new DotNode(0) : at, message);
    }
}

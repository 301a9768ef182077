package io.awssso.core.internal.naming;

import java.util.List;

/**
 * The parse tree of a Go {@code text/template}, shaped like Go's {@code text/template/parse}.
 * Every node keeps {@code pos}, its offset in the source, for error messages in Go's
 * {@code name:line:col} form; {@link #toString()} gives the node back as source text, which Go
 * quotes in execution errors ({@code at <.Foo>}).
 */
sealed interface TemplateNode {
    int pos();

    /** A sequence of nodes. */
    record ListNode(int pos, List<TemplateNode> nodes) implements TemplateNode {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            nodes.forEach(b::append);
            return b.toString();
        }
    }

    /** Plain text, copied to the output. */
    record TextNode(int pos, String text) implements TemplateNode {
        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code {{ pipeline }}}: the pipeline's value is printed unless it declares variables. */
    record ActionNode(int pos, int line, PipeNode pipe) implements TemplateNode {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    /**
     * {@code if}, {@code range} or {@code with}.
     *
     * @param kind {@code "if"}, {@code "range"} or {@code "with"}
     * @param elseList the {@code else} branch, or {@code null}
     */
    record BranchNode(int pos, int line, String kind, PipeNode pipe, ListNode list, ListNode elseList)
            implements TemplateNode {
        @Override
        public String toString() {
            return "{{" + kind + " " + pipe + "}}" + list
                    + (elseList == null ? "" : "{{else}}" + elseList) + "{{end}}";
        }
    }

    /** {@code {{break}}} or {@code {{continue}}} inside a range. */
    record LoopControlNode(int pos, int line, boolean isBreak) implements TemplateNode {
        @Override
        public String toString() {
            return isBreak ? "{{break}}" : "{{continue}}";
        }
    }

    /**
     * A pipeline: commands joined by {@code |}, with optional variable declarations.
     *
     * @param isAssign {@code =} (assign existing variables) rather than {@code :=}
     * @param decl the variables declared or assigned ({@code $x}, or {@code $i, $v} in a range)
     */
    record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
            implements TemplateNode {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    b.append(i > 0 ? ", " : "").append(decl.get(i));
                }
                b.append(isAssign ? " = " : " := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                b.append(i > 0 ? " | " : "").append(cmds.get(i));
            }
            return b.toString();
        }
    }

    /** One command: operands separated by spaces; the first may be a function. */
    record CommandNode(int pos, List<TemplateNode> args) implements TemplateNode {
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                TemplateNode a = args.get(i);
                b.append(i > 0 ? " " : "");
                b.append(a instanceof PipeNode ? "(" + a + ")" : a.toString());
            }
            return b.toString();
        }
    }

    /** A function name. */
    record IdentifierNode(int pos, String name) implements TemplateNode {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code .A.B}: fields of dot. */
    record FieldNode(int pos, List<String> idents) implements TemplateNode {
        @Override
        public String toString() {
            return "." + String.join(".", idents);
        }
    }

    /** {@code $x.A.B}: a variable and optional fields; {@code $} alone is the root data. */
    record VariableNode(int pos, List<String> idents) implements TemplateNode {
        @Override
        public String toString() {
            return String.join(".", idents);
        }
    }

    /** {@code (pipeline).A.B} or {@code $x.A} chains on a non-field operand. */
    record ChainNode(int pos, TemplateNode node, List<String> fields) implements TemplateNode {
        @Override
        public String toString() {
            String base = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return base + "." + String.join(".", fields);
        }
    }

    /** {@code .} */
    record DotNode(int pos) implements TemplateNode {
        @Override
        public String toString() {
            return ".";
        }
    }

    /** {@code nil} */
    record NilNode(int pos) implements TemplateNode {
        @Override
        public String toString() {
            return "nil";
        }
    }

    /** {@code true} or {@code false}. */
    record BoolNode(int pos, boolean value) implements TemplateNode {
        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /**
     * A number constant as written; {@code value} is a {@link Long} for integers (and character
     * constants), a {@link Double} otherwise.
     */
    record NumberNode(int pos, String text, Object value) implements TemplateNode {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A string constant; {@code quoted} is how it was written. */
    record StringNode(int pos, String quoted, String text) implements TemplateNode {
        @Override
        public String toString() {
            return quoted;
        }
    }
}

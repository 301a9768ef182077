package io.awssso.core.internal.naming;

/**
 * A template that does not parse, or fails while executing, with Go's message: {@code template:
 * profile_name:LINE: ...} for parse errors and {@code template: profile_name:LINE:COL: executing
 * "profile_name" at <NODE>: ...} for execution errors, as aws-sso-cli prints them (it names its
 * template {@code profile_name}; the column is Go's byte offset within the line).
 */
final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The name aws-sso-cli gives the ProfileFormat template, which Go puts in every message. */
    static final String NAME = "profile_name";

    private TemplateException(String message) {
        super(message, null, false, false);
    }

    static TemplateException parse(int line, String message) {
        return new TemplateException("template: " + NAME + ":" + line + ": " + message);
    }

    static TemplateException exec(String source, TemplateNode at, String message) {
        int pos = Math.min(at.pos(), source.length());
        String before = source.substring(0, pos);
        int lastNewline = before.lastIndexOf('\n');
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = lastNewline < 0 ? utf8Length(before) : utf8Length(before.substring(lastNewline + 1));
        return new TemplateException("template: " + NAME + ":" + line + ":" + column + ": executing \""
                + NAME + "\" at <" + at + ">: " + message);
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}

package io.awssso.cli.internal;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * The two output streams of a run. {@link #out()} carries data only (credentials, tables, the
 * version); everything meant for a person (errors, logs, prompts, progress) goes to {@link #err()},
 * so {@code $(aws-sso ...)} and pipes see nothing but data.
 */
public final class Terminal {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean ansi;

    /**
     * Creates a terminal writing to the given writers.
     *
     * @param out data
     * @param err messages for people
     * @param ansi whether colours and other escape sequences may be used
     */
    public Terminal(PrintWriter out, PrintWriter err, boolean ansi) {
        this.out = out;
        this.err = err;
        this.ansi = ansi;
    }

    /**
     * Creates a terminal over the given streams. Colour is used only on the process's own streams
     * attached to a console, and never when {@code NO_COLOR} is set or {@code TERM=dumb}.
     */
    public static Terminal of(PrintStream out, PrintStream err, CliEnvironment env) {
        boolean ansi = out == System.out && err == System.err && System.console() != null
                && env.get("NO_COLOR").isEmpty() && !env.get("TERM").orElse("").equals("dumb");
        return new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), ansi);
    }

    /** Returns the data stream (stdout). */
    public PrintWriter out() {
        return out;
    }

    /** Returns the stream for people (stderr). */
    public PrintWriter err() {
        return err;
    }

    /** Returns whether colours and other escape sequences may be used. */
    public boolean ansi() {
        return ansi;
    }

    /** Flushes both streams. */
    public void flush() {
        out.flush();
        err.flush();
    }
}

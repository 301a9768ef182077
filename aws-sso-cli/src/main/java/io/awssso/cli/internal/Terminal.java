package io.awssso.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The two output streams of a run. {@link #out()} carries data only (credentials, tables, the
 * version); everything meant for a person (errors, logs, prompts, progress) goes to {@link #err()},
 * so {@code $(aws-sso ...)} and pipes see nothing but data.
 */
public final class Terminal {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean ansi;
    private final PrintStream errStream;

    /**
     * Creates a terminal writing to the given writers.
     *
     * @param out data
     * @param err messages for people
     * @param ansi whether colours and other escape sequences may be used
     */
    public Terminal(PrintWriter out, PrintWriter err, boolean ansi) {
        this(out, err, ansi, null);
    }

    private Terminal(PrintWriter out, PrintWriter err, boolean ansi, PrintStream errStream) {
        this.out = out;
        this.err = err;
        this.ansi = ansi;
        this.errStream = errStream;
    }

    /**
     * Creates a terminal over the given streams. Colour is used only on the process's own streams
     * attached to a console, and never when {@code NO_COLOR} is set or {@code TERM=dumb}.
     */
    public static Terminal of(PrintStream out, PrintStream err, CliEnvironment env) {
        boolean ansi = out == System.out && err == System.err && System.console() != null
                && env.get("NO_COLOR").isEmpty() && !env.get("TERM").orElse("").equals("dumb");
        return new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), ansi, err);
    }

    /** Returns the data stream (stdout). */
    public PrintWriter out() {
        return out;
    }

    /** Returns the stream for people (stderr). */
    public PrintWriter err() {
        return err;
    }

    /**
     * Returns stderr as a stream, for the engine's messages to the person (codes to enter, URLs to
     * open). Flushes the writer first so that the two never interleave out of order.
     */
    public PrintStream errStream() {
        err.flush();
        return errStream != null ? errStream : new PrintStream(new ByteArrayOutputStream() {
            // Collects bytes and hands whole UTF-8 text to the writer on every flush.
            @Override
            public synchronized void flush() {
                err.write(toString(StandardCharsets.UTF_8));
                err.flush();
                reset();
            }
        }, true, StandardCharsets.UTF_8);
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

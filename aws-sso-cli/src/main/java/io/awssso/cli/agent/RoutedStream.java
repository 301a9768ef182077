package io.awssso.cli.agent;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for {@code System.out} or {@code System.err} in the agent: what a request's thread
 * writes there (the logging framework's warnings, say) goes to that request's captured stream, as
 * it would go to the caller's terminal in a JVM of its own; everything else goes to the agent's log.
 */
final class RoutedStream extends OutputStream {
    private final ThreadLocal<PrintStream> target = new ThreadLocal<>();
    private final PrintStream fallback;

    private RoutedStream(PrintStream fallback) {
        this.fallback = fallback;
    }

    /** A print stream routed per thread, writing to {@code fallback} outside requests. */
    static RoutedStream over(PrintStream fallback) {
        return new RoutedStream(fallback);
    }

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    /** Routes this thread's writes to {@code stream} until {@link #clear}. */
    void route(PrintStream stream) {
        target.set(stream);
    }

    void clear() {
        target.remove();
    }

    private PrintStream current() {
        PrintStream t = target.get();
        return t != null ? t : fallback;
    }

    @Override
    public void write(int b) {
        current().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        current().write(b, off, len);
    }

    @Override
    public void flush() {
        current().flush();
    }
}

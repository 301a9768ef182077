package io.awssso.cli.render;

import io.awssso.cli.internal.Terminal;
import io.awssso.core.RefreshListener;
import java.io.PrintWriter;

/**
 * Shows a role-cache refresh on stderr once it takes longer than a moment: a progress bar on a
 * terminal, one summary line otherwise (so logs of scripts stay readable).
 */
public final class RefreshProgress implements RefreshListener {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean bar;
    private long started;
    private int total;
    private boolean drawn;

    private RefreshProgress(PrintWriter err, boolean bar) {
        this.err = err;
        this.bar = bar;
    }

    /** A renderer for this terminal: a bar when it can draw one. */
    public static RefreshProgress on(Terminal terminal) {
        return new RefreshProgress(terminal.err(), terminal.ansi());
    }

    @Override
    public synchronized void started(int accounts) {
        started = System.nanoTime();
        total = accounts;
    }

    @Override
    public synchronized void progress(int done, int of) {
        total = of;
        if (bar && System.nanoTime() - started > QUIET_NANOS) {
            int filled = of == 0 ? WIDTH : done * WIDTH / of;
            err.print("\rListing roles [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                    + done + "/" + of + " accounts");
            err.flush();
            drawn = true;
        }
    }

    @Override
    public synchronized void finished() {
        long elapsed = System.nanoTime() - started;
        if (drawn) {
            err.print("\r\u001b[2K");
        }
        if (started != 0 && elapsed > QUIET_NANOS) {
            err.printf("Listed the roles of %d accounts in %.1f s.%n", total, elapsed / 1e9);
        }
        err.flush();
    }
}

package io.awssso.cli.command;

/**
 * Ctrl-C reaches every process of the terminal's foreground group: the child decides what it
 * means (a shell ignores it), so this JVM must not die of it and orphan the child.
 */
final class ChildSignals {
    private ChildSignals() {
    }

    /** Ignores SIGINT (and SIGQUIT) in this JVM until {@code child} ends. */
    static void ignoreInterruptsWhile(Process child) {
        try {
            sun.misc.SignalHandler ignore = signal -> { };
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(new sun.misc.Signal("INT"), ignore);
            child.onExit().thenRun(() -> sun.misc.Signal.handle(new sun.misc.Signal("INT"), previous));
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // a platform without SIGINT handling: the default behaviour stays
        }
    }
}

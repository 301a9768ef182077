package io.awssso.cli.command;

/**
 * Ctrl-C reaches every process of the terminal's foreground group: the child decides what it
 * means (a shell ignores it), so this JVM must not die of it and orphan the child.
 */
final class ChildSignals {
    private ChildSignals() {
    }

    /** Ignores SIGINT in this JVM until {@code child} ends. */
    static void ignoreInterruptsWhile(Process child) {
        Signals.handle("INT", signal -> { })
                .ifPresent(previous -> child.onExit().thenRun(() -> Signals.restore(previous)));
    }
}

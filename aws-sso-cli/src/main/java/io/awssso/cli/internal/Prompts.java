package io.awssso.cli.internal;

import io.awssso.api.AwsSsoException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * The interactive terminal the selector and the setup wizard talk through: JLine on the process's
 * stdin and <em>stderr</em>, so that {@code $(aws-sso select)} captures only the data on stdout.
 */
public final class Prompts {
    private Prompts() {}

    /**
     * Whether the process's stdin is a terminal, asked of JLine's providers (JNI isatty, else
     * {@code test -t 0}); false when none can tell.
     */
    public static boolean stdinIsTerminal() {
        for (String name : new String[] {"jni", "exec"}) {
            try {
                return TerminalProvider.load(name).isSystemStream(SystemStream.Input);
            } catch (IOException | RuntimeException | LinkageError e) {
                // this provider is unavailable here; ask the next one
            }
        }
        return false;
    }

    /**
     * Opens the system terminal with stderr as its output. The caller closes it, which restores
     * the terminal's modes.
     *
     * @throws UncheckedIOException when no terminal can be opened
     */
    public static org.jline.terminal.Terminal open() {
        try {
            return TerminalBuilder.builder().system(true)
                    .systemOutput(TerminalBuilder.SystemOutput.SysErr)
                    .nativeSignals(true).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /** The error for Ctrl-C at a prompt: exit code 130, message "interrupted". */
    public static AwsSsoException interrupted() {
        return new AwsSsoException("interrupted", new InterruptedIOException("Ctrl-C at the prompt"));
    }
}

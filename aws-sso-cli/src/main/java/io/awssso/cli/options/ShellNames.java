package io.awssso.cli.options;

import io.awssso.cli.completion.Shell;
import java.util.Arrays;
import java.util.Iterator;

/** The shells that get completion scripts ({@link Shell}), for the {@code --shell} options' help. */
public final class ShellNames implements Iterable<String> {
    /** Creates the list; picocli creates it reflectively. */
    public ShellNames() {}

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Shell.values()).map(Shell::id).iterator();
    }
}

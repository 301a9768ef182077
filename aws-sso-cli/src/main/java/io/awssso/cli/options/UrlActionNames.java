package io.awssso.cli.options;

import io.awssso.core.Vocabulary;
import java.util.Iterator;

/**
 * The URL action names the library accepts, for {@code -u/--url-action}'s help
 * ({@code ${COMPLETION-CANDIDATES}}): the help never lists an action the library lacks, nor
 * misses one it has.
 */
public final class UrlActionNames implements Iterable<String> {
    /** Creates the list; picocli creates it reflectively. */
    public UrlActionNames() {}

    @Override
    public Iterator<String> iterator() {
        return Vocabulary.urlActions().iterator();
    }
}

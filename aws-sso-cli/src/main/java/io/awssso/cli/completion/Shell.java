package io.awssso.cli.completion;

import java.util.Locale;
import java.util.Optional;

/** The shells that get completion scripts. */
public enum Shell {
    /** GNU bash: a block in {@code ~/.bash_profile}. */
    BASH,
    /** zsh: a block in {@code ~/.zshrc}. */
    ZSH,
    /** fish: four files under {@code ~/.config/fish}, loaded lazily by fish. */
    FISH;

    /** The name as users type it ({@code bash}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The shell of a {@code $SHELL}-style path ({@code /usr/bin/zsh}), if it is one of ours. */
    public static Optional<Shell> ofPath(String path) {
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (Shell s : values()) {
            if (s.id().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}

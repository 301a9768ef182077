package io.awssso.core.internal.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a URL (login or console) reaches the user: {@code UrlAction}, {@code AuthUrlAction}. */
public enum UrlAction {
    /** Open the default browser, or {@code Browser}. */
    OPEN("open"),
    /** Print a sentence and the URL to stderr. */
    PRINT("print"),
    /** Print only the URL to stderr. */
    PRINT_URL("printurl"),
    /** Copy the URL to the clipboard. */
    CLIP("clip"),
    /** Copy the URL with an OSC 52 terminal escape sequence. */
    ANSI_OSC52("ansi-osc52"),
    /** Run {@code UrlExecCommand} with the URL. */
    EXEC("exec"),
    /** Run {@code UrlExecCommand} with an "Open URL in Container" Firefox add-on URL. */
    OPEN_URL_IN_CONTAINER("open-url-in-container"),
    /** Run {@code UrlExecCommand} with a Granted containers add-on URL. */
    GRANTED_CONTAINERS("granted-containers");

    private final String configName;

    UrlAction(String configName) {
        this.configName = configName;
    }

    /** The name written in config.yaml and on the command line. */
    public String configName() {
        return configName;
    }

    /** Whether this opens the URL in a Firefox container. */
    public boolean isContainer() {
        return this == OPEN_URL_IN_CONTAINER || this == GRANTED_CONTAINERS;
    }

    /** Whether this runs {@code UrlExecCommand}. */
    public boolean usesExecCommand() {
        return this == EXEC || isContainer();
    }

    /** The action with this config name (case-insensitive). */
    public static Optional<UrlAction> fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(a -> a.configName.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** Every config name, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(UrlAction::configName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return configName;
    }
}

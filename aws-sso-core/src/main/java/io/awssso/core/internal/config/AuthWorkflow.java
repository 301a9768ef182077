package io.awssso.core.internal.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The OIDC flow used to log in: {@code AuthWorkflow}. */
public enum AuthWorkflow {
    /** Authorization code with PKCE and a loopback redirect: the default on a desktop. */
    PKCE("pkce"),
    /** Device authorization: the default over SSH and in WSL, where no local browser can call back. */
    DEVICE_CODE("device_code");

    private final String configName;

    AuthWorkflow(String configName) {
        this.configName = configName;
    }

    /** The name written in config.yaml. */
    public String configName() {
        return configName;
    }

    /** The workflow with this config name (case-insensitive). */
    public static Optional<AuthWorkflow> fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(w -> w.configName.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    @Override
    public String toString() {
        return configName;
    }
}

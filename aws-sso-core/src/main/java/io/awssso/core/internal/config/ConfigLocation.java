package io.awssso.core.internal.config;

import io.awssso.api.ConfigurationException;
import io.awssso.core.internal.env.Environment;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the config file and the config directory are.
 *
 * <p>The directory holds {@code cache.json}, {@code store.json} and the locks {@code storage.lock},
 * {@code cache.lock} and {@code login.lock}. It follows its own rules even when {@code --config}
 * names a file elsewhere, as aws-sso-cli does: pointing at another config file must not move the
 * cache and the secrets.
 *
 * @param file the config file (it may not exist yet)
 * @param directory the config directory
 */
public record ConfigLocation(Path file, Path directory) {
    /** The variable that names the config file when {@code --config} is not given. */
    public static final String CONFIG_VARIABLE = "AWS_SSO_CONFIG";

    /** Checks both paths are present. */
    public ConfigLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(directory, "directory");
    }

    /**
     * Resolves the location: the {@code --config} flag, then {@code $AWS_SSO_CONFIG}, then
     * {@code <dir>/config.yaml}. A leading {@code ~} is expanded.
     *
     * @param configFlag the value of {@code --config}, if given
     */
    public static ConfigLocation resolve(Optional<String> configFlag, Environment env) {
        // Plain code, no lambdas: this runs on the `process` fast path, where the first lambda
        // of a run costs milliseconds of start-up.
        Path directory = directory(env);
        Optional<String> explicit = configFlag.isPresent() && !configFlag.get().isEmpty() ? configFlag
                : env.get(CONFIG_VARIABLE);
        try {
            Path file = explicit.isPresent() ? env.expandPath(explicit.get()) : directory.resolve("config.yaml");
            return new ConfigLocation(file, directory);
        } catch (InvalidPathException e) {
            throw new ConfigurationException("the config file name is not a valid path: "
                    + e.getMessage() + " (check --config and $" + CONFIG_VARIABLE + ")");
        }
    }

    /**
     * The config directory: {@code ~/.aws-sso} if that directory exists (older installs), else
     * {@code $XDG_CONFIG_HOME/aws-sso}, else {@code ~/.config/aws-sso}.
     *
     * <p>One exception to aws-sso-cli's rule: an {@code ~/.aws-sso} without a {@code config.yaml}
     * does not win over a newer directory that has one. {@code ecs docker start} creates
     * {@code ~/.aws-sso/mnt} for the container's one-time file, and by the plain rule that alone
     * would move every later command away from the user's config, cache and store.
     */
    public static Path directory(Environment env) {
        Optional<String> xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg.isPresent() ? env.expandPath(xdg.get()) : env.home().resolve(".config");
        Path current = base.resolve("aws-sso");
        Path legacy = env.home().resolve(".aws-sso");
        if (Files.isDirectory(legacy)
                && (Files.exists(legacy.resolve("config.yaml")) || !Files.exists(current.resolve("config.yaml")))) {
            return legacy;
        }
        return current;
    }

    /** The plain-text role cache. */
    public Path cacheFile() {
        return directory.resolve("cache.json");
    }

    /** The cross-process lock around secret-store reads and writes. */
    public Path lockFile() {
        return directory.resolve("storage.lock");
    }

    /** The default file of the {@code json} secret store (the config's {@code JsonStore} wins). */
    public Path defaultJsonStore() {
        return directory.resolve("store.json");
    }
}

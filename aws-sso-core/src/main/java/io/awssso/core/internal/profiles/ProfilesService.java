package io.awssso.core.internal.profiles;

import io.awssso.api.ConfigurationException;
import io.awssso.core.ProfilesUpdate;
import io.awssso.core.internal.catalog.CatalogService;
import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.config.SsoConfig;
import io.awssso.core.internal.env.Environment;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code setup profiles} for one instance: plans the managed block and writes it. */
public final class ProfilesService {
    private final AwsSsoConfig config;
    private final SsoConfig instance;
    private final CatalogService catalog;
    private final Environment env;
    private final PrintStream user;

    /** @param user where warnings for the person go (stderr) */
    public ProfilesService(AwsSsoConfig config, SsoConfig instance, CatalogService catalog,
            Environment env, PrintStream user) {
        this.config = config;
        this.instance = instance;
        this.catalog = catalog;
        this.env = env;
        this.user = user;
    }

    /** What {@code setup profiles} would write; nothing is written. */
    public ProfilesUpdate plan(Optional<Path> awsConfigFile, Optional<String> runningProgram) {
        Path file = awsConfigFile.or(() -> env.get("AWS_CONFIG_FILE").map(env::expandPath))
                .orElseGet(() -> env.home().resolve(".aws").resolve("config"));
        String binary = ProfilesPlanner.binary(config.configProfilesBinaryPath(), runningProgram, env,
                warning -> user.println("warning: " + warning));
        ProfileBlock profileBlock = new ProfileBlock(instance.name(), binary, config.configVariables());
        List<ProfileEntry> entries = profileBlock.writable(ProfilesPlanner.entries(catalog.roles()),
                why -> user.println("warning: " + why));
        List<String> block = profileBlock.lines(entries);
        byte[] current = AwsConfigFile.read(file);
        byte[] updated;
        try {
            updated = AwsConfigMerge.merge(current, instance.name(), block);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(file + ": " + e.getMessage());
        }
        String diff = UnifiedDiff.diff(new String(current, StandardCharsets.UTF_8),
                new String(updated, StandardCharsets.UTF_8), file.toString(), file + " (new)");
        return new ProfilesUpdate(file, entries.size(), String.join("\n", block) + "\n", diff, current, updated);
    }

    /** Writes a plan unless it changes nothing. */
    public void write(ProfilesUpdate update) {
        if (update.changed()) {
            AwsConfigFile.write(update.file(), update.current(), update.updated());
        }
    }
}

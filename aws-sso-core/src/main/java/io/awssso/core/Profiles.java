package io.awssso.core;

import io.awssso.core.internal.config.AwsSsoConfig;
import io.awssso.core.internal.di.CoreComponent;
import java.util.Objects;

/**
 * The instance's roles as profiles in the AWS config file ({@code ~/.aws/config}), each running
 * aws-sso as its {@code credential_process}, so that every AWS SDK and the AWS CLI can use them.
 * Get it with {@link AwsSso#profiles()}.
 *
 * <pre>{@code
 * ProfilesUpdate update = sso.profiles().plan(ProfilesOptions.defaults());
 * if (update.changed()) {
 *     sso.profiles().write(update);
 * }
 * }</pre>
 */
public final class Profiles {
    private final CoreComponent graph;

    Profiles(CoreComponent graph) {
        this.graph = graph;
    }

    /**
     * What updating the AWS config file would do: the managed block of this instance (refreshing
     * the role cache first when it has expired) merged into the file, with a unified diff. Nothing
     * is written.
     *
     * @throws io.awssso.api.ConfigurationException for duplicate profile names or damaged markers in
     *     the file
     * @throws io.awssso.api.LoginRequiredException when a refresh is needed and there is no token
     */
    public ProfilesUpdate plan(ProfilesOptions options) {
        Objects.requireNonNull(options, "options");
        return graph.profiles().plan(options.awsConfigFile(), options.runningProgram());
    }

    /**
     * Writes a {@link #plan} (temporary file, fsync, rename; a new file 0600, an existing one keeps
     * its mode), unless it changes nothing.
     *
     * @throws io.awssso.api.AwsSsoException when the file changed since the plan was made, or cannot
     *     be written
     */
    public void write(ProfilesUpdate update) {
        graph.profiles().write(Objects.requireNonNull(update, "update"));
    }

    /**
     * Whether the AWS config file should be brought up to date after a refresh changed the roles:
     * {@code AutoConfigCheck: true} and a positive {@code CacheRefresh}.
     */
    public boolean updateAfterRefresh() {
        AwsSsoConfig config = graph.config();
        return config.autoConfigCheck() && config.cacheRefreshHours() > 0;
    }
}

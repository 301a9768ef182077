package io.awssso.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@link Profiles#plan} writes the instance's profiles and which program their
 * {@code credential_process} runs.
 */
public final class ProfilesOptions {
    private static final ProfilesOptions DEFAULTS = builder().build();

    private final Path awsConfigFile;
    private final String runningProgram;

    private ProfilesOptions(Builder b) {
        this.awsConfigFile = b.awsConfigFile;
        this.runningProgram = b.runningProgram;
    }

    /** A builder with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code $AWS_CONFIG_FILE} or {@code ~/.aws/config}, and {@code aws-sso} from the PATH. */
    public static ProfilesOptions defaults() {
        return DEFAULTS;
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().awsConfigFile(awsConfigFile).runningProgram(runningProgram);
    }

    /** The AWS config file; empty for {@code $AWS_CONFIG_FILE}, then {@code ~/.aws/config}. */
    public Optional<Path> awsConfigFile() {
        return Optional.ofNullable(awsConfigFile);
    }

    /**
     * The program {@code credential_process} runs, unless {@code ConfigProfilesBinaryPath} is set;
     * empty for plain {@code aws-sso} from the PATH.
     */
    public Optional<String> runningProgram() {
        return Optional.ofNullable(runningProgram);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfilesOptions p && Objects.equals(awsConfigFile, p.awsConfigFile)
                && Objects.equals(runningProgram, p.runningProgram);
    }

    @Override
    public int hashCode() {
        return Objects.hash(awsConfigFile, runningProgram);
    }

    @Override
    public String toString() {
        return "ProfilesOptions[awsConfigFile=" + awsConfigFile + ", runningProgram=" + runningProgram + "]";
    }

    /** Builds {@link ProfilesOptions}. Null means the default. */
    public static final class Builder {
        private Path awsConfigFile;
        private String runningProgram;

        private Builder() {
        }

        /** The AWS config file to update. */
        public Builder awsConfigFile(Path file) {
            this.awsConfigFile = file;
            return this;
        }

        /** The path of the launcher to run in {@code credential_process}. */
        public Builder runningProgram(String path) {
            this.runningProgram = ConsoleOptions.blankToNull(path);
            return this;
        }

        /** The options. */
        public ProfilesOptions build() {
            return new ProfilesOptions(this);
        }
    }
}

package io.awssso.core.internal.profiles;

import io.awssso.api.CatalogRole;
import io.awssso.core.internal.env.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Which profiles to write and which program their {@code credential_process} runs. */
public final class ProfilesPlanner {
    /** The name run from the PATH when no program path is known. */
    static final String PLAIN_NAME = "aws-sso";

    private ProfilesPlanner() {
    }

    /** One profile per cached role that has a profile name, with its default region. */
    public static List<ProfileEntry> entries(List<CatalogRole> roles) {
        List<ProfileEntry> out = new ArrayList<>(roles.size());
        for (CatalogRole r : roles) {
            if (!r.profile().isBlank()) {
                out.add(new ProfileEntry(r.profile(), r.arn(), r.defaultRegion()));
            }
        }
        return out;
    }

    /**
     * The program {@code credential_process} runs: {@code ConfigProfilesBinaryPath} ({@code ~}
     * expanded), else the launcher that runs this process (made absolute), else plain
     * {@code aws-sso} found on the PATH. A launcher under {@code /nix/store/} is also written as
     * plain {@code aws-sso}: that path changes with every upgrade.
     *
     * @param configured {@code ConfigProfilesBinaryPath}
     * @param launcher the path of the running launcher, when known
     * @param warn hears why the plain name was used
     */
    public static String binary(Optional<String> configured, Optional<String> launcher, Environment env,
            Consumer<String> warn) {
        Optional<String> c = configured.filter(s -> !s.isBlank());
        if (c.isPresent()) {
            return env.expandTilde(c.get());
        }
        Optional<String> l = launcher.filter(s -> !s.isBlank());
        if (l.isEmpty()) {
            warn.accept("the path of the aws-sso program is unknown; the profiles run '" + PLAIN_NAME
                    + "' from the PATH (set ConfigProfilesBinaryPath to choose a path)");
            return PLAIN_NAME;
        }
        String path = Path.of(env.expandTilde(l.get())).toAbsolutePath().normalize().toString();
        if (path.startsWith("/nix/store/")) {
            warn.accept("aws-sso runs from /nix/store, which changes with every upgrade; the profiles run '"
                    + PLAIN_NAME + "' from the PATH instead (set ConfigProfilesBinaryPath to override)");
            return PLAIN_NAME;
        }
        return path;
    }
}

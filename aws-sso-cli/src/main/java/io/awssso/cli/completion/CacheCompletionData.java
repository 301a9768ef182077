package io.awssso.cli.completion;

import io.awssso.core.AwsSso;
import io.awssso.core.ListQuery;
import io.awssso.core.RoleListing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion values from the user's files: roles from the role cache (through the engine's
 * {@code list}, which never refreshes or calls AWS), instance names from the config file. Every
 * failure (no config, no cache, a broken file) yields no values: completion must never print
 * errors into the user's command line.
 */
public final class CacheCompletionData implements CompletionData {
    private static final Pattern KEY = Pattern.compile("^(\\s+)(\"[^\"]+\"|'[^']+'|[^\\s#:'\"][^:#]*?)\\s*:\\s*(#.*)?$");
    private static final List<String> FIELDS = List.of("Profile", "AccountIdPad", "RoleName", "Arn");

    private final String configFile;
    private final Map<String, String> environment;
    private final Path home;

    /**
     * Creates the source.
     *
     * @param configFile the config named by {@code --config}, or null for the usual places
     * @param environment the environment ({@code AWS_SSO}, {@code AWS_SSO_CONFIG}, the store's password)
     * @param home the home directory
     */
    public CacheCompletionData(String configFile, Map<String, String> environment, Path home) {
        this.configFile = configFile;
        this.environment = environment;
        this.home = home;
    }

    private AwsSso engine(String sso) {
        return AwsSso.builder()
                .configFile(configFile)
                .ssoInstance(sso == null || sso.isEmpty() ? environment.get("AWS_SSO") : sso)
                .environment(environment, home)
                .userMessages(new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), true,
                        StandardCharsets.UTF_8))
                .build();
    }

    @Override
    public List<String> instances() {
        try (AwsSso sso = engine(null)) {
            return instanceNames(Files.readAllLines(sso.configFile(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The keys directly under the top-level {@code SSOConfig:} mapping. */
    static List<String> instanceNames(List<String> lines) {
        List<String> names = new ArrayList<>();
        boolean inside = false;
        int indent = -1;
        for (String line : lines) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                inside = line.matches("^SSOConfig\\s*:\\s*(#.*)?$");
                continue;
            }
            if (!inside) {
                continue;
            }
            Matcher m = KEY.matcher(line);
            int here = line.length() - line.stripLeading().length();
            if (indent < 0) {
                indent = here;
            }
            if (here == indent && m.matches()) {
                String key = m.group(2);
                if (key.length() > 1 && (key.startsWith("\"") || key.startsWith("'"))) {
                    key = key.substring(1, key.length() - 1);
                }
                names.add(key);
            }
        }
        return names;
    }

    @Override
    public List<Role> roles(String sso) {
        try (AwsSso engine = engine(sso)) {
            RoleListing listing = engine.roles().listing(ListQuery.builder().fields(FIELDS).sortBy("Profile").build());
            List<Role> roles = new ArrayList<>();
            for (List<Object> row : listing.rows()) {
                roles.add(new Role(String.valueOf(row.get(0)), String.valueOf(row.get(1)), String.valueOf(row.get(2)),
                        String.valueOf(row.get(3))));
            }
            return roles;
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}

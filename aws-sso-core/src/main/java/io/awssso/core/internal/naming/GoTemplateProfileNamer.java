package io.awssso.core.internal.naming;

import io.awssso.api.CatalogRole;
import io.awssso.api.ConfigurationException;
import io.awssso.api.SsoInstance;
import io.awssso.api.spi.ProfileNamer;
import java.time.Clock;
import java.util.Map;

/**
 * A compiled {@code ProfileFormat}: a Go {@code text/template} with sprig's functions and
 * aws-sso-cli's own, parsed once by {@link TemplateParser} and run per role by
 * {@link TemplateExecutor} against the role's {@code AWSRoleFlat}-shaped data. Thread-safe: the
 * parse tree is immutable and each run has its own state.
 */
public final class GoTemplateProfileNamer implements ProfileNamer {
    /** The format used when {@code ProfileFormat} is empty. */
    public static final String FALLBACK_FORMAT = "{{ .AccountIdPad }}:{{ .RoleName }}";

    private final String format;
    private final TemplateNode.ListNode tree;
    private final SsoInstance instance;
    private final Clock clock;

    private GoTemplateProfileNamer(String format, TemplateNode.ListNode tree, SsoInstance instance, Clock clock) {
        this.format = format;
        this.tree = tree;
        this.instance = instance;
        this.clock = clock;
    }

    /**
     * Parses a format.
     *
     * @param profileFormat the template; empty means {@link #FALLBACK_FORMAT}
     * @param instance the instance whose {@code .SSORegion} and {@code .StartUrl} the SPI method
     *     fills in, or {@code null}
     * @param clock decides {@code .Expires}
     * @throws ProfileFormatException naming ProfileFormat, with Go's message and line, when it
     *     does not parse
     */
    public static GoTemplateProfileNamer compile(String profileFormat, SsoInstance instance, Clock clock) {
        String format = profileFormat == null || profileFormat.isBlank() ? FALLBACK_FORMAT : profileFormat;
        try {
            return new GoTemplateProfileNamer(format, TemplateParser.parse(format, TemplateFunctions.names()),
                    instance, clock);
        } catch (TemplateException e) {
            throw new ProfileFormatException("'" + format + "' is not a valid template: " + e.getMessage(),
                    e.getMessage());
        }
    }

    /** The format as configured. */
    public String format() {
        return format;
    }

    /**
     * Runs the template for one role's variables (see {@link ProfileVariables}).
     *
     * @throws ProfileFormatException naming ProfileFormat and the role, with Go's message and
     *     position, when execution fails (an unknown field, a function given the wrong type)
     */
    public String name(Map<String, Object> variables) {
        try {
            return TemplateExecutor.execute(format, tree, TemplateFunctions.ALL,
                    TemplateValues.roleData(variables));
        } catch (TemplateException e) {
            throw new ProfileFormatException("'" + format + "' failed for role " + variables.get("Arn")
                    + ": " + e.getMessage(), e.getMessage());
        }
    }

    /** The explicit profile when the role has one, else the template's result. */
    @Override
    public String profileName(CatalogRole role) {
        if (!role.profile().isEmpty()) {
            return role.profile();
        }
        return name(ProfileVariables.of(0, role.arn(), role.accountName(), role.accountAlias(),
                role.emailAddress(), role.credentialsExpire(), clock.instant(), role.profile(),
                role.defaultRegion(), role.ssoName(),
                instance == null ? "" : instance.ssoRegion(),
                instance == null ? "" : instance.startUrl(), role.tags(),
                role.via()));
    }

    /**
     * A ProfileFormat that does not parse or fails for a role. It is a configuration error; the
     * catalog, which knows the config file, turns it into one located at the key.
     */
    public static final class ProfileFormatException extends ConfigurationException {
        private static final long serialVersionUID = 1L;

        private final String detail;
        private final String templateError;

        ProfileFormatException(String detail, String templateError) {
            super("ProfileFormat " + detail);
            this.detail = detail;
            this.templateError = templateError;
        }

        /** The message without the key: the template, the role if any, and Go's message. */
        public String detail() {
            return detail;
        }

        /** Go's message alone ({@code template: profile_name:1: ...}). */
        public String templateError() {
            return templateError;
        }
    }
}

package io.awssso.core.internal.naming;

import io.awssso.api.CatalogRole;
import io.awssso.api.ConfigurationException;
import io.awssso.api.SsoInstance;
import io.awssso.api.spi.ProfileNamer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A compiled {@code ProfileFormat}. The template (Go form translated, or Pebble form as written)
 * is compiled once; a template is taken as Go when an action refers to a field with a leading
 * dot ({@code .RoleName}), or when it is not valid Pebble but translates as Go; {@link #name(Map)} evaluates it against one role's variable map.
 * Thread-safe.
 */
public final class PebbleProfileNamer implements ProfileNamer {
    /** The format used when {@code ProfileFormat} is empty. */
    public static final String FALLBACK_FORMAT = "{{ .AccountIdPad }}:{{ .RoleName }}";

    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(new StringLoader())
            .autoEscaping(false)
            .newLineTrimming(false)
            .strictVariables(false)
            .cacheActive(false)
            .extension(new TemplateFunctions())
            .build();

    private final String format;
    private final PebbleTemplate template;
    private final Map<String, Object> constants;
    private final SsoInstance instance;
    private final Clock clock;

    private PebbleProfileNamer(String format, PebbleTemplate template, Map<String, Object> constants,
            SsoInstance instance, Clock clock) {
        this.format = format;
        this.template = template;
        this.constants = constants;
        this.instance = instance;
        this.clock = clock;
    }

    /**
     * Compiles a format in either form.
     *
     * @param profileFormat the template; empty means {@link #FALLBACK_FORMAT}
     * @param instance the instance whose {@code .SSORegion} and {@code .StartUrl} the SPI method
     *     fills in, or {@code null}
     * @param clock decides {@code .Expires}
     * @throws ConfigurationException naming ProfileFormat when it does not compile
     */
    public static PebbleProfileNamer compile(String profileFormat, SsoInstance instance, Clock clock) {
        String format = profileFormat == null || profileFormat.isBlank() ? FALLBACK_FORMAT : profileFormat;
        String pebble = format;
        Map<String, Object> constants = Map.of();
        try {
            if (GoTemplateTranslator.isGoTemplate(format)) {
                GoTemplateTranslator.Translation t = GoTemplateTranslator.translate(format);
                pebble = t.pebble();
                constants = t.constants();
            } else {
                try {
                    return new PebbleProfileNamer(format, ENGINE.getTemplate(pebble), constants, instance, clock);
                } catch (PebbleException notPebble) {
                    // a Go template without fields, e.g. {{ StringsJoin ":" "a" "b" }}
                    try {
                        GoTemplateTranslator.Translation t = GoTemplateTranslator.translate(format);
                        pebble = t.pebble();
                        constants = t.constants();
                    } catch (IllegalArgumentException notGo) {
                        throw notPebble;
                    }
                }
            }
            return new PebbleProfileNamer(format, ENGINE.getTemplate(pebble), constants, instance, clock);
        } catch (IllegalArgumentException | PebbleException e) {
            throw invalid(format, e);
        }
    }

    /** The format as configured. */
    public String format() {
        return format;
    }

    /**
     * Evaluates the template for one role's variables (see {@link ProfileVariables}).
     *
     * @throws ConfigurationException naming ProfileFormat when evaluation fails
     */
    public String name(Map<String, Object> variables) {
        Map<String, Object> context = variables;
        if (!constants.isEmpty()) {
            context = new HashMap<>(variables);
            context.putAll(constants);
        }
        StringWriter out = new StringWriter(64);
        try {
            template.evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw invalid(format, e);
        }
        return out.toString();
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

    private static ConfigurationException invalid(String format, Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ConfigurationException("ProfileFormat '" + format + "' is not a valid template: "
                + why.lines().findFirst().orElse(why));
    }
}

package io.awssso.examples;

import io.awssso.api.CatalogRole;
import io.awssso.api.spi.ProfileNamer;
import io.awssso.api.spi.ProfileNamerFactory;
import java.util.Locale;

/**
 * A profile namer of your own: every role without an explicit {@code Profile} is named
 * {@code <account>.<role>}, the account being its name in AWS in lower case with runs of anything
 * but letters and digits turned into one {@code -} ({@code "My Prod"} and {@code AdministratorAccess}
 * give {@code my-prod.AdministratorAccess}). The config's {@code ProfileFormat} is ignored.
 *
 * <p>Plug it in either way:
 * <ul>
 *   <li>on the builder: {@code AwsSso.builder().profileNamerFactory(new DottedProfileNames())};</li>
 *   <li>installed: put the jar on the class path (or module path) with a
 *       {@code META-INF/services/io.awssso.api.spi.ProfileNamerFactory} file naming this class
 *       (or {@code provides io.awssso.api.spi.ProfileNamerFactory with ...} in a module), and the
 *       engine, the {@code aws-sso} command included, finds it with {@link java.util.ServiceLoader}.</li>
 * </ul>
 */
public final class DottedProfileNames implements ProfileNamerFactory {
    /** Creates the factory; {@link java.util.ServiceLoader} needs this public constructor. */
    public DottedProfileNames() {
    }

    @Override
    public ProfileNamer create(String profileFormat) {
        return DottedProfileNames::name;
    }

    /** The name of one role. */
    static String name(CatalogRole role) {
        String account = role.accountAlias().isEmpty() ? role.arn().accountId().value() : role.accountAlias();
        String slug = account.toLowerCase(Locale.ROOT).replaceAll("[^\\p{Alnum}]+", "-").replaceAll("^-|-$", "");
        return (slug.isEmpty() ? role.arn().accountId().value() : slug) + "." + role.arn().roleName();
    }
}

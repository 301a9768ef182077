package io.awssso.examples;

import io.awssso.api.CatalogRole;
import io.awssso.api.spi.ProfileNamerFactory;
import io.awssso.core.AwsSso;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lists the user's roles by profile name, as an internal tool would: one {@link AwsSso} engine
 * (the same config and secure store as the {@code aws-sso} command; run {@code aws-sso login}
 * first), its role catalog refreshed when it has expired, and the names from a profile namer.
 *
 * <pre>
 * java io.awssso.examples.ListProfiles           # names from the installed namer, else ProfileFormat
 * java io.awssso.examples.ListProfiles --dotted  # names from {@link DottedProfileNames}
 * </pre>
 */
public final class ListProfiles {
    private ListProfiles() {
    }

    /**
     * Prints {@code <profile> <role ARN>} per role.
     *
     * @param args {@code --dotted} to name the roles with {@link DottedProfileNames}
     */
    public static void main(String[] args) {
        boolean dotted = args.length == 1 && args[0].equals("--dotted");
        if (args.length > 1 || (args.length == 1 && !dotted)) {
            System.err.println("usage: ListProfiles [--dotted]");
            System.exit(2);
        }
        profiles(dotted ? new DottedProfileNames() : null).forEach((profile, arn) -> System.out.println(profile + " " + arn));
    }

    /**
     * Every role's profile name with its ARN, in the catalog's order.
     *
     * @param namer the namer to use, or null for the one installed on the path (else the config's
     *     {@code ProfileFormat})
     * @return profile name to role ARN
     */
    public static Map<String, String> profiles(ProfileNamerFactory namer) {
        Map<String, String> out = new LinkedHashMap<>();
        try (AwsSso sso = AwsSso.builder().profileNamerFactory(namer).build()) {
            for (CatalogRole role : sso.roles().list()) {
                out.put(role.profile(), role.arn().toString());
            }
        }
        return out;
    }
}

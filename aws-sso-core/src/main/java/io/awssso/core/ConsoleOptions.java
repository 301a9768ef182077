package io.awssso.core;

import java.util.Optional;

/**
 * How to sign in to the AWS console ({@code aws-sso console}).
 *
 * @param durationMinutes the console session length, 15 to 720 ({@code --duration}); empty for
 *     {@code ConsoleDuration}. Role-chained credentials cannot ask for one: AWS decides.
 * @param region the console's region ({@code --region}); empty for the role's default region
 * @param stsRefresh fetch new role credentials even when the stored ones are valid
 * @param urlAction what to do with the URL ({@code open}, {@code print}, {@code printurl}, ...);
 *     empty for {@code UrlAction}
 */
public record ConsoleOptions(Optional<Integer> durationMinutes, Optional<String> region, boolean stsRefresh,
        Optional<String> urlAction) {

    /** Normalises nulls and blanks to empty. */
    public ConsoleOptions {
        durationMinutes = durationMinutes == null ? Optional.empty() : durationMinutes;
        region = region == null ? Optional.empty() : region.filter(r -> !r.isBlank());
        urlAction = urlAction == null ? Optional.empty() : urlAction.filter(a -> !a.isBlank());
    }

    /** Everything from config. */
    public static ConsoleOptions defaults() {
        return new ConsoleOptions(Optional.empty(), Optional.empty(), false, Optional.empty());
    }
}

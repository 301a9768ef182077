package io.awssso.core.internal.url;

import io.awssso.core.internal.config.UrlAction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A Firefox container to open a URL in: a name, a colour and an icon. Unknown or missing colours
 * and icons are replaced by a pick derived from the name, so that the same name always gets the
 * same look.
 *
 * @param name the container name (SSO instance for logins, profile for consoles)
 * @param color one of {@link #COLORS}
 * @param icon one of {@link #ICONS}
 */
public record FirefoxContainer(String name, String color, String icon) {

    /** Colours both container add-ons accept. */
    public static final List<String> COLORS =
            List.of("blue", "turquoise", "green", "yellow", "orange", "red", "pink", "purple");
    /** Icons both container add-ons accept. */
    public static final List<String> ICONS = List.of("fingerprint", "briefcase", "dollar", "cart",
            "gift", "vacation", "food", "fruit", "pet", "tree", "chill", "circle");

    /** Normalises colour and icon, picking deterministic ones when they are not valid. */
    public FirefoxContainer {
        color = valid(color, COLORS, name);
        icon = valid(icon, ICONS, name);
    }

    private static String valid(String wanted, List<String> allowed, String name) {
        if (wanted != null && allowed.contains(wanted.toLowerCase(Locale.ROOT))) {
            return wanted.toLowerCase(Locale.ROOT);
        }
        int sum = 0;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            sum += b & 0xff;
        }
        return allowed.get((sum % 256) % allowed.size());
    }

    /** The URL handed to Firefox for {@code url} with the given container action. */
    public String wrap(UrlAction action, String url) {
        String scheme = switch (action) {
            case OPEN_URL_IN_CONTAINER -> "ext+container:";
            case GRANTED_CONTAINERS -> "ext+granted-containers:";
            default -> throw new IllegalArgumentException(action + " is not a container action");
        };
        return scheme + "name=" + encode(name) + "&url=" + encode(url) + "&color=" + color
                + "&icon=" + icon;
    }

    private static String encode(String s) {
        // Go's url.QueryEscape: spaces become '+', like URLEncoder.
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

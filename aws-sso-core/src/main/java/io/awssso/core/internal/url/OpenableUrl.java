package io.awssso.core.internal.url;

import io.awssso.api.AwsSsoException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one rule for URLs that reach a browser, a clipboard or {@code UrlExecCommand}: {@code https},
 * or {@code http} to this machine (local emulators and tests). Login URLs come from the network
 * (the device authorization's {@code verificationUriComplete}, the registration's
 * {@code authorizationEndpoint}); a {@code file:}, {@code javascript:} or custom-scheme URL there
 * would make the browser or the exec command do what the server chose.
 */
public final class OpenableUrl {
    private OpenableUrl() {
    }

    /**
     * Returns {@code url} when it may be opened.
     *
     * @param what names the URL in the error, e.g. "the verification URL Identity Center returned"
     * @throws AwsSsoException when it is not an absolute https URL (or loopback http) with a host
     */
    public static String require(String url, String what) {
        String why = problem(url);
        if (why != null) {
            throw new AwsSsoException("refusing to open " + what + " (" + why + "): only https URLs,"
                    + " or http to this machine, are opened");
        }
        return url;
    }

    /** Why {@code url} may not be opened, or null. Never quotes more than its scheme and host. */
    static String problem(String url) {
        if (url == null || url.isEmpty()) {
            return "it is empty";
        }
        URI uri;
        try {
            uri = new URI(url); // refuses spaces, control characters and other unquoted characters
        } catch (URISyntaxException e) {
            return "it is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (uri.isOpaque() || host == null || host.isEmpty()) {
            return scheme.isEmpty() ? "it has no scheme" : "its " + printable(scheme) + " URL names no host";
        }
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http")) {
            return LoopbackHosts.isLoopback(host) ? null : "it is plain http to " + printable(host);
        }
        return "its scheme is " + printable(scheme);
    }

    private static String printable(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}

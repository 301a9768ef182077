package io.awssso.core.internal.config;

import io.awssso.core.internal.url.LoopbackHosts;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for a start URL, with how bad each flaw is, so that the config loader and the
 * setup wizard judge alike and differ only in what they forgive. aws-sso-cli's loader takes any
 * text (the URL only names the instance to AWS), while its wizard insists on
 * {@code https://<host>/start} (reference 1.3, 2.3).
 */
public final class StartUrls {
    private static final String EXAMPLE = "https://d-1234567890.awsapps.com/start";

    private StartUrls() {
    }

    /** How bad a flaw is, worst first. */
    public enum Severity {
        /** Not an absolute URL with a host: nothing could log in with it. */
        UNUSABLE,
        /** Not https, and not plain http to a loopback host (local emulators, tests). */
        INSECURE,
        /** A path other than {@code /start}, or a query or fragment: not how portals are written. */
        UNUSUAL
    }

    /**
     * A start URL's worst flaw.
     *
     * @param severity how bad it is
     * @param message what is wrong, quoting the URL shortened and with control characters escaped,
     *     to follow its subject ("StartUrl ..." or "the start URL ...")
     */
    public record Problem(Severity severity, String message) {
    }

    /** The worst flaw of {@code url} (blanks around it ignored), or empty for a good start URL. */
    public static Optional<Problem> check(String url) {
        String u = url == null ? "" : url.strip();
        String got = ", got '" + YamlNode.Snippet.of(u) + "'";
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            return problem(Severity.UNUSABLE, "must be an https URL like " + EXAMPLE + got);
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            return problem(Severity.UNUSABLE, "must be an https URL like " + EXAMPLE + got);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !LoopbackHosts.isLoopback(uri.getHost())) {
            return problem(Severity.INSECURE, "must use https (plain http only to a loopback host)" + got);
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return problem(Severity.INSECURE, "must be an https URL like " + EXAMPLE + got);
        }
        String path = uri.getPath();
        if (!"/start".equals(path) && !"/start/".equals(path) || uri.getQuery() != null
                || uri.getFragment() != null) {
            return problem(Severity.UNUSUAL, "must look like " + EXAMPLE + got);
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(Severity severity, String message) {
        return Optional.of(new Problem(severity, message));
    }
}

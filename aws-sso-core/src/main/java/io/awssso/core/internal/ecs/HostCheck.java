package io.awssso.core.internal.ecs;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which {@code Host} headers the ECS server answers: the defence against DNS rebinding, applied
 * whatever the bind address. A web page that rebinds its own name to 127.0.0.1 (or to the docker
 * host, or to this machine's LAN address) becomes same-origin with the server, but its requests
 * still carry {@code Host: <its name>}; only names this server knows are served.
 *
 * <p>Accepted: {@code localhost} and {@code *.localhost}, {@code host.docker.internal} (how
 * containers reach the host), any IP literal (a page can only put an IP in {@code Host} when its own
 * origin is that IP, which no DNS answer can rebind; this covers the bind address, the host's LAN
 * address with {@code --allow-remote}, and the container's address on a docker network), and the
 * names the user adds ({@code --allowed-host}). A request without a {@code Host} header (HTTP/1.0)
 * is accepted: browsers always send one.
 */
final class HostCheck {
    /** The name Docker Desktop and {@code --add-host=host.docker.internal:host-gateway} give the host. */
    static final String DOCKER_HOST = "host.docker.internal";

    private final Set<String> names;

    private HostCheck(Set<String> names) {
        this.names = names;
    }

    /**
     * The check for these extra names.
     *
     * @throws IllegalArgumentException for a name that is not a DNS name
     */
    static HostCheck allowing(Collection<String> extraNames) {
        Set<String> names = new TreeSet<>();
        names.add(DOCKER_HOST);
        for (String n : extraNames) {
            String name = normalize(n);
            if (!isDnsName(name)) {
                throw new IllegalArgumentException("'" + n + "' is not a host name (letters, digits, '-' and '.'"
                        + " only; IP addresses are always allowed)");
            }
            names.add(name);
        }
        return new HostCheck(Set.copyOf(names));
    }

    /** The names accepted besides localhost and IP literals, sorted. */
    Set<String> names() {
        return names;
    }

    /** Whether a request with this {@code Host} header value may be served. */
    boolean accepts(String hostHeader) {
        if (hostHeader == null) {
            return true;
        }
        String h = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 1 && port(h.substring(end + 1)) && isIpv6(h.substring(1, end));
        }
        int colon = h.indexOf(':');
        if (colon >= 0) {
            if (!port(h.substring(colon))) {
                return false;
            }
            h = h.substring(0, colon);
        }
        h = normalize(h);
        return h.equals("localhost") || h.endsWith(".localhost") || isIpv4(h) || names.contains(h);
    }

    private static String normalize(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Empty, or {@code :} and 1 to 5 digits. */
    private static boolean port(String s) {
        return s.isEmpty() || s.matches(":[0-9]{1,5}");
    }

    private static boolean isIpv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String h) {
        String a = h;
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        int lastColon = a.lastIndexOf(':');
        if (lastColon >= 0 && a.indexOf('.') > lastColon) {
            if (!isIpv4(a.substring(lastColon + 1))) {
                return false;
            }
            a = a.substring(0, lastColon + 1) + "0:0";
        }
        if (!a.matches("[0-9a-f:]+") || a.contains(":::")) {
            return false;
        }
        int doubles = a.split("::", -1).length - 1;
        if (doubles > 1) {
            return false;
        }
        String[] groups = a.split(":", -1);
        int nonEmpty = 0;
        for (String g : groups) {
            if (g.length() > 4) {
                return false;
            }
            nonEmpty += g.isEmpty() ? 0 : 1;
        }
        return doubles == 1 ? nonEmpty <= 7 : groups.length == 8 && nonEmpty == 8;
    }

    private static boolean isDnsName(String n) {
        if (n.isEmpty() || n.length() > 253) {
            return false;
        }
        for (String label : n.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
                    || !label.matches("[a-z0-9_-]+")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "HostCheck[localhost, IP literals, " + String.join(", ", names) + "]";
    }
}

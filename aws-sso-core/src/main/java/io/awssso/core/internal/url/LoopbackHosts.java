package io.awssso.core.internal.url;

import java.util.regex.Pattern;

/**
 * Whether a URL's host is this machine, the one exception to "https only" (local emulators,
 * tests). Judged from the text alone: {@code InetAddress} would fall back to a DNS lookup for a
 * string that is not a valid literal, and checking a URL must never touch the network.
 */
public final class LoopbackHosts {
    private static final Pattern IPV6_LOOPBACK = Pattern.compile("(0{0,4}:){2,7}0{0,3}1");

    private LoopbackHosts() {
    }

    /**
     * True for {@code localhost}, {@code 127.0.0.0/8} in dotted-quad form and {@code ::1} in any of
     * its spellings, bracketed or not.
     */
    public static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (IPV6_LOOPBACK.matcher(h).matches()) {
            return true;
        }
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (!octet.matches("[0-9]{1,3}") || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}

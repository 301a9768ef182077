package io.awssso.testkit.internal.emulator;

import java.security.SecureRandom;

/** Random secret strings shaped like the real ones, long enough never to collide with log text. */
final class Secrets {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String B64 = ALNUM + "+/";
    private static final String B64URL = ALNUM + "-_";
    private static final String USER_CODE = "BCDFGHJKLMNPQRSTVWXZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static String alnum(int length) {
        return pick(ALNUM, length);
    }

    static String upper(int length) {
        return pick(UPPER, length);
    }

    static String base64(int length) {
        return pick(B64, length);
    }

    static String base64Url(int length) {
        return pick(B64URL, length);
    }

    static String hex(int length) {
        return pick("0123456789abcdef", length);
    }

    /** A user code like {@code BCDF-GHJK}: consonants only, so it never spells a word. */
    static String userCode() {
        return pick(USER_CODE, 4) + "-" + pick(USER_CODE, 4);
    }

    private static String pick(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}

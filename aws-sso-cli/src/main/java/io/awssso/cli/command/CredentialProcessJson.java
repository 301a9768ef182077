package io.awssso.cli.command;

import io.awssso.api.RoleCredentials;
import io.awssso.api.internal.text.JsonStrings;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The {@code credential_process} document (peers-and-wire D.2): Version 1 as a number, Expiration
 * in RFC 3339 with {@code Z}, whole seconds. Written by hand, without a JSON library or
 * {@link DateTimeFormatter}, because it is all the {@code process} fast path prints and their
 * start-up would cost that path more than the rest of its work.
 */
final class CredentialProcessJson {
    private CredentialProcessJson() {
    }

    /** The document for these credentials, one line without a line break. */
    static String of(RoleCredentials c) {
        return new StringBuilder(160 + c.sessionToken().length())
                .append("{\"Version\":1,\"AccessKeyId\":").append(JsonStrings.quote(c.accessKeyId()))
                .append(",\"SecretAccessKey\":").append(JsonStrings.quote(c.secretAccessKey()))
                .append(",\"SessionToken\":").append(JsonStrings.quote(c.sessionToken()))
                .append(",\"Expiration\":\"").append(rfc3339(c)).append("\"}")
                .toString();
    }

    /** The expiration as {@code yyyy-MM-ddTHH:mm:ssZ}, as ISO_INSTANT prints whole seconds. */
    private static String rfc3339(RoleCredentials c) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(c.expiration().getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return DateTimeFormatter.ISO_INSTANT.format(c.expiration().truncatedTo(ChronoUnit.SECONDS));
        }
        StringBuilder b = new StringBuilder(20);
        pad(b, t.getYear(), 4).append('-');
        pad(b, t.getMonthValue(), 2).append('-');
        pad(b, t.getDayOfMonth(), 2).append('T');
        pad(b, t.getHour(), 2).append(':');
        pad(b, t.getMinute(), 2).append(':');
        pad(b, t.getSecond(), 2).append('Z');
        return b.toString();
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }
}

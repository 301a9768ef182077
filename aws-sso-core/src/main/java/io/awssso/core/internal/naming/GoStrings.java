package io.awssso.core.internal.naming;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Go's {@code strings}, {@code path} and {@code encoding} functions, and the
 * Masterminds/goutils helpers sprig builds on, with their exact rules (Go's notion of white
 * space, {@code strings.Title}'s separators, goutils' byte-wise loops).
 */
final class GoStrings {
    private GoStrings() {
    }

    /** Go's {@code unicode.IsSpace}. */
    static boolean isSpace(int c) {
        if (c < 0x100) {
            return c == ' ' || c >= '\t' && c <= '\r' || c == 0x85 || c == 0xA0;
        }
        return Character.getType(c) == Character.SPACE_SEPARATOR || c == 0x2028 || c == 0x2029;
    }

    static String mapRunes(String s, IntUnaryOperator f) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(f.applyAsInt(c)));
        return b.toString();
    }

    static String trimFunc(String s, IntPredicate cut) {
        int start = 0;
        int end = s.length();
        while (start < end && cut.test(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && cut.test(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }

    /** strings.Trim: cuts leading and trailing runes found in {@code cutset}. */
    static String trimCutset(String s, String cutset) {
        return trimFunc(s, c -> cutset.indexOf(c) >= 0);
    }

    /** strings.Title: the first letter after a separator upper-cased (title case). */
    static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int[] prev = {' '};
        s.codePoints().forEach(c -> {
            b.appendCodePoint(isSeparator(prev[0]) ? Character.toTitleCase(c) : c);
            prev[0] = c;
        });
        return b.toString();
    }

    private static boolean isSeparator(int r) {
        if (r <= 0x7F) {
            return !(r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_');
        }
        if (Character.isLetter(r) || Character.isDigit(r)) {
            return false;
        }
        return isSpace(r);
    }

    /** goutils.Uncapitalize: the first letter of each space-separated word lower-cased. */
    static String uncapitalize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean next = true;
        for (int c : s.codePoints().toArray()) {
            if (isSpace(c)) {
                next = true;
                b.appendCodePoint(c);
            } else if (next) {
                b.appendCodePoint(Character.toLowerCase(c));
                next = false;
            } else {
                b.appendCodePoint(c);
            }
        }
        return b.toString();
    }

    /** goutils.SwapCase: a lower-case letter after white space becomes title case. */
    static String swapCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean whitespace = true;
        for (int c : s.codePoints().toArray()) {
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                b.appendCodePoint(Character.toLowerCase(c));
                whitespace = false;
            } else if (Character.isLowerCase(c)) {
                b.appendCodePoint(whitespace ? Character.toTitleCase(c) : Character.toUpperCase(c));
                whitespace = false;
            } else {
                b.appendCodePoint(c);
                whitespace = isSpace(c);
            }
        }
        return b.toString();
    }

    /**
     * goutils.DeleteWhiteSpace, on characters. goutils walks the bytes and writes each kept byte as
     * a rune, so in aws-sso-cli a name with any non-ASCII letter comes out Latin-1-mangled (an
     * apostrophe U+2019 becomes {@code â} and two C1 control characters; the byte 0xA0 of
     * {@code à} is dropped as a no-break space). Profile names like those cannot be typed, and
     * their control characters are refused by {@code setup profiles} and completion, so this
     * deletes white space per character: the same result for ASCII, the name as written
     * otherwise (README, "Differences from aws-sso-cli").
     */
    static String deleteWhiteSpace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> !isSpace(c)).forEach(b::appendCodePoint);
        return b.length() == s.length() ? s : b.toString();
    }

    /**
     * goutils.Initials, on characters: the first character of each space-separated word (goutils
     * takes its first byte, which mangles a non-ASCII initial as {@link #deleteWhiteSpace} says).
     */
    static String initials(String s) {
        StringBuilder b = new StringBuilder();
        boolean lastWasGap = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (isSpace(c)) {
                lastWasGap = true;
            } else if (lastWasGap) {
                b.appendCodePoint(c);
                lastWasGap = false;
            }
        }
        return b.toString();
    }

    /** goutils.AbbreviateFull on the UTF-8 bytes; errors give "" as sprig ignores them. */
    static String abbreviate(String str, int offset, int maxWidth) {
        if (str.isEmpty() || maxWidth < 4) {
            return "";
        }
        int len = TemplateValues.byteLength(str);
        if (len <= maxWidth) {
            return str;
        }
        if (offset > len) {
            offset = len;
        }
        if (len - offset < maxWidth - 3) {
            offset = len - (maxWidth - 3);
        }
        if (offset <= 4) {
            return TemplateValues.byteSlice(str, 0, maxWidth - 3) + "...";
        }
        if (maxWidth < 7) {
            return "";
        }
        if (offset + maxWidth - 3 < len) {
            return "..." + abbreviate(TemplateValues.byteSlice(str, offset, len), 0, maxWidth - 3);
        }
        return "..." + TemplateValues.byteSlice(str, len - (maxWidth - 3), len);
    }

    /** goutils.WrapCustom, on bytes as Go indexes them. */
    static String wrap(String str, int wrapLength, String newLine, boolean wrapLongWords) {
        if (str.isEmpty()) {
            return "";
        }
        if (newLine.isEmpty()) {
            newLine = "\n";
        }
        if (wrapLength < 1) {
            wrapLength = 1;
        }
        int len = TemplateValues.byteLength(str);
        byte[] bytes = str.getBytes(StandardCharsets.UTF_8);
        int offset = 0;
        StringBuilder out = new StringBuilder();
        while (len - offset > wrapLength) {
            if (bytes[offset] == ' ') {
                offset++;
                continue;
            }
            int end = Math.min(wrapLength + offset + 1, len);
            int spaceToWrapAt = lastIndexOf(bytes, offset, end, (byte) ' ');
            if (spaceToWrapAt >= offset) {
                out.append(TemplateValues.byteSlice(str, offset, spaceToWrapAt)).append(newLine);
                offset = spaceToWrapAt + 1;
            } else if (wrapLongWords) {
                out.append(TemplateValues.byteSlice(str, offset, wrapLength + offset)).append(newLine);
                offset += wrapLength;
            } else {
                int e = wrapLength + offset;
                int index = firstIndexOf(bytes, e, len, (byte) ' ');
                if (index < 0) {
                    out.append(TemplateValues.byteSlice(str, offset, len));
                    offset = len;
                } else {
                    out.append(TemplateValues.byteSlice(str, offset, index)).append(newLine);
                    offset = index + 1;
                }
            }
        }
        out.append(TemplateValues.byteSlice(str, offset, len));
        return out.toString();
    }

    private static int lastIndexOf(byte[] b, int from, int to, byte x) {
        for (int k = to - 1; k >= from; k--) {
            if (b[k] == x) {
                return k;
            }
        }
        return -1;
    }

    private static int firstIndexOf(byte[] b, int from, int to, byte x) {
        for (int k = from; k < to; k++) {
            if (b[k] == x) {
                return k;
            }
        }
        return -1;
    }

    /** strings.SplitN; an empty separator splits after each rune; {@code n < 0} means all. */
    static List<String> split(String s, String sep, int n) {
        List<String> out = new ArrayList<>();
        if (n == 0) {
            return out;
        }
        if (sep.isEmpty()) {
            int[] cps = s.codePoints().toArray();
            int limit = n < 0 || n > cps.length ? cps.length : n;
            int idx = 0;
            for (int k = 0; k < limit - 1; k++) {
                out.add(new String(Character.toChars(cps[k])));
                idx += Character.charCount(cps[k]);
            }
            if (limit > 0) {
                out.add(s.substring(idx));
            }
            return out;
        }
        int start = 0;
        while (n < 0 || out.size() < n - 1) {
            int at = s.indexOf(sep, start);
            if (at < 0) {
                break;
            }
            out.add(s.substring(start, at));
            start = at + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    /** strconv.ParseInt(s, 0, 64): sign, then 0x, 0o, 0b or a leading 0 for octal; underscores only with a prefix. */
    static long parseIntBase0(String s) {
        boolean negative = s.startsWith("-");
        String t = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        int radix = 10;
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        if (radix != 10) {
            t = t.replace("_", "");
        }
        if (t.isEmpty() || t.startsWith("+") || t.startsWith("-")) {
            throw new NumberFormatException(s);
        }
        return Long.parseLong((negative ? "-" : "") + t, radix);
    }

    /** sprig's base64decode: the decoded text, or Go's error text in its place. */
    static String base64Decode(String s) {
        try {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "illegal base64 data at input byte " + firstBadBase64Byte(s);
        }
    }

    private static int firstBadBase64Byte(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int k = 0; k < s.length(); k++) {
            if (alphabet.indexOf(s.charAt(k)) < 0 && s.charAt(k) != '=') {
                return k;
            }
        }
        return Math.max(0, s.length() - s.length() % 4);
    }

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    static String base32Encode(byte[] data) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < data.length; k += 5) {
            long buf = 0;
            int n = Math.min(5, data.length - k);
            for (int j = 0; j < 5; j++) {
                buf = buf << 8 | (j < n ? data[k + j] & 0xff : 0);
            }
            int chars = (n * 8 + 4) / 5;
            for (int j = 0; j < 8; j++) {
                b.append(j < chars ? BASE32.charAt((int) (buf >>> (35 - 5 * j)) & 31) : '=');
            }
        }
        return b.toString();
    }

    static String base32Decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String t = s.replace("\r", "").replace("\n", "");
        if (t.length() % 8 != 0) {
            return "illegal base32 data at input byte " + (t.length() / 8 * 8);
        }
        for (int k = 0; k < t.length(); k += 8) {
            long buf = 0;
            int valid = 0;
            for (int j = 0; j < 8; j++) {
                char c = t.charAt(k + j);
                int v = BASE32.indexOf(c);
                if (c == '=') {
                    v = 0;
                } else if (v < 0) {
                    return "illegal base32 data at input byte " + (k + j);
                } else {
                    valid = j + 1;
                }
                buf = buf << 5 | v;
            }
            int bytes = valid * 5 / 8;
            for (int j = 0; j < bytes; j++) {
                out.write((int) (buf >>> (32 - 8 * j)) & 0xff);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    // ---- Go's path package (slash-separated; os* variants are the same on Linux and macOS)

    static String pathClean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!rooted) {
                    parts.add("..");
                }
                continue;
            }
            parts.add(p);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    static String pathBase(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/")) {
            return "/";
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }

    static String pathDir(String path) {
        int slash = path.lastIndexOf('/');
        return pathClean(path.substring(0, slash + 1));
    }

    static String pathExt(String path) {
        for (int k = path.length() - 1; k >= 0 && path.charAt(k) != '/'; k--) {
            if (path.charAt(k) == '.') {
                return path.substring(k);
            }
        }
        return "";
    }
}

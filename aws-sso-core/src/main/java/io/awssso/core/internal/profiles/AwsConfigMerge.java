package io.awssso.core.internal.profiles;

import io.awssso.api.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a managed block into the bytes of an {@code ~/.aws/config} file. Only the lines from the
 * instance's begin marker to its end marker are replaced (or, without markers, the block is
 * appended); every other byte stays as it was: comments, blank lines, other instances' blocks,
 * CRLF line ends, a last line without a newline, bytes that are not UTF-8.
 *
 * <p>The file is handled as ISO-8859-1 text, which maps each byte to one char and back, so no
 * decoding can change what is kept.
 */
public final class AwsConfigMerge {
    private AwsConfigMerge() {
    }

    /** One line: its text and its terminator ({@code \n}, {@code \r\n}, or empty for a last line without one). */
    private record Line(String text, String eol) {
    }

    /**
     * The file with {@code block} in place.
     *
     * @param original the file's bytes (empty for a new file)
     * @param ssoName the instance whose markers to look for
     * @param block the block's lines, markers included, without terminators
     * @throws ConfigurationException when the markers are damaged (doubled, or one without the other)
     */
    public static byte[] merge(byte[] original, String ssoName, List<String> block) {
        String text = new String(original, StandardCharsets.ISO_8859_1);
        List<Line> lines = split(text);
        String begin = ProfileBlock.beginMarker(ssoName);
        String end = ProfileBlock.endMarker(ssoName);
        int b = -1;
        int e = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).text().strip();
            if (t.equals(begin)) {
                if (b >= 0) {
                    throw damaged("'" + begin + "' appears twice (lines " + (b + 1) + " and " + (i + 1) + ")");
                }
                b = i;
            } else if (t.equals(end)) {
                if (e >= 0) {
                    throw damaged("'" + end + "' appears twice (lines " + (e + 1) + " and " + (i + 1) + ")");
                }
                if (b < 0) {
                    throw damaged("'" + end + "' on line " + (i + 1) + " comes before any '" + begin + "'");
                }
                e = i;
            }
        }
        if (b >= 0 && e < 0) {
            throw damaged("'" + begin + "' on line " + (b + 1) + " has no '" + end + "' after it");
        }
        String eol = lineEnd(lines);
        String blockText = new String(String.join(eol, block).getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(text.length() + blockText.length() + 8);
        if (b >= 0) {
            for (int i = 0; i < b; i++) {
                out.append(lines.get(i).text()).append(lines.get(i).eol());
            }
            // the end marker's own terminator is kept, so what follows the block is unchanged
            out.append(blockText).append(lines.get(e).eol());
            for (int i = e + 1; i < lines.size(); i++) {
                out.append(lines.get(i).text()).append(lines.get(i).eol());
            }
        } else {
            out.append(text);
            if (!text.isEmpty()) {
                if (!text.endsWith("\n")) {
                    out.append(eol);
                }
                out.append(eol);
            }
            out.append(blockText).append(eol);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The current block of {@code ssoName} in the file, markers included, or an empty list; used by
     * tests and to tell whether anything would change.
     */
    static List<String> currentBlock(byte[] original, String ssoName) {
        List<Line> lines = split(new String(original, StandardCharsets.ISO_8859_1));
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (Line l : lines) {
            String t = l.text().strip();
            if (t.equals(ProfileBlock.beginMarker(ssoName))) {
                in = true;
            }
            if (in) {
                out.add(l.text());
            }
            if (in && t.equals(ProfileBlock.endMarker(ssoName))) {
                break;
            }
        }
        return out;
    }

    private static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                boolean crlf = i > start && text.charAt(i - 1) == '\r';
                lines.add(new Line(text.substring(start, crlf ? i - 1 : i), crlf ? "\r\n" : "\n"));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(new Line(text.substring(start), ""));
        }
        return lines;
    }

    /** CRLF when most of the file's lines end that way, else LF. */
    private static String lineEnd(List<Line> lines) {
        long crlf = lines.stream().filter(l -> l.eol().equals("\r\n")).count();
        long lf = lines.stream().filter(l -> l.eol().equals("\n")).count();
        return crlf > lf ? "\r\n" : "\n";
    }

    private static ConfigurationException damaged(String what) {
        return new ConfigurationException("the aws-sso block in the AWS config file is damaged: " + what
                + "; fix the marker lines by hand, then run `aws-sso setup profiles` again");
    }
}

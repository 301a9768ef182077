package io.awssso.cli.agent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code /v1/status} document as {@code agent status} prints it: one {@code key: value} line each. */
final class StatusText {
    private static final Pattern MEMBER = Pattern.compile("\"(\\w+)\":(\"(?:[^\"\\\\]|\\\\.)*\"|\\[[^\\]]*\\]|[-0-9]+)");

    private StatusText() {
    }

    static String of(String json) {
        StringBuilder text = new StringBuilder();
        Matcher m = MEMBER.matcher(json);
        while (m.find()) {
            String value = m.group(2);
            if (value.startsWith("\"")) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            } else if (value.startsWith("[")) {
                value = value.substring(1, value.length() - 1).replace("\"", "").replace(",", ", ");
            }
            text.append(label(m.group(1))).append(": ").append(value).append('\n');
        }
        return text.toString();
    }

    private static String label(String key) {
        return switch (key) {
            case "startedAt" -> "started";
            case "uptimeSeconds" -> "uptime (s)";
            case "requestsServed" -> "requests served";
            case "idleTimeoutSeconds" -> "idle timeout (s)";
            case "idleSecondsLeft" -> "idle time left (s)";
            default -> key;
        };
    }
}

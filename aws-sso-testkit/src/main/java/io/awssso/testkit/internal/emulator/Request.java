package io.awssso.testkit.internal.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP request, fully read, with its query and (lazily) its form or JSON body. */
final class Request {
    private static final int MAX_BODY = 1 << 20;

    final String method;
    final String path;
    final Map<String, String> query;
    final byte[] body;
    private final HttpExchange exchange;
    private Map<String, String> form;
    private JsonNode json;

    private Request(HttpExchange exchange, byte[] body) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
        this.path = exchange.getRequestURI().getRawPath();
        this.query = parse(exchange.getRequestURI().getRawQuery());
        this.body = body;
    }

    static Request read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY);
            // Drain anything beyond the limit so the connection can be reused.
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return new Request(exchange, body);
        }
    }

    String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Form parameters, with query parameters as fallback (awsQuery accepts both). */
    Map<String, String> form() {
        if (form == null) {
            Map<String, String> m = new LinkedHashMap<>(query);
            m.putAll(parse(bodyText()));
            form = m;
        }
        return form;
    }

    JsonNode json(ObjectMapper mapper) {
        if (json == null) {
            try {
                json = body.length == 0 ? MissingNode.getInstance() : mapper.readTree(body);
            } catch (IOException e) {
                json = null;
                throw new IllegalArgumentException("request body is not valid JSON", e);
            }
            if (json == null) {
                json = MissingNode.getInstance();
            }
        }
        return json;
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            m.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }
}

package io.awssso.stores.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON text as Go's {@code encoding/json} writes it, so that files stay byte-comparable with
 * aws-sso-cli's: {@code json.Marshal} (compact) and {@code json.MarshalIndent(v, "", "  ")}
 * (two-space indent, {@code "key": value}, {@code {}} for empty objects, one array element per
 * line). Only the tree model is used: no data binding, so no reflection and no {@code opens}.
 */
public final class GoJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter INDENTED;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        INDENTED = MAPPER.writer(printer);
    }

    private GoJson() {
    }

    /** The shared mapper (for creating nodes). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses UTF-8 JSON.
     *
     * @throws IOException when it is not well-formed JSON (the message holds a location only)
     */
    public static JsonNode parse(byte[] utf8) throws IOException {
        try {
            JsonNode node = MAPPER.readTree(utf8);
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty document");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the offending text, which may be a secret: keep only where.
            var loc = e.getLocation();
            throw new IOException(loc == null ? "malformed JSON"
                    : "malformed JSON at line " + loc.getLineNr() + ", column " + loc.getColumnNr());
        }
    }

    /** {@code json.Marshal}. */
    public static byte[] compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code json.MarshalIndent(v, "", "  ")}. */
    public static byte[] indented(JsonNode node) {
        try {
            return INDENTED.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

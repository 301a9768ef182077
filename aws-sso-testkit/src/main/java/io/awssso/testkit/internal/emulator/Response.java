package io.awssso.testkit.internal.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A response to write, plus the error code to record in the call log. */
final class Response {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    /** The suffix the real SSO OIDC service appends to the error type header. */
    static final String OIDC_ERROR_SUFFIX = ":http://internal.amazon.com/coral/com.amazonaws.swbup.service/";

    final int status;
    final byte[] body;
    final String contentType;
    final Map<String, String> headers = new LinkedHashMap<>();
    final String errorCode;

    Response(int status, byte[] body, String contentType, String errorCode) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.errorCode = errorCode;
    }

    Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    static Response json(int status, ObjectNode node) {
        try {
            return new Response(status, MAPPER.writeValueAsBytes(node), "application/json", null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static Response empty(int status) {
        return new Response(status, new byte[0], null, null);
    }

    static Response text(int status, String text, String errorCode) {
        return new Response(status, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", errorCode);
    }

    static Response html(int status, String title, String bodyHtml) {
        String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + bodyHtml + "\n</body></html>\n";
        return new Response(status, page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8",
                status >= 400 ? title : null);
    }

    static Response redirect(int status, String location) {
        return empty(status).header("Location", location);
    }

    static Response xml(int status, String xml, String errorCode) {
        return new Response(status, xml.getBytes(StandardCharsets.UTF_8), "text/xml", errorCode);
    }

    /** An SSO OIDC error: OAuth-style body, type in the header only (with the real suffix). */
    static Response oidcError(int status, String shape, String error, String description) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("error", error);
        n.put("error_description", description);
        Response r = json(status, n);
        return new Response(r.status, r.body, r.contentType, shape)
                .header("x-amzn-ErrorType", shape + OIDC_ERROR_SUFFIX);
    }

    /** An SSO portal error: {@code message} body, type in the header and in {@code __type}. */
    static Response portalError(int status, String shape, String message) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("__type", "com.amazonaws.switchboard.portal#" + shape);
        n.put("message", message);
        Response r = json(status, n);
        return new Response(r.status, r.body, r.contentType, shape).header("x-amzn-ErrorType", shape);
    }

    /** An awsQuery error document. */
    static Response stsError(int status, String code, String message) {
        String type = status >= 500 ? "Receiver" : "Sender";
        String xml = "<ErrorResponse xmlns=\"" + STS_NS + "\">\n  <Error>\n    <Type>" + type + "</Type>\n    <Code>"
                + escape(code) + "</Code>\n    <Message>" + escape(message) + "</Message>\n  </Error>\n  <RequestId>"
                + UUID.randomUUID() + "</RequestId>\n</ErrorResponse>\n";
        return xml(status, xml, code);
    }

    /** A federation endpoint error (plain text, as the sign-in endpoint answers). */
    static Response federationError(int status, String message) {
        return text(status, message, status == 429 ? "Throttling" : status >= 500 ? "InternalFailure" : "BadRequest");
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

package dev.eddy.api.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as received, before any decoding: what a SigV4 signature covers.
 *
 * @param method   e.g. {@code POST}
 * @param rawPath  the request target's path, still percent-encoded; empty means {@code /}
 * @param rawQuery the query string after '?', still percent-encoded; empty when absent
 * @param headers  every header line in arrival order; names in any case, repeats allowed
 * @param body     the request body, empty when there is none
 */
public record SignedHttpRequest(
        String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers, byte[] body) {

    public SignedHttpRequest {
        Objects.requireNonNull(method, "method");
        rawPath = rawPath == null ? "" : rawPath;
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, matched case-insensitively, or null. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
        }
        return null;
    }

    /** Every value of a header in arrival order, matched case-insensitively. */
    List<String> headerValues(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().toLowerCase(Locale.ROOT).equals(lower)) values.add(h.getValue());
        }
        return values;
    }
}

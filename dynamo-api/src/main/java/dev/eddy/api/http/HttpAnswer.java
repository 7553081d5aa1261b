package dev.eddy.api.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A whole HTTP response: status, headers (beyond those every answer carries) and body. */
public record HttpAnswer(int status, Map<String, String> headers, byte[] body) {

    public static HttpAnswer of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new HttpAnswer(status, headers, body);
    }
}

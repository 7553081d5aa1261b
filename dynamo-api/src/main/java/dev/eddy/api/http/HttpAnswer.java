package dev.eddy.api.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole HTTP response: status, headers (beyond those every answer carries) and body, which
 * is {@code bodyLength} bytes at {@code bodyOffset} of {@code body}: a body written into a
 * buffer larger than it, a megabyte of GetRecords or Scan, goes out without being copied to
 * its own array.
 */
public record HttpAnswer(int status, Map<String, String> headers, byte[] body, int bodyOffset, int bodyLength) {

    public static HttpAnswer of(int status, String contentType, byte[] body) {
        return of(status, contentType, body, 0, body.length);
    }

    public static HttpAnswer of(int status, String contentType, byte[] body, int bodyOffset, int bodyLength) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new HttpAnswer(status, headers, body, bodyOffset, bodyLength);
    }
}

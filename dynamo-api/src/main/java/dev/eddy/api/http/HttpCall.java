package dev.eddy.api.http;

import java.util.List;
import java.util.Map;

/**
 * A whole HTTP request as the protocol layer sees it, free of Netty types.
 * Header names are lower case.
 */
public record HttpCall(String method, String uri, Map<String, List<String>> headers, byte[] body) {

    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

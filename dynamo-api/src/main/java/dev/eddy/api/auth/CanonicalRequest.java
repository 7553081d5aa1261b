package dev.eddy.api.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SigV4 canonical request of a received request, built the way DynamoDB (like every
 * service but S3) builds it: the path normalised, then percent-encoded once more on top
 * of its wire encoding.
 */
final class CanonicalRequest {
    /** Compiled once: String.replaceAll compiled it for each signed header of each request. */
    private static final Pattern SPACE_RUNS = Pattern.compile("[ \t]+");
    static final String SIGNATURE_PARAMETER = "X-Amz-Signature";

    private CanonicalRequest() {
    }

    /**
     * @param signedHeaders lower-case header names in the order the client listed them
     * @param presigned     whether the signature travels in the query, which then leaves it out
     */
    static String of(SignedHttpRequest request, List<String> signedHeaders, String payloadHash, boolean presigned) {
        return request.method() + '\n'
                + canonicalUri(request.rawPath()) + '\n'
                + canonicalQuery(request.rawQuery(), presigned) + '\n'
                + canonicalHeaders(request, signedHeaders) + '\n'
                + String.join(";", signedHeaders) + '\n'
                + payloadHash;
    }

    static String canonicalUri(String rawPath) {
        String path = rawPath.isEmpty() ? "/" : normalise(rawPath);
        if (!path.startsWith("/")) path = "/" + path;
        return encode(path, true);
    }

    /** Dot segments and repeated slashes go, as java.net.URI#normalize (the AWS SDK's own rule) removes them. */
    private static String normalise(String rawPath) {
        if (!rawPath.startsWith("/")) return rawPath;
        try {
            String path = URI.create("http://host" + rawPath).normalize().getRawPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (IllegalArgumentException notAUri) {
            return rawPath;
        }
    }

    static String canonicalQuery(String rawQuery, boolean presigned) {
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> p : QueryParameters.parse(rawQuery).pairs()) {
            if (presigned && p.getKey().equals(SIGNATURE_PARAMETER)) continue;
            encoded.add(new String[] {encode(p.getKey(), false), encode(p.getValue(), false)});
        }
        encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder query = new StringBuilder();
        for (String[] p : encoded) {
            if (query.length() > 0) query.append('&');
            query.append(p[0]).append('=').append(p[1]);
        }
        return query.toString();
    }

    /** One "name:value\n" line per signed header; an absent header signs as empty, as AWS signs it. */
    static String canonicalHeaders(SignedHttpRequest request, List<String> signedHeaders) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = new ArrayList<>();
            for (String value : request.headerValues(name)) values.add(trimAll(value));
            headers.append(name).append(':').append(String.join(",", values)).append('\n');
        }
        return headers.toString();
    }

    /** Trims the value and collapses each run of spaces or tabs to one space. */
    private static String trimAll(String value) {
        return SPACE_RUNS.matcher(value.trim()).replaceAll(" ");
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters (and '/' in paths). */
    static String encode(String s, boolean keepSlash) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}

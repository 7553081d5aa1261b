package dev.eddy.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalRequestTest {

    @Test
    void anEmptyPathIsTheRoot() {
        assertEquals("/", CanonicalRequest.canonicalUri(""));
        assertEquals("/", CanonicalRequest.canonicalUri("/"));
    }

    @Test
    void thePathLosesDotSegmentsAndRepeatedSlashesButKeepsATrailingSlash() {
        assertEquals("/a/c/d", CanonicalRequest.canonicalUri("/a//b/../c/./d"));
        assertEquals("/a/b/", CanonicalRequest.canonicalUri("/a/b/"));
        assertEquals("/", CanonicalRequest.canonicalUri("/a/.."));
    }

    @Test
    void thePathIsEncodedOnceMoreOnTopOfItsWireEncoding() {
        assertEquals("/documents%2520and%2520settings/%252A", CanonicalRequest.canonicalUri("/documents%20and%20settings/%2A"));
        assertEquals("/-_.~", CanonicalRequest.canonicalUri("/-_.~"));
    }

    @Test
    void queryParametersSortByNameThenValueAndEncodePerRfc3986() {
        assertEquals("a=1&a=2&b=&c=x%20y%2By%2A~",
                CanonicalRequest.canonicalQuery("c=x%20y+y*~&a=2&b&a=1", false));
    }

    @Test
    void aPresignedQueryLeavesOutItsSignature() {
        assertEquals("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20130609T100015Z",
                CanonicalRequest.canonicalQuery("X-Amz-Signature=abc&X-Amz-Date=20130609T100015Z"
                        + "&X-Amz-Algorithm=AWS4-HMAC-SHA256", true));
        assertEquals("X-Amz-Signature=abc", CanonicalRequest.canonicalQuery("X-Amz-Signature=abc", false));
    }

    @Test
    void headerValuesAreTrimmedCollapsedAndRepeatsJoinedByCommas() {
        SignedHttpRequest request = new SignedHttpRequest("POST", "/", "", List.of(
                Map.entry("Host", "localhost:8000"),
                Map.entry("X-Custom", "  one   two\t three "),
                Map.entry("x-custom", "four")), null);
        assertEquals("host:localhost:8000\nx-custom:one two three,four\nx-absent:\n",
                CanonicalRequest.canonicalHeaders(request, List.of("host", "x-custom", "x-absent")));
    }
}

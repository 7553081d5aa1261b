package dev.eddy.api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link SigV4Verifier#regionOf}: the region of a request when auth is off. */
class RegionOfTest {

    @Test
    void theRegionComesFromTheCredentialScope() {
        assertEquals("eu-central-1", SigV4Verifier.regionOf("AWS4-HMAC-SHA256 Credential=AKID/20130609/eu-central-1/"
                + "dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc"));
    }

    @Test
    void theRegionOfAnSdkSignedRequestIsTheOneItSignedFor() {
        SignedHttpRequest request = SdkSigning.sign(SdkSigning.dynamoDbRequest("ListTables"), "{}", "sa-east-1",
                Instant.parse("2024-01-01T00:00:00Z"));
        assertEquals("sa-east-1", SigV4Verifier.regionOf(request.header("Authorization")));
    }

    @Test
    void nothingElseOfTheHeaderIsChecked() {
        assertEquals("local", SigV4Verifier.regionOf("AWS4-WHATEVER Signature=x,Credential=key/date/local/svc/term"));
    }

    @Test
    void partsMaySitBehindSeveralCommasAndSpacesAndTheHeaderBehindSpaces() {
        assertEquals("ap-south-1", SigV4Verifier.regionOf("  AWS4-HMAC-SHA256 ,, SignedHeaders=host , ,Credential="
                + "AKID/20130609/ap-south-1/dynamodb/aws4_request/,Signature=abc  "));
    }

    @Test
    void theAlgorithmIsNotTakenForTheCredential() {
        assertNull(SigV4Verifier.regionOf("AWS4-Credential=AKID/20130609/us-east-1/dynamodb/aws4_request"));
    }

    @Test
    void noHeaderHasNoRegion() {
        assertNull(SigV4Verifier.regionOf(null));
    }

    @Test
    void aHeaderThatIsNotSigV4HasNoRegion() {
        assertNull(SigV4Verifier.regionOf("Basic dXNlcjpwYXNz"));
        assertNull(SigV4Verifier.regionOf(""));
    }

    @Test
    void aHeaderWithoutACredentialHasNoRegion() {
        assertNull(SigV4Verifier.regionOf("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=abc"));
    }

    @Test
    void aCredentialOfTheWrongShapeHasNoRegion() {
        assertNull(SigV4Verifier.regionOf("AWS4-HMAC-SHA256 Credential=AKID/20130609/us-east-1/dynamodb"));
        assertNull(SigV4Verifier.regionOf("AWS4-HMAC-SHA256 Credential=AKID/20130609//dynamodb/aws4_request"));
        assertNull(SigV4Verifier.regionOf("AWS4-HMAC-SHA256 Credential=AKID/20130609/us:east/dynamodb/aws4_request"));
    }
}

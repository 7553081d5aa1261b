package dev.eddy.api.auth;

import static dev.eddy.api.auth.SdkSigning.ACCESS_KEY;
import static dev.eddy.api.auth.SdkSigning.SECRET;
import static dev.eddy.api.auth.SdkSigning.dynamoDbRequest;
import static dev.eddy.api.auth.SdkSigning.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;

class SigV4VerifierTest {
    private static final Instant NOW = Instant.parse("2013-06-09T10:00:15Z");
    private static final String PUT_ITEM = "{\"TableName\":\"Music\",\"Item\":{\"Artist\":{\"S\":\"No One You Know\"}}}";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final SigV4Verifier verifier = new SigV4Verifier(
            Map.of(ACCESS_KEY, SECRET, "AKIDOTHER", "other-secret"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aPutItemSignedByTheSdkVerifiesAsItsKeyAndRegion() {
        Caller caller = verifier.verify(sign(dynamoDbRequest("PutItem"), PUT_ITEM, "eu-west-1", NOW));
        assertEquals(new Caller(ACCESS_KEY, "eu-west-1"), caller);
    }

    @Test
    void eachConfiguredKeyVerifiesWithItsOwnSecret() {
        SignedHttpRequest request = sign(dynamoDbRequest("ListTables"), "{}", "AKIDOTHER", "other-secret",
                "us-east-1", NOW, p -> p);
        assertEquals(new Caller("AKIDOTHER", "us-east-1"), verifier.verify(request));
    }

    @Test
    void aStreamsRequestSignedAsDynamoDbVerifies() {
        SignedHttpRequest request = sign(dynamoDbRequest("GetRecords")
                .putHeader("X-Amz-Target", "DynamoDBStreams_20120810.GetRecords"),
                "{\"ShardIterator\":\"arn:aws:dynamodb:us-east-1:000000000000:table/Music|1|AA\"}", "us-east-1", NOW);
        assertEquals("us-east-1", verifier.verify(request).region());
    }

    @Test
    void aRequestWithAnUnsignedPayloadVerifiesWhateverItsBody() {
        SignedHttpRequest signed = sign(dynamoDbRequest("PutItem").protocol("https"), PUT_ITEM, ACCESS_KEY, SECRET,
                "us-east-1", NOW, p -> p.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        assertEquals("UNSIGNED-PAYLOAD", signed.header("x-amz-content-sha256"));
        assertEquals(ACCESS_KEY, verifier.verify(withBody(signed, "{}")).accessKeyId());
    }

    @Test
    void aPresignedRequestVerifies() {
        SignedHttpRequest request = sign(dynamoDbRequest("ListTables"), "{}", ACCESS_KEY, SECRET, "ap-southeast-2", NOW,
                p -> p.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING));
        assertTrue(request.rawQuery().contains("X-Amz-Signature="));
        assertEquals(new Caller(ACCESS_KEY, "ap-southeast-2"), verifier.verify(request));
    }

    @Test
    void aPathWithDotSegmentsAndEncodedCharactersVerifiesAsTheSdkNormalisedIt() {
        SignedHttpRequest request = sign(dynamoDbRequest("ListTables").encodedPath("/a/./b//c/../d%20e/%2Af"), "{}",
                "us-east-1", NOW);
        assertEquals(ACCESS_KEY, verifier.verify(request).accessKeyId());
    }

    @Test
    void queryParametersVerifyInAnyOrderAndWithReservedCharacters() {
        SignedHttpRequest request = sign(dynamoDbRequest("ListTables")
                .appendRawQueryParameter("zeta", "a b+c/d*~")
                .appendRawQueryParameter("alpha", "2")
                .appendRawQueryParameter("alpha", "1")
                .appendRawQueryParameter("empty", ""), "{}", "us-east-1", NOW);
        assertEquals(ACCESS_KEY, verifier.verify(request).accessKeyId());
    }

    @Test
    void repeatedHeadersAndRunsOfSpacesVerifyAsTheSdkCanonicalisedThem() {
        SignedHttpRequest request = sign(dynamoDbRequest("ListTables")
                .appendHeader("X-Custom", "  one   two  ")
                .appendHeader("X-Custom", "three"), "{}", "us-east-1", NOW);
        assertTrue(String.join(" ", request.headerValues("x-custom")).contains("one   two"));
        assertEquals(ACCESS_KEY, verifier.verify(request).accessKeyId());
    }

    @Test
    void headerNamesMatchWhateverTheirCase() {
        SignedHttpRequest signed = sign(dynamoDbRequest("ListTables"), "{}", "us-east-1", NOW);
        List<Map.Entry<String, String>> upper = new ArrayList<>();
        signed.headers().forEach(h -> upper.add(Map.entry(h.getKey().toUpperCase(), h.getValue())));
        assertEquals(ACCESS_KEY, verifier.verify(
                new SignedHttpRequest("POST", "/", "", upper, signed.body())).accessKeyId());
    }

    @Test
    void aTamperedBodyFailsWithTheCanonicalStringOfWhatWasReceived() {
        SignedHttpRequest signed = sign(dynamoDbRequest("PutItem"), PUT_ITEM, "us-east-1", NOW);
        DynamoException e = assertFails(ErrorCode.INVALID_SIGNATURE, withBody(signed, PUT_ITEM.replace("No One", "Someone")));
        assertTrue(e.getMessage().startsWith(MISMATCH + "\n\nThe Canonical String for this request should have been\n'POST\n/\n\n"),
                e.getMessage());
    }

    @Test
    void aBodyThatDoesNotMatchItsDeclaredHashFails() {
        SignedHttpRequest signed = sign(dynamoDbRequest("PutItem"), PUT_ITEM, "us-east-1", NOW);
        assertEquals("f039e57b4785a5075fda57fd8178180ab246f4ef47273f579b45c0310210212c",
                signed.header("X-Amz-Content-Sha256"));
        assertFails(ErrorCode.INVALID_SIGNATURE, withBody(signed, "{}"));
    }

    @Test
    void aTamperedSignedHeaderFails() {
        SignedHttpRequest signed = sign(dynamoDbRequest("GetItem"), "{}", "us-east-1", NOW);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        signed.headers().forEach(h -> headers.add(h.getKey().equalsIgnoreCase("X-Amz-Target")
                ? Map.entry(h.getKey(), "DynamoDB_20120810.DeleteTable") : h));
        DynamoException e = assertFails(ErrorCode.INVALID_SIGNATURE,
                new SignedHttpRequest("POST", "/", "", headers, signed.body()));
        assertTrue(e.getMessage().contains("\nx-amz-target:DynamoDB_20120810.DeleteTable\n"), e.getMessage());
    }

    @Test
    void anUnsignedHeaderMayChange() {
        SignedHttpRequest signed = sign(dynamoDbRequest("GetItem"), "{}", "us-east-1", NOW);
        List<Map.Entry<String, String>> headers = new ArrayList<>(signed.headers());
        headers.add(Map.entry("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793"));
        assertEquals(ACCESS_KEY, verifier.verify(new SignedHttpRequest("POST", "/", "", headers, signed.body())).accessKeyId());
    }

    @Test
    void aWrongSecretFailsAsAMismatch() {
        SignedHttpRequest request = sign(dynamoDbRequest("ListTables"), "{}", ACCESS_KEY, "not-the-secret",
                "us-east-1", NOW, p -> p);
        DynamoException e = assertFails(ErrorCode.INVALID_SIGNATURE, request);
        assertTrue(e.getMessage().startsWith(MISMATCH + "\n\n"));
    }

    @Test
    void aSignatureForAnotherDateDoesNotVerify() {
        SignedHttpRequest signed = sign(dynamoDbRequest("ListTables"), "{}", "us-east-1", NOW);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        signed.headers().forEach(h -> headers.add(h.getKey().equalsIgnoreCase("X-Amz-Date")
                ? Map.entry(h.getKey(), "20130609T100016Z") : h));
        assertFails(ErrorCode.INVALID_SIGNATURE, new SignedHttpRequest("POST", "/", "", headers, signed.body()));
    }

    @Test
    void theMismatchMessageShowsTheCanonicalRequestAndStringToSign() {
        // The canonical string and its hash are those of a real DynamoDB answer to the same request.
        SignedHttpRequest request = new SignedHttpRequest("POST", "/", "", List.of(
                Map.entry("Host", "dynamodb.ap-southeast-2.amazonaws.com"),
                Map.entry("X-Amz-Date", "20130609T100015Z"),
                Map.entry("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY
                        + "/20130609/ap-southeast-2/dynamodb/aws4_request, SignedHeaders=host, Signature=abc")), null);
        String canonical = "POST\n/\n\nhost:dynamodb.ap-southeast-2.amazonaws.com\n\nhost\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        String stringToSign = "AWS4-HMAC-SHA256\n20130609T100015Z\n20130609/ap-southeast-2/dynamodb/aws4_request\n"
                + "7b8b82a032afd6014771e3375813fc995dd167b7b3a133a0b86e5925cb000ec5";
        DynamoException e = assertFails(ErrorCode.INVALID_SIGNATURE, request);
        assertEquals(MISMATCH + "\n\nThe Canonical String for this request should have been\n'" + canonical
                + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n", e.getMessage());
    }

    @Test
    void theAwsTestSuitesVanillaGetVerifies() {
        // aws-sig-v4-test-suite "get-vanilla", signed for service "service".
        SignedHttpRequest request = new SignedHttpRequest("GET", "/", "", List.of(
                Map.entry("Host", "example.amazonaws.com"),
                Map.entry("X-Amz-Date", "20150830T123600Z"),
                Map.entry("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/"
                        + "aws4_request, SignedHeaders=host;x-amz-date, "
                        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")), null);
        SigV4Verifier at = new SigV4Verifier(Map.of(ACCESS_KEY, SECRET),
                Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC));
        assertEquals(new Caller(ACCESS_KEY, "us-east-1"), at.verify(request, "service"));
    }

    @Test
    void anUnknownAccessKeyIsUnrecognized() {
        SignedHttpRequest request = sign(dynamoDbRequest("ListTables"), "{}", "AKIDUNKNOWN", SECRET, "us-east-1", NOW, p -> p);
        assertFails(ErrorCode.UNRECOGNIZED_CLIENT, request, "The security token included in the request is invalid.");
    }

    @Test
    void aSignatureFifteenMinutesOldStillVerifies() {
        Instant at = NOW.minus(Duration.ofMinutes(15));
        assertEquals(ACCESS_KEY, verifier.verify(sign(dynamoDbRequest("ListTables"), "{}", "us-east-1", at)).accessKeyId());
    }

    @Test
    void aSignatureOneSecondOlderThanFifteenMinutesHasExpired() {
        Instant at = NOW.minus(Duration.ofMinutes(15)).minusSeconds(1);
        assertFails(ErrorCode.INVALID_SIGNATURE, sign(dynamoDbRequest("ListTables"), "{}", "us-east-1", at),
                "Signature expired: 20130609T094514Z is now earlier than 20130609T094515Z (20130609T100015Z - 15 min.)");
    }

    @Test
    void anOldDateIsReportedAgainstNowLessFifteenMinutes() {
        assertFails(ErrorCode.INVALID_SIGNATURE, headerSigned("20130301T000000Z", "host;x-amz-date", ACCESS_KEY
                + "/20130301/us-east-1/dynamodb/aws4_request"),
                "Signature expired: 20130301T000000Z is now earlier than 20130609T094515Z (20130609T100015Z - 15 min.)");
    }

    @Test
    void aSignatureFifteenMinutesAheadStillVerifies() {
        Instant at = NOW.plus(Duration.ofMinutes(15));
        assertEquals(ACCESS_KEY, verifier.verify(sign(dynamoDbRequest("ListTables"), "{}", "us-east-1", at)).accessKeyId());
    }

    @Test
    void aSignatureMoreThanFifteenMinutesAheadIsNotYetCurrent() {
        Instant at = NOW.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertFails(ErrorCode.INVALID_SIGNATURE, sign(dynamoDbRequest("ListTables"), "{}", "us-east-1", at),
                "Signature not yet current: 20130609T101516Z is still later than 20130609T101515Z (20130609T100015Z + 15 min.)");
    }

    @Test
    void skewIsMeasuredInWholeSecondsOfTheClock() {
        SigV4Verifier later = new SigV4Verifier(Map.of(ACCESS_KEY, SECRET),
                Clock.fixed(NOW.plusMillis(999), ZoneOffset.UTC));
        Instant at = NOW.minus(Duration.ofMinutes(15));
        assertEquals(ACCESS_KEY, later.verify(sign(dynamoDbRequest("ListTables"), "{}", "us-east-1", at)).accessKeyId());
    }

    @Test
    void noAuthorizationHeaderIsAMissingToken() {
        assertFails(ErrorCode.MISSING_AUTHENTICATION_TOKEN, request(List.of(Map.entry("Host", "localhost:8000"))),
                "Request is missing Authentication Token");
    }

    @Test
    void anAuthorizationHeaderNotStartingWithAws4DashIsAMissingToken() {
        for (String authorization : List.of("AWS4", "Basic dXNlcjpwYXNz", "AWS AKID:sig", "")) {
            assertFails(ErrorCode.MISSING_AUTHENTICATION_TOKEN,
                    request(List.of(Map.entry("Authorization", authorization))), "Request is missing Authentication Token");
        }
    }

    @Test
    void presignedParametersWithoutTheAlgorithmAreAMissingToken() {
        assertFails(ErrorCode.MISSING_AUTHENTICATION_TOKEN, new SignedHttpRequest("POST", "/",
                "X-Amz-Credential=a&X-Amz-Signature=b&X-Amz-SignedHeaders=c&X-Amz-Date=d", List.of(), null),
                "Request is missing Authentication Token");
    }

    @Test
    void bothAnAuthorizationHeaderAndAPresignedAlgorithmAreInvalid() {
        assertFails(ErrorCode.INVALID_SIGNATURE, new SignedHttpRequest("POST", "/", "X-Amz-Algorithm",
                List.of(Map.entry("Authorization", "X")), null),
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
    }

    @Test
    void anEmptyAws4HeaderNamesEveryMissingPart() {
        assertFails(ErrorCode.INCOMPLETE_SIGNATURE, request(List.of(Map.entry("Authorization", "AWS4-"))),
                "Authorization header requires 'Credential' parameter. "
                + "Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter. "
                + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                + "Authorization=AWS4-");
    }

    @Test
    void partsMaySeparateBySpacesOrCommas() {
        for (String authorization : List.of("AWS4- Signature=b Credential=a", "AWS4- Signature=b,Credential=a",
                "AWS4- Signature=b, Credential=a")) {
            assertFails(ErrorCode.INCOMPLETE_SIGNATURE,
                    request(List.of(Map.entry("Authorization", authorization), Map.entry("Date", "a"))),
                    "Authorization header requires 'SignedHeaders' parameter. Authorization=" + authorization);
        }
    }

    @Test
    void aPartWithoutAnEqualsSignIsNotAKeyValuePair() {
        String authorization = "AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders";
        assertFails(ErrorCode.INCOMPLETE_SIGNATURE, request(List.of(Map.entry("Authorization", authorization))),
                "'Credential' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                + authorization + "'.");
    }

    @Test
    void anIncompletePresignedQueryNamesEachMissingParameter() {
        assertFails(ErrorCode.INCOMPLETE_SIGNATURE, new SignedHttpRequest("POST", "/", "X-Amz-Algorithm", List.of(), null),
                "AWS query-string parameters must include 'X-Amz-Algorithm'. "
                + "AWS query-string parameters must include 'X-Amz-Credential'. "
                + "AWS query-string parameters must include 'X-Amz-Signature'. "
                + "AWS query-string parameters must include 'X-Amz-SignedHeaders'. "
                + "AWS query-string parameters must include 'X-Amz-Date'. "
                + "Re-examine the query-string parameters.");
        assertFails(ErrorCode.INCOMPLETE_SIGNATURE, new SignedHttpRequest("POST", "/",
                "X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-Date=d", List.of(), null),
                "AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.");
    }

    @Test
    void aDateNotInBasicFormatIsIncomplete() {
        for (String date : List.of("201", "2013-06-09T10:00:15Z", "20131309T100015Z", "Sun, 09 Jun 2013 10:00:15 GMT")) {
            assertFails(ErrorCode.INCOMPLETE_SIGNATURE, headerSigned(date, "host", "a/b/c/d/e"),
                    "Date must be in ISO-8601 'basic format'. Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    @Test
    void theDateHeaderServesWhenThereIsNoXAmzDate() {
        SignedHttpRequest request = request(List.of(Map.entry("Date", "20130301T000000Z"),
                Map.entry("Authorization", "AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=x")));
        assertFails(ErrorCode.INVALID_SIGNATURE, request,
                "Signature expired: 20130301T000000Z is now earlier than 20130609T094515Z (20130609T100015Z - 15 min.)");
    }

    @Test
    void hostMustBeSigned() {
        assertFails(ErrorCode.INVALID_SIGNATURE, headerSigned("20130609T100015Z", "x-amz-date;x-amz-target", "a/b/c/d/e"),
                "'Host' must be a 'SignedHeader' in the AWS Authorization.");
        assertFails(ErrorCode.INVALID_SIGNATURE, headerSigned("20130609T100015Z", "", "a/b/c/d/e"),
                "'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void anotherAlgorithmIsUnsupported() {
        SignedHttpRequest request = request(List.of(Map.entry("X-Amz-Date", "20130609T100015Z"),
                Map.entry("Authorization", "AWS4-HMAC-SHA25 Credential=a/b/c/d, SignedHeaders=host, Signature=x")));
        assertFails(ErrorCode.INCOMPLETE_SIGNATURE, request,
                "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). ");
    }

    @Test
    void aCredentialNeedsExactlyFiveElements() {
        assertFails(ErrorCode.INCOMPLETE_SIGNATURE, headerSigned("20130609T100015Z", "host", "a/b/c/d"),
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'");
        assertFails(ErrorCode.INCOMPLETE_SIGNATURE, headerSigned("20130609T100015Z", "host", "a/b/c/d/e/f"),
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                + "got 'a/b/c/d/e/f'");
    }

    @Test
    void trailingSlashesOfTheCredentialAreIgnored() {
        assertFails(ErrorCode.UNRECOGNIZED_CLIENT, headerSigned("20130609T100015Z", "host",
                "AKIDUNKNOWN/20130609/us-east-1/dynamodb/aws4_request//"),
                "The security token included in the request is invalid.");
    }

    @Test
    void everyScopeMismatchIsReportedTogether() {
        assertFails(ErrorCode.INVALID_SIGNATURE, headerSigned("20130609T095204Z", "host", "a/b/us:east/d/e"),
                "Credential should be scoped to a valid region, not 'us:east'. "
                + "Credential should be scoped to correct service: 'dynamodb'. "
                + "Credential should be scoped with a valid terminator: 'aws4_request', not 'e'. "
                + "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + "'b' != '20130609', from '20130609T095204Z'.");
    }

    @Test
    void scopeElementsMatchOnlyInTheirExactCase() {
        assertFails(ErrorCode.INVALID_SIGNATURE, headerSigned("20130609T095204Z", "host",
                ACCESS_KEY + "/20130609/us-east-1/DynamoDB/AWS4_REQUEST"),
                "Credential should be scoped to correct service: 'dynamodb'. "
                + "Credential should be scoped with a valid terminator: 'aws4_request', not 'AWS4_REQUEST'.");
    }

    @Test
    void aLambdaScopedSignatureFailsForDynamoDb() {
        assertFails(ErrorCode.INVALID_SIGNATURE, headerSigned("20130609T095204Z", "host",
                ACCESS_KEY + "/20130609/us-east-1/lambda/aws4_request"),
                "Credential should be scoped to correct service: 'dynamodb'.");
    }

    @Test
    void theScopeIsCheckedBeforeTheAccessKey() {
        assertFails(ErrorCode.INVALID_SIGNATURE, headerSigned("20130609T095204Z", "host",
                "AKIDUNKNOWN/20130608/us-east-1/dynamodb/aws4_request"),
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + "'20130608' != '20130609', from '20130609T095204Z'.");
    }

    private DynamoException assertFails(ErrorCode code, SignedHttpRequest request) {
        DynamoException e = assertThrows(DynamoException.class, () -> verifier.verify(request));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private void assertFails(ErrorCode code, SignedHttpRequest request, String message) {
        assertEquals(message, assertFails(code, request).getMessage());
    }

    private static SignedHttpRequest headerSigned(String date, String signedHeaders, String credential) {
        return request(List.of(Map.entry("Host", "localhost:8000"), Map.entry("X-Amz-Date", date),
                Map.entry("Authorization", "AWS4-HMAC-SHA256 Credential=" + credential + ", SignedHeaders="
                        + signedHeaders + ", Signature=0123")));
    }

    private static SignedHttpRequest request(List<Map.Entry<String, String>> headers) {
        return new SignedHttpRequest(SdkHttpMethod.POST.name(), "/", "", headers, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static SignedHttpRequest withBody(SignedHttpRequest request, String body) {
        return new SignedHttpRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                body.getBytes(StandardCharsets.UTF_8));
    }
}

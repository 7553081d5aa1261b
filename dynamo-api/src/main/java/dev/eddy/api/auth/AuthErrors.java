package dev.eddy.api.auth;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;

/** AWS's authentication failures, with their texts verbatim as DynamoDB's front end sends them. */
final class AuthErrors {
    private AuthErrors() {
    }

    static DynamoException missingAuthenticationToken() {
        return new DynamoException(ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
    }

    static DynamoException bothHeaderAndQuery() {
        return new DynamoException(ErrorCode.INVALID_SIGNATURE,
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
    }

    static DynamoException notKeyValuePair(String part, String authorization) {
        return new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, "'" + part
                + "' not a valid key=value pair (missing equal-sign) in Authorization header: '" + authorization + "'.");
    }

    static String headerRequiresParameter(String name) {
        return "Authorization header requires '" + name + "' parameter. ";
    }

    static String headerRequiresDate() {
        return "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
    }

    /** {@code problems}: the concatenated "requires" sentences above. */
    static DynamoException incompleteHeader(String problems, String authorization) {
        return new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, problems + "Authorization=" + authorization);
    }

    static String queryRequiresParameter(String name) {
        return "AWS query-string parameters must include '" + name + "'. ";
    }

    static DynamoException incompleteQuery(String problems) {
        return new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, problems + "Re-examine the query-string parameters.");
    }

    static DynamoException dateNotBasicFormat(String date) {
        return new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE,
                "Date must be in ISO-8601 'basic format'. Got '" + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    static DynamoException signatureExpired(String date, String earliest, String now, long skewMinutes) {
        return new DynamoException(ErrorCode.INVALID_SIGNATURE, "Signature expired: " + date
                + " is now earlier than " + earliest + " (" + now + " - " + skewMinutes + " min.)");
    }

    static DynamoException signatureNotYetCurrent(String date, String latest, String now, long skewMinutes) {
        return new DynamoException(ErrorCode.INVALID_SIGNATURE, "Signature not yet current: " + date
                + " is still later than " + latest + " (" + now + " + " + skewMinutes + " min.)");
    }

    static DynamoException hostNotSigned() {
        return new DynamoException(ErrorCode.INVALID_SIGNATURE,
                "'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }

    static DynamoException unsupportedAlgorithm(String algorithm) {
        return new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE,
                "Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now). ");
    }

    static DynamoException credentialNotFiveElements(String credential) {
        return new DynamoException(ErrorCode.INCOMPLETE_SIGNATURE, "Credential must have exactly 5 slash-delimited "
                + "elements, e.g. keyid/date/region/service/term, got '" + credential + "'");
    }

    static String scopeRegionInvalid(String region) {
        return "Credential should be scoped to a valid region, not '" + region + "'.";
    }

    static String scopeServiceIncorrect(String service) {
        return "Credential should be scoped to correct service: '" + service + "'.";
    }

    static String scopeTerminatorInvalid(String terminator) {
        return "Credential should be scoped with a valid terminator: 'aws4_request', not '" + terminator + "'.";
    }

    static String scopeDateMismatch(String scopeDate, String day, String date) {
        return "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                + scopeDate + "' != '" + day + "', from '" + date + "'.";
    }

    /** {@code problems}: the scope sentences above, each ending in '.', joined by a space. */
    static DynamoException credentialScopeInvalid(String problems) {
        return new DynamoException(ErrorCode.INVALID_SIGNATURE, problems);
    }

    static DynamoException unrecognizedClient() {
        return new DynamoException(ErrorCode.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
    }

    /** DynamoDB tells the client what it should have signed, so a client author can find the difference. */
    static DynamoException signatureMismatch(String canonicalRequest, String stringToSign) {
        return new DynamoException(ErrorCode.INVALID_SIGNATURE, "The request signature we calculated does not match "
                + "the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
                + "documentation for details.\n\nThe Canonical String for this request should have been\n'"
                + canonicalRequest + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
    }
}

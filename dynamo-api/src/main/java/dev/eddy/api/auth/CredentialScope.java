package dev.eddy.api.auth;

import java.util.regex.Pattern;

/** The Credential of a signature: {@code keyid/date/region/service/aws4_request}. */
record CredentialScope(String accessKeyId, String date, String region, String service, String terminator) {
    static final String TERMINATOR = "aws4_request";
    /** Any region is served, as tables live per region; the pattern keeps ARNs well formed. */
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9-]+");

    /**
     * Null unless there are exactly five elements. Trailing slashes do not count, as on AWS
     * (and as String#split drops trailing empty strings).
     */
    static CredentialScope parseOrNull(String credential) {
        String[] parts = credential.split("/");
        if (parts.length != 5) return null;
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    boolean hasValidRegion() {
        return REGION.matcher(region).matches();
    }

    /** The scope part of the string to sign: everything after the access key. */
    String scope() {
        return date + '/' + region + '/' + service + '/' + terminator;
    }
}

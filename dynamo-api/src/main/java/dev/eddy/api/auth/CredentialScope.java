package dev.eddy.api.auth;

/** The Credential of a signature: {@code keyid/date/region/service/aws4_request}. */
record CredentialScope(String accessKeyId, String date, String region, String service, String terminator) {
    static final String TERMINATOR = "aws4_request";

    /**
     * Null unless there are exactly five elements. Trailing slashes do not count, as on AWS
     * (and as String#split drops trailing empty strings).
     */
    static CredentialScope parseOrNull(String credential) {
        String[] parts = credential.split("/");
        if (parts.length != 5) return null;
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    /** A region of letters, digits and hyphens: any region is served, and ARNs stay well formed. */
    boolean hasValidRegion() {
        if (region.isEmpty()) return false;
        for (int i = 0; i < region.length(); i++) {
            char c = region.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) return false;
        }
        return true;
    }

    /** The scope part of the string to sign: everything after the access key. */
    String scope() {
        return date + '/' + region + '/' + service + '/' + terminator;
    }
}

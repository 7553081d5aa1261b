package dev.eddy.api.auth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a SigV4 signature, read from the Authorization header or from a presigned
 * query string, checked only for presence: the checks of their content come later, in
 * AWS's order.
 *
 * @param date the signing time as sent: X-Amz-Date, else the Date header
 */
record SignatureParameters(
        String algorithm, String credential, String signedHeaders, String signature, String date, boolean presigned) {
    static final String ALGORITHM_PARAMETER = "X-Amz-Algorithm";

    /**
     * Finds the signature in a request, failing as AWS does when there is none, both kinds, or
     * an incomplete one.
     */
    static SignatureParameters of(SignedHttpRequest request) {
        String authorization = request.header("Authorization");
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        boolean presigned = query.contains(ALGORITHM_PARAMETER);
        if (authorization != null && presigned) throw AuthErrors.bothHeaderAndQuery();
        if (presigned) return fromQuery(query);
        if (authorization == null || !authorization.trim().startsWith("AWS4-")) {
            throw AuthErrors.missingAuthenticationToken();
        }
        return fromHeader(authorization, request);
    }

    private static SignatureParameters fromHeader(String authorization, SignedHttpRequest request) {
        List<String> parts = headerParts(authorization.trim());
        Map<String, String> params = new HashMap<>();
        for (String part : parts.subList(1, parts.size())) {
            int eq = part.indexOf('=');
            if (eq < 0) throw AuthErrors.notKeyValuePair(part, authorization);
            params.put(part.substring(0, eq), part.substring(eq + 1));
        }
        String date = request.header("X-Amz-Date");
        if (date == null) date = request.header("Date");

        StringBuilder problems = new StringBuilder();
        for (String name : new String[] {"Credential", "Signature"}) {
            if (isBlank(params.get(name))) problems.append(AuthErrors.headerRequiresParameter(name));
        }
        // An empty SignedHeaders is complete; it fails later, for not signing Host.
        if (params.get("SignedHeaders") == null) problems.append(AuthErrors.headerRequiresParameter("SignedHeaders"));
        if (isBlank(date)) problems.append(AuthErrors.headerRequiresDate());
        if (problems.length() > 0) throw AuthErrors.incompleteHeader(problems.toString(), authorization);

        return new SignatureParameters(parts.get(0), params.get("Credential"), params.get("SignedHeaders"),
                params.get("Signature"), date, false);
    }

    /**
     * The parts of a trimmed Authorization header that starts with its algorithm: the algorithm,
     * then each {@code name=value}, split on runs of commas and spaces. Found by hand, as every
     * request asks for them: a split on {@code "[, ]+"} compiled the pattern each time.
     */
    static List<String> headerParts(String header) {
        List<String> parts = new ArrayList<>(4);
        int i = 0;
        while (i < header.length()) {
            while (i < header.length() && isPartSeparator(header.charAt(i))) i++;
            int start = i;
            while (i < header.length() && !isPartSeparator(header.charAt(i))) i++;
            if (i > start) parts.add(header.substring(start, i));
        }
        return parts;
    }

    private static boolean isPartSeparator(char c) {
        return c == ',' || c == ' ';
    }

    private static SignatureParameters fromQuery(QueryParameters query) {
        String[] names = {ALGORITHM_PARAMETER, "X-Amz-Credential", CanonicalRequest.SIGNATURE_PARAMETER,
            "X-Amz-SignedHeaders", "X-Amz-Date"};
        StringBuilder problems = new StringBuilder();
        for (String name : names) {
            if (isBlank(query.first(name))) problems.append(AuthErrors.queryRequiresParameter(name));
        }
        if (problems.length() > 0) throw AuthErrors.incompleteQuery(problems.toString());
        return new SignatureParameters(query.first(names[0]), query.first(names[1]), query.first(names[3]),
                query.first(names[2]), query.first(names[4]), true);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}

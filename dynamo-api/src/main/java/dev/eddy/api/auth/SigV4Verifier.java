package dev.eddy.api.auth;

import dev.eddy.core.error.DynamoException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 on a received request as DynamoDB does, against a fixed
 * set of access keys. Checks run in AWS's order, so a request with several faults fails
 * with the error AWS would report first: presence of the parts, the date's format, its
 * skew, Host being signed, the algorithm, the credential's shape, then its scope, the
 * access key, and last the signature itself.
 *
 * <p>A session token (X-Amz-Security-Token) is not checked: Eddy's keys are long-term keys,
 * and the token is covered by the signature whenever the client signed it.
 */
public final class SigV4Verifier {
    public static final String DYNAMODB = "dynamodb";
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String CREDENTIAL = "Credential=";

    private final Map<String, String> secretsByAccessKey;
    private final Clock clock;

    /** {@code secretsByAccessKey}: each {@code --auth KEY:SECRET} pair. */
    public SigV4Verifier(Map<String, String> secretsByAccessKey, Clock clock) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
        this.clock = clock;
    }

    /** Verifies a request signed for DynamoDB (and DynamoDB Streams, which signs as "dynamodb"). */
    public Caller verify(SignedHttpRequest request) {
        return verify(request, DYNAMODB);
    }

    /**
     * @param service the signing name the credential must be scoped to
     * @throws DynamoException with AWS's type and message when the request is not validly signed
     */
    public Caller verify(SignedHttpRequest request, String service) {
        SignatureParameters signature = SignatureParameters.of(request);
        checkSkew(signature.date(), parseDate(signature.date()));
        List<String> signedHeaders = signedHeaders(signature.signedHeaders());
        if (!signedHeaders.contains("host")) throw AuthErrors.hostNotSigned();
        if (!ALGORITHM.equals(signature.algorithm())) throw AuthErrors.unsupportedAlgorithm(signature.algorithm());
        CredentialScope scope = CredentialScope.parseOrNull(signature.credential());
        if (scope == null) throw AuthErrors.credentialNotFiveElements(signature.credential());
        checkScope(scope, service, signature.date());

        String secret = secretsByAccessKey.get(scope.accessKeyId());
        if (secret == null) throw AuthErrors.unrecognizedClient();

        String canonicalRequest = CanonicalRequest.of(request, signedHeaders, payloadHash(request), signature.presigned());
        String stringToSign = ALGORITHM + '\n' + signature.date() + '\n' + scope.scope() + '\n'
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        String expected = hex(hmac(signingKey(secret, scope), stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.signature().getBytes(StandardCharsets.UTF_8))) {
            throw AuthErrors.signatureMismatch(canonicalRequest, stringToSign);
        }
        return new Caller(scope.accessKeyId(), scope.region());
    }

    /**
     * The region of an Authorization header's credential scope, read without verifying
     * anything; null when the header is absent or not a well-formed SigV4 header.
     */
    public static String regionOf(String authorization) {
        if (authorization == null) return null;
        String header = authorization.trim();
        if (!header.startsWith("AWS4-")) return null;
        List<String> parts = SignatureParameters.headerParts(header);
        for (String part : parts.subList(1, parts.size())) {
            if (!part.startsWith(CREDENTIAL)) continue;
            CredentialScope scope = CredentialScope.parseOrNull(part.substring(CREDENTIAL.length()));
            return scope != null && scope.hasValidRegion() ? scope.region() : null;
        }
        return null;
    }

    private static Instant parseDate(String date) {
        try {
            return LocalDateTime.parse(date, BasicFormat.FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw AuthErrors.dateNotBasicFormat(date);
        }
    }

    private void checkSkew(String date, Instant signedAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant earliest = now.minus(MAX_SKEW);
        Instant latest = now.plus(MAX_SKEW);
        if (signedAt.isBefore(earliest)) {
            throw AuthErrors.signatureExpired(date, format(earliest), format(now), MAX_SKEW.toMinutes());
        }
        if (signedAt.isAfter(latest)) {
            throw AuthErrors.signatureNotYetCurrent(date, format(latest), format(now), MAX_SKEW.toMinutes());
        }
    }

    private static String format(Instant instant) {
        return BasicFormat.FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static List<String> signedHeaders(String signedHeaders) {
        List<String> names = new ArrayList<>();
        for (String name : signedHeaders.split(";")) names.add(name.toLowerCase(Locale.ROOT));
        return names;
    }

    /** Every mismatch is reported together, each sentence in AWS's order. */
    private static void checkScope(CredentialScope scope, String service, String date) {
        List<String> problems = new ArrayList<>();
        if (!scope.hasValidRegion()) problems.add(AuthErrors.scopeRegionInvalid(scope.region()));
        if (!scope.service().equals(service)) problems.add(AuthErrors.scopeServiceIncorrect(service));
        if (!scope.terminator().equals(CredentialScope.TERMINATOR)) {
            problems.add(AuthErrors.scopeTerminatorInvalid(scope.terminator()));
        }
        String day = date.substring(0, 8);
        if (!scope.date().equals(day)) problems.add(AuthErrors.scopeDateMismatch(scope.date(), day, date));
        if (!problems.isEmpty()) throw AuthErrors.credentialScopeInvalid(String.join(" ", problems));
    }

    /**
     * The body's SHA-256, unless the client declared it unsigned. A declared hash is not
     * trusted: the body's own hash goes into the canonical request, so a body that does not
     * match its x-amz-content-sha256 fails as a signature mismatch.
     */
    private static String payloadHash(SignedHttpRequest request) {
        if (UNSIGNED_PAYLOAD.equals(request.header("X-Amz-Content-Sha256"))) return UNSIGNED_PAYLOAD;
        return hex(sha256(request.body()));
    }

    private static byte[] signingKey(String secret, CredentialScope scope) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date());
        key = hmac(key, scope.region());
        key = hmac(key, scope.service());
        return hmac(key, CredentialScope.TERMINATOR);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Built on first use: every request reads its region through {@link #regionOf}, and a
     * DateTimeFormatter built with this class would load some fifty classes of java.time into
     * the first request of a server that checks no signatures.
     */
    private static final class BasicFormat {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }
}

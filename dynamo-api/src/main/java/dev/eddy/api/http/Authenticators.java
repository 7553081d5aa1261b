package dev.eddy.api.http;

import dev.eddy.api.auth.SigV4Verifier;
import dev.eddy.api.auth.SignedHttpRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The two ways Eddy treats signatures: unchecked (as DynamoDB Local), or verified against known keys. */
public final class Authenticators {
    private Authenticators() {
    }

    /** Checks nothing; the region still comes from the credential scope when there is one. */
    public static Authenticator open() {
        return call -> SigV4Verifier.regionOf(call.header("authorization"));
    }

    /** Every request must carry a valid Signature V4 by one of {@code secretsByAccessKey}. */
    public static Authenticator verifying(Map<String, String> secretsByAccessKey, Clock clock) {
        SigV4Verifier verifier = new SigV4Verifier(secretsByAccessKey, clock);
        return call -> verifier.verify(signed(call)).region();
    }

    private static SignedHttpRequest signed(HttpCall call) {
        String uri = call.uri();
        int q = uri.indexOf('?');
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : call.headers().entrySet()) {
            for (String v : e.getValue()) headers.add(Map.entry(e.getKey(), v));
        }
        return new SignedHttpRequest(call.method(), q < 0 ? uri : uri.substring(0, q),
                q < 0 ? "" : uri.substring(q + 1), headers, call.body());
    }
}

package dev.eddy.conformance;

import dev.eddy.embedded.EmbeddedEddy;
import java.net.URI;

/**
 * The endpoint under test: {@code -Deddy.endpoint=URL} when given (any DynamoDB-compatible
 * endpoint, AWS itself included), else one in-memory Eddy started once for the whole run.
 */
public final class Endpoint {
    private static EmbeddedEddy eddy;

    private Endpoint() {
    }

    public static synchronized URI uri() {
        String configured = System.getProperty("eddy.endpoint", "");
        if (!configured.isBlank()) return URI.create(configured);
        if (eddy == null) {
            eddy = EmbeddedEddy.builder().inMemory(true).port(0).start();
            Runtime.getRuntime().addShutdownHook(new Thread(eddy::close));
        }
        return URI.create(eddy.endpoint());
    }

    /** The in-process Eddy, or null when testing an external endpoint (tests that move time need it). */
    public static synchronized EmbeddedEddy embedded() {
        uri();
        return eddy;
    }

    public static boolean isEmbedded() {
        return embedded() != null;
    }
}

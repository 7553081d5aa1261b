package dev.eddy.api.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ClientRequestTokens of one transaction operation (TransactWriteItems, ExecuteTransaction):
 * a repeat of a request within ten minutes under the same token is a replay that succeeds
 * without writing again; under the same token with other parameters it is refused.
 */
final class IdempotencyTokens {
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private record Token(String region, String token) {
    }

    private record Used(JsonNode parameters, Instant at) {
    }

    private final Map<Token, Used> tokens = new ConcurrentHashMap<>();

    /** True when the token was used for these same parameters in the last ten minutes; else remembers it. */
    boolean replay(ApiRequest request, String token) {
        ObjectNode parameters = request.body().node().deepCopy();
        parameters.remove("ReturnConsumedCapacity");
        // AWS compares the parameters, not their text: member order does not matter.
        Instant now = request.emulator().clock().instant();
        tokens.values().removeIf(u -> u.at().plus(TOKEN_LIFETIME).isBefore(now));
        Used previous = tokens.putIfAbsent(new Token(request.region(), token), new Used(parameters, now));
        if (previous == null) return false;
        if (!previous.parameters().equals(parameters)) {
            throw new DynamoException(ErrorCode.IDEMPOTENT_PARAMETER_MISMATCH,
                    "Specified idempotent token was used with different request parameters within the same "
                            + "idempotency time window");
        }
        return true;
    }
}

package dev.eddy.api.operation;

import dev.eddy.api.json.JsonObject;
import dev.eddy.core.Emulator;
import java.time.Instant;

/** What an operation gets: the request body, the region it is addressed to, and the engine. */
public record ApiRequest(JsonObject body, String region, Emulator emulator, Instant received) {
}

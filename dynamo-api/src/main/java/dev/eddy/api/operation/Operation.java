package dev.eddy.api.operation;

/**
 * One AWS API action: reads and validates its request, calls the core, shapes the
 * response. Throws DynamoException for every error a client should see.
 */
public interface Operation {
    Response handle(ApiRequest request);
}

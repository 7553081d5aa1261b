package dev.eddy.api.operation;

/**
 * One AWS API action: reads and validates its request, calls the core, shapes the
 * response. Throws DynamoException for every error a client should see.
 */
public interface Operation {
    Response handle(ApiRequest request);

    /**
     * True for operations that only read single items by key: short enough to answer on the
     * network thread when their items are in memory, which spares a request two thread
     * hand-offs (see {@code Store.withoutWaitingForDisk}).
     */
    default boolean onlyReadsByKey() {
        return false;
    }
}

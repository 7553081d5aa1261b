package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.table.TableDefinition;

/** UpdateTable's GlobalSecondaryIndexUpdates: Create, Update or Delete of one index on a live table. */
final class GlobalSecondaryIndexUpdates {
    private GlobalSecondaryIndexUpdates() {
    }

    static GlobalSecondaryIndexUpdates read(JsonObject in, Constraints c) {
        if (in.list("GlobalSecondaryIndexUpdates") == null) return null;
        throw new DynamoException(ErrorCode.VALIDATION, "GlobalSecondaryIndexUpdates are not supported yet");
    }

    void apply(TableDefinition table, TableDefinition.Builder builder, ApiRequest request) {
    }
}

package dev.eddy.api.operation;

import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.eddy.api.json.Constraints;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TableStatus;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * DeleteTable: answers with the table as it was, in status DELETING, but without its key schema,
 * attribute definitions, indexes or creation time, as AWS answers; its data goes at once.
 */
public final class DeleteTable implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String tableName = TableNames.resolve(request.region(), request.body().string("TableName"));
        new Constraints().tableNameOrArn("tableName", tableName, true).throwIfAny();
        TableDefinition t = request.emulator().catalog().describe(request.region(), tableName);
        // The description must show the counts from before the data is gone.
        TokenBuffer description = new TokenBuffer(null, false);
        try {
            TableDescriptionJson.write(description, t, TableStatus.DELETING, request.emulator().store(),
                    TableDescriptionJson.View.DELETED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.emulator().catalog().delete(request.region(), tableName);
        return g -> {
            g.writeStartObject();
            g.writeFieldName("TableDescription");
            description.serialize(g);
            g.writeEndObject();
        };
    }
}

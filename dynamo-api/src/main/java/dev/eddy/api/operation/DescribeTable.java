package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.core.table.TableDefinition;

/** DescribeTable: the full TableDescription, with exact item counts and sizes. */
public final class DescribeTable implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String tableName = TableNames.resolve(request.region(), request.body().string("TableName"));
        new Constraints().tableNameOrArn("tableName", tableName, true).throwIfAny();
        TableDefinition t = request.emulator().catalog().describe(request.region(), tableName);
        return g -> {
            g.writeStartObject();
            g.writeFieldName("Table");
            TableDescriptionJson.write(g, t, t.status(), request.emulator().store());
            g.writeEndObject();
        };
    }
}

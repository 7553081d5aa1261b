package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.table.TimeToLive;

/** DescribeTimeToLive: ENABLED with the attribute, or DISABLED. */
public final class DescribeTimeToLive implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        String tableName = TableNames.resolve(request.region(), request.body().string("TableName"));
        new Constraints().tableNameOrArn("tableName", tableName, true).throwIfAny();
        TableDefinition t = request.emulator().catalog().describe(request.region(), tableName);
        TimeToLive ttl = t.timeToLive();
        return g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("TimeToLiveDescription");
            g.writeStringField("TimeToLiveStatus", ttl.enabled() ? "ENABLED" : "DISABLED");
            if (ttl.enabled()) g.writeStringField("AttributeName", ttl.attributeName());
            g.writeEndObject();
            g.writeEndObject();
        };
    }
}

package dev.eddy.api.operation;

import dev.eddy.core.expression.KeyCondition;
import dev.eddy.core.read.Page;
import dev.eddy.core.read.Reader;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;

/** Query: one item collection of a table or index, in sort key order, a page at a time. */
public final class Query implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        Boolean[] forward = {true};
        ReadRequest r = ReadRequest.read(request, true, x -> forward[0] = !Boolean.FALSE.equals(x.in.bool("ScanIndexForward")));
        TableDefinition table = request.emulator().catalog().require(request.region(), r.tableName);
        SecondaryIndex index = r.index(table);
        KeySchema schema = index == null ? table.keySchema() : index.keySchema();
        KeyCondition.KeyQuery keys = r.keyCondition(schema).resolve(schema);
        String filterParameter = r.in.has("QueryFilter") ? "QueryFilter" : "Filter Expression";
        for (String a : r.filterAttributes()) {
            if (schema.isKeyAttribute(a)) {
                throw ReadRequest.validation(filterParameter + " can only contain non-primary key attributes: "
                        + "Primary key attribute: " + a);
            }
        }
        r.checkPathsAgainst(table);
        Page page = new Reader(request.emulator().store()).query(table, index, keys, forward[0], r.exclusiveStartKey,
                r.pageRequest(table, index));
        return r.response(table, index, page);
    }
}

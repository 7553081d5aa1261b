package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.PrimaryKey;
import dev.eddy.core.write.WriteResult;

/** DeleteItem: removes the item, if its condition holds; deleting a missing item is no error. */
public final class DeleteItem implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        Constraints c = new Constraints();
        ItemWrite write = ItemWrite.read(request, c, "Key");
        c.throwIfAny();
        write.checkConditionalWrite(request.body());
        TableDefinition table = request.emulator().catalog().require(request.region(), write.tableName());
        PrimaryKey key = Keys.fromKey(table, write.attributes());
        WriteResult result = request.emulator().items().write(table, key, current -> {
            write.condition().check(current);
            return null;
        });
        Capacity.Writes units = new Capacity.Writes().add(table, result, 1);
        return write.response("ALL_OLD".equals(write.returnValues()) ? result.oldItem() : null, request, table, key, units);
    }
}

package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.PrimaryKey;
import dev.eddy.core.write.WriteResult;
import java.util.Map;

/** PutItem: replaces the whole item, if its condition holds. */
public final class PutItem implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        Constraints c = new Constraints();
        ItemWrite write = ItemWrite.read(request, c, "Item");
        c.throwIfAny();
        write.checkConditionalWrite(request.body());
        Map<String, AttributeValue> item = write.attributes();
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_BYTES) {
            throw new DynamoException(ErrorCode.VALIDATION, "Item size has exceeded the maximum allowed size");
        }
        TableDefinition table = request.emulator().catalog().require(request.region(), write.tableName());
        PrimaryKey key = Keys.fromItem(table, item);
        WriteResult result = request.emulator().items().write(table, key, current -> {
            write.condition().check(current);
            return item;
        });
        Capacity.Writes units = new Capacity.Writes().add(table, result, 1);
        return write.response("ALL_OLD".equals(write.returnValues()) ? result.oldItem() : null, request, table, key, units);
    }
}

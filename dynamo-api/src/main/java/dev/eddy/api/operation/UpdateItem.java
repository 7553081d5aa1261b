package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.ExpressionContext;
import dev.eddy.core.expression.Expressions;
import dev.eddy.core.expression.Legacy;
import dev.eddy.core.expression.Update;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.PrimaryKey;
import dev.eddy.core.write.WriteResult;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateItem: applies an UpdateExpression (or legacy AttributeUpdates) to the item, creating
 * it when missing, if the condition holds. Atomic per item: the update runs under the item's lock.
 */
public final class UpdateItem implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        ItemWrite write = ItemWrite.read(request, c, "Key");
        ExpressionContext expressions = write.expressions();
        WriteCondition condition = write.condition();
        String updateExpression = in.string("UpdateExpression");
        Map<String, Legacy.AttributeUpdate> attributeUpdates = write.valueErrors().read(() -> attributeUpdates(in, c), null);
        c.throwIfAny();
        ExpressionInputs.checkStyle(in, List.of("AttributeUpdates", "Expected", "ConditionalOperator"),
                List.of("UpdateExpression", "ConditionExpression"));
        write.valueErrors().throwIfAny();
        // Expressions are checked before the table is looked up; only the key rule needs the table.
        expressions.checkPlaceholders();
        Update update = null;
        if (updateExpression != null) {
            update = Expressions.update(updateExpression, expressions, Set.of());
        } else if (attributeUpdates != null) {
            update = Legacy.attributeUpdates(attributeUpdates, Set.of());
        }
        condition.validate();
        expressions.checkAllUsed();
        TableDefinition table = request.emulator().catalog().require(request.region(), write.tableName());
        if (update != null) {
            Set<String> keyNames = new HashSet<>();
            for (KeyAttribute k : table.keySchema().attributes()) keyNames.add(k.name());
            update.checkKeyAttributes(keyNames);
            Keys.checkIndexKeyTypes(table, update.knownTypes());
            Keys.refuseNestedIndexKeyPaths(table, update.paths());
        }
        PrimaryKey key = Keys.fromKey(table, write.attributes());
        Update actions = update;
        Update.Result[] applied = {null};
        WriteResult result = request.emulator().items().write(table, key, current -> {
            condition.check(current);
            if (actions == null) return current != null ? current : key.asItem(table.keySchema());
            if (current == null && onlyRemovesOrDeletes(actions)) return null;
            Update.Result r = actions.apply(current != null ? current : key.asItem(table.keySchema()));
            if (ItemSize.of(r.item()) > ItemSize.MAX_ITEM_BYTES || actions.writtenSize(r.item()) > ItemSize.MAX_ITEM_BYTES) {
                throw new DynamoException(ErrorCode.VALIDATION, "Item size to update has exceeded the maximum allowed size");
            }
            Keys.checkIndexKeysAfterUpdate(table, r.item());
            applied[0] = r;
            return r.item();
        });
        Capacity.Writes units = new Capacity.Writes().add(table, result, 1);
        Map<String, AttributeValue> attributes = returned(write.returnValues(), result.oldItem(), result.newItem(), applied[0]);
        return write.response(attributes, request, table, key, units);
    }

    private static Map<String, AttributeValue> returned(String returnValues, Map<String, AttributeValue> old,
                                                        Map<String, AttributeValue> now, Update.Result applied) {
        if (returnValues == null) return null;
        switch (returnValues) {
            case "ALL_OLD":
                return old;
            case "ALL_NEW":
                return now;
            case "UPDATED_OLD":
                return applied == null ? null : applied.updatedOld(old);
            case "UPDATED_NEW":
                return applied == null ? null : applied.updatedNew();
            default:
                return null;
        }
    }

    /** An update of a missing item that only removes creates nothing, as on AWS. */
    private static boolean onlyRemovesOrDeletes(Update update) {
        if (update.actions().isEmpty()) return false;
        for (Update.Action a : update.actions()) {
            if (!(a instanceof Update.Remove) && !(a instanceof Update.Delete)) return false;
        }
        return true;
    }

    private static Map<String, Legacy.AttributeUpdate> attributeUpdates(JsonObject in, Constraints c) {
        Map<String, JsonObject> raw = in.objectMap("AttributeUpdates");
        if (raw == null) return null;
        Map<String, Legacy.AttributeUpdate> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonObject> e : raw.entrySet()) {
            JsonObject v = e.getValue();
            if (v == null) continue;
            String action = v.string("Action");
            c.oneOf("attributeUpdates." + e.getKey() + ".member.action", action, List.of("ADD", "PUT", "DELETE"));
            out.put(e.getKey(), new Legacy.AttributeUpdate(action, ExpressionInputs.value(v, "Value")));
        }
        return out;
    }
}

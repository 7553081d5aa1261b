package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.ExpressionContext;
import dev.eddy.core.expression.ExpressionKind;
import dev.eddy.core.expression.Expressions;
import dev.eddy.core.expression.Update;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.ItemChange;
import dev.eddy.core.write.Keys;
import dev.eddy.core.write.PrimaryKey;
import dev.eddy.core.write.TransactWrite;
import dev.eddy.core.write.TransactionFailure;
import dev.eddy.core.write.WriteResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems: up to 100 condition checks, puts, updates and deletes across tables,
 * applied all or nothing. A ClientRequestToken makes a repeat of the same request within
 * ten minutes a no-op that succeeds again.
 */
public final class TransactWriteItems implements Operation {
    static final int MAX_ACTIONS = 100;
    static final List<String> RETURN_ON_FAILURE = List.of("ALL_OLD", "NONE");
    /** A kind of action: its member, the member it requires, and that one's constraint path. */
    private record Kind(String name, String required, String requiredPath) {
    }

    /** The kinds of action, in the order DynamoDB lists their constraint paths. */
    private static final List<Kind> KINDS = List.of(new Kind("ConditionCheck", "Key", "conditionCheck.key"),
            new Kind("Delete", "Key", "delete.key"), new Kind("Put", "Item", "put.item"), new Kind("Update", "Key", "update.key"));

    /** {@code payloadBytes}: what the action adds to the transaction's payload, its item or its key. */
    private record Action(String kind, String tableAsSent, TableDefinition table, PrimaryKey key, ItemChange change,
                          long payloadBytes) {
        Action(String kind, String tableAsSent, TableDefinition table, PrimaryKey key, ItemChange change) {
            this(kind, tableAsSent, table, key, change, 0);
        }

        Action weighing(long bytes) {
            return new Action(kind, tableAsSent, table, key, change, bytes);
        }
    }

    /** 4 MB: what the items and keys of one transaction may come to. */
    private static final long MAX_PAYLOAD_BYTES = 4L * 1024 * 1024;

    private final IdempotencyTokens tokens = new IdempotencyTokens();

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        List<JsonObject> items = in.objects("TransactItems");
        c.notNull("transactItems", items).size("transactItems", items, 1, MAX_ACTIONS);
        String capacityMode = Capacity.mode(request, c);
        String metricsMode = ItemRequests.itemCollectionMetrics(in, c);
        String token = in.string("ClientRequestToken");
        c.length("clientRequestToken", token, 1, 36);
        if (items != null) for (int i = 0; i < items.size(); i++) checkRequired(items.get(i), i + 1, c);
        c.throwIfAny();

        List<Action> actions = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        long payload = 0;
        for (JsonObject item : items) {
            Action a = action(item, request);
            if (!seen.add(List.of(a.table().id(), a.key()))) {
                throw sameItemTwice();
            }
            actions.add(a);
            payload += a.payloadBytes();
        }
        if (payload > MAX_PAYLOAD_BYTES) {
            throw validation("Transaction payload size cannot exceed 4MB. Payload Size: " + payload);
        }
        if (token != null && tokens.replay(request, token)) return response(capacityMode, actions, null, null, request);

        List<TransactWrite> writes = new ArrayList<>();
        for (Action a : actions) writes.add(new TransactWrite(a.table(), a.key(), a.change()));
        List<WriteResult> results;
        try {
            results = request.emulator().items().transact(writes);
        } catch (TransactionFailure f) {
            throw canceled(f.reasons());
        }
        ItemCollectionMetrics metrics = new ItemCollectionMetrics(request.emulator().store(), "SIZE".equals(metricsMode));
        for (Action a : actions) if (!a.kind().equals("ConditionCheck")) metrics.add(a.tableAsSent(), a.table(), a.key());
        return response(capacityMode, actions, results, metrics, request);
    }

    /**
     * Each action's Item or Key, checked with the request's other field constraints and named by
     * its place, as DynamoDB does ("transactItems.1.member.put.item"); an item with two kinds of
     * action has both checked.
     */
    private static void checkRequired(JsonObject item, int number, Constraints c) {
        if (item == null) return;
        for (Kind kind : KINDS) {
            JsonObject a = item.object(kind.name());
            if (a == null) continue;
            // A member of the wrong JSON type is a SerializationException, which comes first.
            for (String text : List.of("TableName", "ConditionExpression", "UpdateExpression", "ReturnValuesOnConditionCheckFailure")) {
                a.string(text);
            }
            a.stringMap("ExpressionAttributeNames");
            if (!a.has(kind.required())) c.notNull("transactItems." + number + ".member." + kind.requiredPath(), null);
        }
    }

    private Action action(JsonObject item, ApiRequest request) {
        List<Kind> kinds = new ArrayList<>();
        for (Kind k : KINDS) if (item != null && item.has(k.name())) kinds.add(k);
        if (kinds.size() != 1) {
            throw validation("TransactItems can only contain one of Check, Put, Update or Delete");
        }
        Kind chosen = kinds.get(0);
        String kind = chosen.name();
        JsonObject a = item.object(kind);
        Constraints c = new Constraints();
        String tableNameAsSent = a.string("TableName");
        String tableName = TableNames.resolve(request.region(), tableNameAsSent);
        c.tableNameOrArn("tableName", tableName, true);
        String onFailure = a.string("ReturnValuesOnConditionCheckFailure");
        c.oneOf("returnValuesOnConditionCheckFailure", onFailure, RETURN_ON_FAILURE);
        Map<String, AttributeValue> itemOrKey = a.attributeMap(chosen.required());
        String conditionText = a.string("ConditionExpression");
        if (kind.equals("ConditionCheck")) c.notNull("conditionExpression", conditionText);
        String updateText = a.string("UpdateExpression");
        if (kind.equals("Update")) c.notNull("updateExpression", updateText);
        c.throwIfAny();
        ExpressionContext ctx = new ExpressionContext(a.stringMap("ExpressionAttributeNames"),
                a.attributeMap("ExpressionAttributeValues"));
        TableDefinition table = request.emulator().catalog().require(request.region(), tableName);
        Set<String> keyNames = new HashSet<>();
        for (KeyAttribute k : table.keySchema().attributes()) keyNames.add(k.name());
        Update update = updateText == null ? null : Expressions.update(updateText, ctx, keyNames);
        Condition condition = conditionText == null ? new Condition.True()
                : Expressions.condition(conditionText, ExpressionKind.CONDITION, ctx);
        ctx.checkAllUsed();
        boolean returnOld = "ALL_OLD".equals(onFailure);
        if (kind.equals("Put")) {
            if (ItemSize.of(itemOrKey) > ItemSize.MAX_ITEM_BYTES) {
                throw validation("Item size has exceeded the maximum allowed size");
            }
            PrimaryKey key = Keys.fromItem(table, itemOrKey);
            return new Action(kind, tableNameAsSent, table, key, current -> {
                check(condition, current, returnOld);
                return itemOrKey;
            }).weighing(ItemSize.of(itemOrKey));
        }
        PrimaryKey key = Keys.fromKey(table, itemOrKey);
        long keyBytes = ItemSize.of(itemOrKey);
        Action action = switch (kind) {
            case "ConditionCheck" -> new Action(kind, tableNameAsSent, table, key, current -> {
                check(condition, current, returnOld);
                return current;
            });
            case "Delete" -> new Action(kind, tableNameAsSent, table, key, current -> {
                check(condition, current, returnOld);
                return null;
            });
            default -> new Action(kind, tableNameAsSent, table, key, current -> {
                check(condition, current, returnOld);
                Map<String, AttributeValue> updated = update.apply(current != null ? current
                        : key.asItem(table.keySchema())).item();
                if (ItemSize.of(updated) > ItemSize.MAX_ITEM_BYTES) {
                    throw validation("Item size to update has exceeded the maximum allowed size");
                }
                Keys.checkIndexKeys(table, updated);
                return updated;
            });
        };
        return action.weighing(keyBytes);
    }

    /** Two actions of one transaction on the same item. */
    static DynamoException sameItemTwice() {
        return validation("Transaction request cannot include multiple operations on one item");
    }

    private static void check(Condition condition, Map<String, AttributeValue> current, boolean returnOld) {
        if (condition.test(current)) return;
        throw DynamoException.conditionalCheckFailed(returnOld ? current : null);
    }

    /** TransactionCanceledException with a reason per action, in action order. */
    static DynamoException canceled(List<DynamoException> reasons) {
        List<String> codes = new ArrayList<>();
        List<Object> list = new ArrayList<>();
        for (DynamoException e : reasons) {
            Map<String, Object> reason = new LinkedHashMap<>();
            String code = e == null ? "None" : switch (e.code()) {
                case CONDITIONAL_CHECK_FAILED -> "ConditionalCheckFailed";
                case ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED -> "ItemCollectionSizeLimitExceeded";
                case VALIDATION -> "ValidationError";
                case DUPLICATE_ITEM -> "DuplicateItem";
                default -> e.code().code();
            };
            codes.add(code);
            reason.put("Code", code);
            if (e != null) {
                reason.put("Message", e.getMessage());
                Object item = e.extra().get("Item");
                if (item != null) reason.put("Item", item);
            }
            list.add(reason);
        }
        return new DynamoException(ErrorCode.TRANSACTION_CANCELED,
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes,
                Map.of("CancellationReasons", list));
    }

    private static Response response(String capacityMode, List<Action> actions, List<WriteResult> results,
                                     ItemCollectionMetrics metrics, ApiRequest request) {
        Map<String, Capacity.Writes> units = new LinkedHashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            WriteResult r = results == null ? null : results.get(i);
            Action a = actions.get(i);
            units.computeIfAbsent(a.tableAsSent(), t -> new Capacity.Writes()).add(a.table(), r, 2);
        }
        return g -> {
            g.writeStartObject();
            if (metrics != null) metrics.writeByTable(g);
            Capacity.writeList(g, capacityMode, units);
            g.writeEndObject();
        };
    }

    static DynamoException validation(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }
}

package dev.eddy.api.operation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.partiql.SelectPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What ExecuteStatement, BatchExecuteStatement and ExecuteTransaction share: members, errors, capacity. */
final class PartiQLRequests {
    static final int MAX_STATEMENT_LENGTH = 8192;

    private PartiQLRequests() {
    }

    /** A statement's text, required, of 1 to 8192 characters. */
    static String statement(JsonObject in, Constraints c, String path) {
        String text = in.string("Statement");
        c.notNull(path, text).length(path, text, 1, MAX_STATEMENT_LENGTH);
        return text;
    }

    /** Parameters: at least one when present; none means an empty list. */
    static List<AttributeValue> parameters(JsonObject in, Constraints c, String path) {
        List<JsonNode> nodes = in.list("Parameters");
        if (nodes == null) return List.of();
        c.size(path, nodes, 1, Integer.MAX_VALUE);
        List<AttributeValue> out = new ArrayList<>(nodes.size());
        for (JsonNode n : nodes) out.add(AttributeValueJson.read(n));
        return out;
    }

    static String returnValuesOnConditionCheckFailure(JsonObject in, Constraints c, String path) {
        String v = in.string("ReturnValuesOnConditionCheckFailure");
        c.oneOf(path, v, WriteCondition.ON_FAILURE);
        return v;
    }

    /** A batch member's or cancellation reason's Code for an error: the exception's name without "Exception". */
    static String errorCode(DynamoException e) {
        return switch (e.code()) {
            case CONDITIONAL_CHECK_FAILED -> "ConditionalCheckFailed";
            case DUPLICATE_ITEM -> "DuplicateItem";
            case VALIDATION -> "ValidationError";
            case RESOURCE_NOT_FOUND -> "ResourceNotFound";
            case ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED -> "ItemCollectionSizeLimitExceeded";
            case TRANSACTION_CONFLICT -> "TransactionConflict";
            case PROVISIONED_THROUGHPUT_EXCEEDED -> "ProvisionedThroughputExceeded";
            case ACCESS_DENIED -> "AccessDenied";
            default -> "InternalServerError";
        };
    }

    /** The units a page of a SELECT costs, on the table and on the index it read (if any). */
    record ReadUnits(double table, Map<String, Double> global, Map<String, Double> local) {
        double total() {
            double t = table;
            for (double u : global.values()) t += u;
            for (double u : local.values()) t += u;
            return t;
        }
    }

    /**
     * Each read is charged as GetItem, Query or Scan charge it: a read unit per 4 KB read (half
     * when eventually consistent); an index read charges the index, and its fetches from the
     * table the table, each fetched item as a read of its own, whether or not the WHERE keeps it.
     */
    static ReadUnits readUnits(SelectPlan plan, List<SelectPlan.Cost> costs) {
        double source = 0;
        double fetched = 0;
        for (SelectPlan.Cost cost : costs) {
            source += Capacity.readUnits(cost.bytes(), plan.consistent());
            fetched += plan.consistent() ? cost.fetchedBlocks() : cost.fetchedBlocks() / 2.0;
        }
        Map<String, Double> global = new LinkedHashMap<>();
        Map<String, Double> local = new LinkedHashMap<>();
        if (plan.index() == null) return new ReadUnits(source, global, local);
        (plan.index().global() ? global : local).put(plan.index().name(), source);
        return new ReadUnits(fetched, global, local);
    }

    /** A validation error of a transaction's statement, named by its place: "Validation failed in TransactStatements[2]: ...". */
    static DynamoException inStatement(DynamoException e, String member, int index) {
        if (e.code() != ErrorCode.VALIDATION) return e;
        return new DynamoException(ErrorCode.VALIDATION, "Validation failed in " + member + "[" + index + "]: " + e.getMessage());
    }
}

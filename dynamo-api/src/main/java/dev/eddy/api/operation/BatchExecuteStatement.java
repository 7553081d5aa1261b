package dev.eddy.api.operation;

import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.partiql.Planner;
import dev.eddy.core.partiql.Prepared;
import dev.eddy.core.partiql.SelectPlan;
import dev.eddy.core.partiql.Surface;
import dev.eddy.core.partiql.WritePlan;
import dev.eddy.core.write.WriteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BatchExecuteStatement: up to 25 statements, all reads (each of one item by its primary key)
 * or all writes, each on its own as GetItem or a single-item write would be. A statement that
 * fails answers its own Error; the batch goes on. Its TableName is echoed when it reached its
 * table, and RETURNING's item comes back as its Item.
 */
public final class BatchExecuteStatement implements Operation {
    static final int MAX_STATEMENTS = 25;

    private record Member(Prepared prepared, DynamoException error, List<AttributeValue> parameters, boolean consistent) {
    }

    /** One member's answer: its table (null when it never reached one), its item, or its error. */
    private record Answer(String tableName, Map<String, AttributeValue> item, DynamoException error) {
    }

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        List<JsonObject> statements = in.objects("Statements", "BatchStatementRequest");
        c.notNull("statements", statements).size("statements", statements, 1, MAX_STATEMENTS);
        String capacityMode = Capacity.mode(request, c);
        List<Member> members = new ArrayList<>();
        if (statements != null) {
            for (int i = 0; i < statements.size(); i++) members.add(read(statements.get(i), c, "statements." + (i + 1) + ".member"));
        }
        c.throwIfAny();
        boolean reads = false;
        boolean writes = false;
        for (Member m : members) {
            if (m.prepared() == null) continue;
            if (m.prepared().isRead()) reads = true;
            else writes = true;
        }
        if (reads && writes) {
            throw new DynamoException(ErrorCode.VALIDATION, "Read and write requests together in the same batch is not supported.");
        }
        Capacity.Kind kind = writes ? Capacity.Kind.WRITE : Capacity.Kind.READ;
        Planner planner = new Planner(request.emulator().catalog(), request.region());
        List<Answer> answers = new ArrayList<>();
        Map<String, Double> units = new LinkedHashMap<>();
        for (Member m : members) answers.add(m.error() != null ? new Answer(null, null, m.error()) : run(m, planner, request, units));
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Responses");
            for (Answer a : answers) {
                g.writeStartObject();
                if (a.error() != null) {
                    g.writeObjectFieldStart("Error");
                    g.writeStringField("Code", PartiQLRequests.errorCode(a.error()));
                    g.writeStringField("Message", a.error().getMessage());
                    g.writeEndObject();
                }
                if (a.tableName() != null) g.writeStringField("TableName", a.tableName());
                if (a.item() != null) {
                    g.writeFieldName("Item");
                    AttributeValueJson.writeMap(g, a.item());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            Capacity.writeList(g, capacityMode, kind, units);
            g.writeEndObject();
        };
    }

    private static Member read(JsonObject statement, Constraints c, String path) {
        if (statement == null) {
            c.notNull(path + ".statement", null);
            return new Member(null, null, List.of(), false);
        }
        String text = PartiQLRequests.statement(statement, c, path + ".statement");
        List<AttributeValue> parameters = PartiQLRequests.parameters(statement, c, path + ".parameters");
        boolean consistent = Boolean.TRUE.equals(statement.bool("ConsistentRead"));
        PartiQLRequests.returnValuesOnConditionCheckFailure(statement, c, path + ".returnValuesOnConditionCheckFailure");
        if (text == null || text.isEmpty() || text.length() > PartiQLRequests.MAX_STATEMENT_LENGTH) {
            return new Member(null, null, parameters, consistent);
        }
        try {
            return new Member(Prepared.parse(text), null, parameters, consistent);
        } catch (DynamoException e) {
            return new Member(null, e, parameters, consistent);
        }
    }

    /**
     * Runs one member. A failure before it reaches its table (the statement's checks, a missing
     * table) names no table; one while it runs does. A batch member's failed condition never
     * returns the item, whatever ReturnValuesOnConditionCheckFailure says.
     */
    private static Answer run(Member m, Planner planner, ApiRequest request, Map<String, Double> units) {
        if (m.prepared().isRead()) {
            SelectPlan plan;
            try {
                plan = planner.select(m.prepared(), m.parameters(), m.consistent(), Surface.BATCH);
            } catch (DynamoException e) {
                return new Answer(null, null, e);
            }
            Map<String, AttributeValue> item = request.emulator().items().get(plan.table(), plan.key());
            units.merge(plan.tableName(), Capacity.readUnits(item == null ? 0 : ItemSize.of(item), m.consistent()), Double::sum);
            return new Answer(plan.tableName(), item == null ? null : plan.shape(item), null);
        }
        WritePlan plan;
        try {
            plan = planner.write(m.prepared(), m.parameters(), Surface.BATCH);
        } catch (DynamoException e) {
            return new Answer(null, null, e);
        }
        WritePlan.Run run = plan.run(false);
        try {
            WriteResult result = request.emulator().items().write(plan.table(), plan.key(), run.change());
            units.merge(plan.tableName(), Capacity.writeUnits(result.largerSize()), Double::sum);
            return new Answer(plan.tableName(), run.returned(result), null);
        } catch (DynamoException e) {
            return new Answer(plan.tableName(), null, e);
        }
    }
}

package dev.eddy.api.operation;

import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.partiql.Planner;
import dev.eddy.core.partiql.Prepared;
import dev.eddy.core.partiql.SelectPlan;
import dev.eddy.core.partiql.Surface;
import dev.eddy.core.partiql.WritePlan;
import dev.eddy.core.write.WriteResult;
import java.util.List;
import java.util.Map;

/**
 * ExecuteStatement: one PartiQL statement. A SELECT reads as GetItem, Query or Scan would, a
 * page at a time (Limit, NextToken); INSERT, UPDATE and DELETE write one item by its key, as
 * PutItem, UpdateItem and DeleteItem do, with RETURNING's item as the only row of Items.
 */
public final class ExecuteStatement implements Operation {
    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        String text = PartiQLRequests.statement(in, c, "statement");
        List<AttributeValue> parameters = PartiQLRequests.parameters(in, c, "parameters");
        boolean consistent = Boolean.TRUE.equals(in.bool("ConsistentRead"));
        String nextToken = in.string("NextToken");
        c.length("nextToken", nextToken, 1, 32768);
        String capacityMode = Capacity.mode(request, c);
        Integer limit = in.integer("Limit");
        c.range("limit", limit == null ? null : limit.longValue(), 1, Integer.MAX_VALUE);
        String onFailure = PartiQLRequests.returnValuesOnConditionCheckFailure(in, c, "returnValuesOnConditionCheckFailure");
        c.throwIfAny();

        Prepared prepared = Prepared.parse(text);
        Planner planner = new Planner(request.emulator().catalog(), request.region());
        if (prepared.isRead()) {
            SelectPlan plan = planner.select(prepared, parameters, consistent, Surface.STATEMENT);
            SelectPlan.Result page = plan.page(request.emulator().items(), limit, nextToken);
            PartiQLRequests.ReadUnits units = PartiQLRequests.readUnits(plan, page.costs());
            return g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("Items");
                for (Map<String, AttributeValue> item : page.items()) AttributeValueJson.writeMap(g, item);
                g.writeEndArray();
                if (page.nextToken() != null) g.writeStringField("NextToken", page.nextToken());
                Capacity.write(g, "ConsumedCapacity", capacityMode, plan.tableName(), Capacity.Kind.READ, units.table(),
                        units.global(), units.local());
                g.writeEndObject();
            };
        }
        WritePlan plan = planner.write(prepared, parameters, Surface.STATEMENT);
        WritePlan.Run run = plan.run("ALL_OLD".equals(onFailure));
        WriteResult result = request.emulator().items().write(plan.table(), plan.key(), run.change());
        Map<String, AttributeValue> returned = run.returned(result);
        double units = Capacity.writeUnits(result.largerSize());
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Items");
            if (returned != null) AttributeValueJson.writeMap(g, returned);
            g.writeEndArray();
            Capacity.write(g, capacityMode, plan.tableName(), Capacity.Kind.WRITE, units);
            g.writeEndObject();
        };
    }
}

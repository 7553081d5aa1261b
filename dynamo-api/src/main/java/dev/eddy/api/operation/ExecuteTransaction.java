package dev.eddy.api.operation;

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
import dev.eddy.core.table.TableDefinition;
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
 * ExecuteTransaction: up to 100 statements as one transaction, all reads (each of one item by
 * its primary key, read as of one instant, as TransactGetItems) or all writes (INSERT, UPDATE,
 * DELETE and EXISTS checks, applied all or nothing, as TransactWriteItems, with its
 * ClientRequestToken idempotency). A statement's validation error names its place.
 */
public final class ExecuteTransaction implements Operation {
    private static final String MEMBER = "TransactStatements";
    private final IdempotencyTokens tokens = new IdempotencyTokens();

    private record Member(String text, List<AttributeValue> parameters, boolean returnItemOnFailure) {
    }

    @Override
    public Response handle(ApiRequest request) {
        JsonObject in = request.body();
        Constraints c = new Constraints();
        List<JsonObject> statements = in.objects(MEMBER, "ParameterizedStatement");
        c.notNull("transactStatements", statements).size("transactStatements", statements, 1, TransactWriteItems.MAX_ACTIONS);
        String token = in.string("ClientRequestToken");
        c.length("clientRequestToken", token, 1, 36);
        String capacityMode = Capacity.mode(request, c);
        List<Member> members = new ArrayList<>();
        if (statements != null) {
            for (int i = 0; i < statements.size(); i++) {
                String path = "transactStatements." + (i + 1) + ".member";
                JsonObject s = statements.get(i);
                c.notNull(path, s);
                if (s == null) continue;
                members.add(new Member(PartiQLRequests.statement(s, c, path + ".statement"),
                        PartiQLRequests.parameters(s, c, path + ".parameters"),
                        "ALL_OLD".equals(PartiQLRequests.returnValuesOnConditionCheckFailure(s, c,
                                path + ".returnValuesOnConditionCheckFailure"))));
            }
        }
        c.throwIfAny();

        List<Prepared> prepared = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            try {
                prepared.add(Prepared.parse(members.get(i).text()));
            } catch (DynamoException e) {
                throw PartiQLRequests.inStatement(e, MEMBER, i);
            }
        }
        boolean reads = prepared.get(0).isRead();
        for (Prepared p : prepared) {
            if (p.isRead() != reads) {
                throw new DynamoException(ErrorCode.VALIDATION,
                        "ExecuteTransaction API does not support both read and write operations in the same request.");
            }
        }
        Planner planner = new Planner(request.emulator().catalog(), request.region());
        return reads ? read(request, planner, members, prepared, capacityMode)
                : write(request, planner, members, prepared, capacityMode, token);
    }

    private static Response read(ApiRequest request, Planner planner, List<Member> members, List<Prepared> prepared,
                                 String capacityMode) {
        List<SelectPlan> plans = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            try {
                plans.add(planner.select(prepared.get(i), members.get(i).parameters(), true, Surface.TRANSACTION));
            } catch (DynamoException e) {
                throw PartiQLRequests.inStatement(e, MEMBER, i);
            }
        }
        List<TableDefinition> tables = new ArrayList<>();
        List<PrimaryKey> keys = new ArrayList<>();
        for (SelectPlan p : plans) {
            tables.add(p.table());
            keys.add(p.key());
        }
        checkDistinct(tables, keys);
        List<Map<String, AttributeValue>> found = request.emulator().items().getAll(tables, keys);
        Map<String, Double> units = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> shaped = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Map<String, AttributeValue> item = found.get(i);
            units.merge(plans.get(i).tableName(), 2 * Capacity.readUnits(item == null ? 0 : ItemSize.of(item), true), Double::sum);
            shaped.add(item == null ? null : plans.get(i).shape(item));
        }
        return TransactGetItems.responses(shaped, capacityMode, units);
    }

    private Response write(ApiRequest request, Planner planner, List<Member> members, List<Prepared> prepared,
                           String capacityMode, String token) {
        List<WritePlan> plans = new ArrayList<>();
        for (int i = 0; i < prepared.size(); i++) {
            try {
                plans.add(planner.write(prepared.get(i), members.get(i).parameters(), Surface.TRANSACTION));
            } catch (DynamoException e) {
                throw PartiQLRequests.inStatement(e, MEMBER, i);
            }
        }
        List<TableDefinition> tables = new ArrayList<>();
        List<PrimaryKey> keys = new ArrayList<>();
        for (WritePlan p : plans) {
            tables.add(p.table());
            keys.add(p.key());
        }
        checkDistinct(tables, keys);
        Map<String, Double> units = new LinkedHashMap<>();
        if (token != null && tokens.replay(request, token)) {
            // A replay reads the stored outcome rather than writing again, and is charged as a transactional read.
            for (WritePlan p : plans) units.merge(p.tableName(), 2 * Capacity.readUnits(0, true), Double::sum);
            return capacityOnly(capacityMode, Capacity.Kind.READ, units);
        }
        List<TransactWrite> writes = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            WritePlan p = plans.get(i);
            writes.add(new TransactWrite(p.table(), p.key(), p.run(members.get(i).returnItemOnFailure()).change()));
        }
        List<WriteResult> results;
        try {
            results = request.emulator().items().transact(writes);
        } catch (TransactionFailure f) {
            throw TransactWriteItems.canceled(f.reasons());
        }
        for (int i = 0; i < plans.size(); i++) {
            units.merge(plans.get(i).tableName(), 2 * Capacity.writeUnits(results.get(i).largerSize()), Double::sum);
        }
        return capacityOnly(capacityMode, Capacity.Kind.WRITE, units);
    }

    private static void checkDistinct(List<TableDefinition> tables, List<PrimaryKey> keys) {
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!seen.add(List.of(tables.get(i).id(), keys.get(i)))) {
                throw TransactWriteItems.sameItemTwice();
            }
        }
    }

    private static Response capacityOnly(String capacityMode, Capacity.Kind kind, Map<String, Double> units) {
        return g -> {
            g.writeStartObject();
            Capacity.writeList(g, capacityMode, kind, units);
            g.writeEndObject();
        };
    }
}

package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.core.table.TableDefinition;
import java.util.ArrayList;
import java.util.List;

/** ListTables: names in order, at most 100 a page, continuing after ExclusiveStartTableName. */
public final class ListTables implements Operation {
    private static final int MAX_LIMIT = 100;

    @Override
    public Response handle(ApiRequest request) {
        Integer limit = request.body().integer("Limit");
        String start = request.body().string("ExclusiveStartTableName");
        new Constraints()
                .range("limit", limit == null ? null : limit.longValue(), 1, MAX_LIMIT)
                .namePattern("exclusiveStartTableName", start)
                .length("exclusiveStartTableName", start, 3, 255)
                .throwIfAny();
        int pageSize = limit == null ? MAX_LIMIT : limit;
        List<String> names = new ArrayList<>();
        boolean more = false;
        for (TableDefinition t : request.emulator().catalog().list(request.region())) {
            if (start != null && t.name().compareTo(start) <= 0) continue;
            if (names.size() == pageSize) {
                more = true;
                break;
            }
            names.add(t.name());
        }
        String lastEvaluated = more ? names.get(names.size() - 1) : null;
        return g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("TableNames");
            for (String n : names) g.writeString(n);
            g.writeEndArray();
            if (lastEvaluated != null) g.writeStringField("LastEvaluatedTableName", lastEvaluated);
            g.writeEndObject();
        };
    }
}

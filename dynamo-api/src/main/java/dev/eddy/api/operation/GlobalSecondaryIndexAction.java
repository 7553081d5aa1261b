package dev.eddy.api.operation;

import dev.eddy.api.json.Constraints;
import dev.eddy.api.json.JsonObject;
import dev.eddy.core.table.Throughput;
import java.util.List;

/**
 * One entry of UpdateTable's GlobalSecondaryIndexUpdates, as read: {@code given} counts its
 * actions, of which it should carry exactly one. {@code warmEmpty} is a WarmThroughput with
 * neither of its units; {@code onDemandGiven} the action's own object when it carries an
 * OnDemandThroughput.
 */
record GlobalSecondaryIndexAction(int given, Kind kind, String indexName, List<TableShapes.KeyElement> keySchema,
                                  String projectionType, List<String> nonKeyAttributes, Throughput throughput,
                                  JsonObject onDemandGiven, boolean warm, boolean warmEmpty) {
    static final GlobalSecondaryIndexAction NONE =
            new GlobalSecondaryIndexAction(0, null, null, null, null, null, null, null, false, false);

    enum Kind { CREATE, UPDATE, DELETE }

    boolean onDemand() {
        return onDemandGiven != null;
    }

    GlobalSecondaryIndexAction given(int count) {
        return new GlobalSecondaryIndexAction(count, kind, indexName, keySchema, projectionType, nonKeyAttributes,
                throughput, onDemandGiven, warm, warmEmpty);
    }

    /** Reads one action of an entry into field constraints; {@code p} is its member path. */
    static GlobalSecondaryIndexAction read(Kind kind, JsonObject a, String p, Constraints c) {
        String name = a.string("IndexName");
        c.name(p + ".indexName", name, true);
        List<TableShapes.KeyElement> keys = null;
        String projectionType = null;
        List<String> nonKey = null;
        if (kind == Kind.CREATE) {
            keys = TableShapes.globalIndexKeySchema(a, "KeySchema", p + ".keySchema", c);
            JsonObject projection = a.object("Projection");
            c.notNull(p + ".projection", projection);
            projectionType = projection == null ? null : projection.string("ProjectionType");
            c.oneOf(p + ".projection.projectionType", projectionType, TableShapes.PROJECTION_TYPES);
            nonKey = projection == null ? null : projection.strings("NonKeyAttributes");
        }
        Throughput throughput = kind == Kind.DELETE ? null
                : TableShapes.throughput(a, "ProvisionedThroughput", p + ".provisionedThroughput", c);
        JsonObject onDemand = null;
        if (kind != Kind.DELETE && a.object("OnDemandThroughput") != null) {
            onDemand = a;
            TableShapes.onDemandThroughput(a, null);
        }
        JsonObject warm = kind == Kind.DELETE ? null : a.object("WarmThroughput");
        boolean warmEmpty = warm != null && warm.longValue("ReadUnitsPerSecond") == null
                && warm.longValue("WriteUnitsPerSecond") == null;
        return new GlobalSecondaryIndexAction(1, kind, name, keys, projectionType, nonKey, throughput, onDemand,
                warm != null, warmEmpty);
    }
}

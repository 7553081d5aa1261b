package dev.eddy.api.operation;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.eddy.api.json.AttributeValueJson;
import dev.eddy.core.index.ItemCollections;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.storage.Store;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.PrimaryKey;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ItemCollectionMetrics for ReturnItemCollectionMetrics SIZE: for each item collection
 * written in a table with local secondary indexes, its partition key and size estimate.
 */
final class ItemCollectionMetrics {
    private final Store store;
    private final boolean wanted;
    private final Map<String, Map<AttributeValue, TableDefinition>> collections = new LinkedHashMap<>();

    ItemCollectionMetrics(Store store, boolean wanted) {
        this.store = store;
        this.wanted = wanted;
    }

    /** Counts the collection of {@code key}, listed under the table's name or ARN as the request gave it. */
    void add(String tableAsSent, TableDefinition table, PrimaryKey key) {
        if (!wanted || table.localIndexes().isEmpty()) return;
        collections.computeIfAbsent(tableAsSent, x -> new LinkedHashMap<>()).put(key.partition(), table);
    }

    /** BatchWriteItem and TransactWriteItems: a map from table name to a list of metrics. */
    void writeByTable(JsonGenerator g) throws IOException {
        if (collections.isEmpty()) return;
        g.writeObjectFieldStart("ItemCollectionMetrics");
        for (Map.Entry<String, Map<AttributeValue, TableDefinition>> e : collections.entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (Map.Entry<AttributeValue, TableDefinition> c : e.getValue().entrySet()) write(g, c.getValue(), c.getKey());
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** PutItem, UpdateItem and DeleteItem: the one collection written, if any. */
    void writeSingle(JsonGenerator g) throws IOException {
        for (Map.Entry<String, Map<AttributeValue, TableDefinition>> e : collections.entrySet()) {
            for (Map.Entry<AttributeValue, TableDefinition> c : e.getValue().entrySet()) {
                g.writeFieldName("ItemCollectionMetrics");
                write(g, c.getValue(), c.getKey());
                return;
            }
        }
    }

    private void write(JsonGenerator g, TableDefinition table, AttributeValue partition) throws IOException {
        g.writeStartObject();
        g.writeFieldName("ItemCollectionKey");
        AttributeValueJson.writeMap(g, Map.of(table.keySchema().partitionKey().name(), partition));
        g.writeArrayFieldStart("SizeEstimateRangeGB");
        for (double d : ItemCollections.sizeEstimateRangeGb(ItemCollections.sizeBytes(store, table.id(), partition))) {
            g.writeNumber(d);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}

package dev.eddy.core.read;

import dev.eddy.core.error.DynamoException;
import dev.eddy.core.error.ErrorCode;
import dev.eddy.core.expression.KeyCondition;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemCodec;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.item.Values;
import dev.eddy.core.storage.Cursor;
import dev.eddy.core.storage.Family;
import dev.eddy.core.storage.Store;
import dev.eddy.core.table.KeyAttribute;
import dev.eddy.core.table.KeySchema;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.PrimaryKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Query and Scan as iterator ranges over the stored keys. A Query reads one item collection,
 * narrowed to the sort key condition's range, so its cost follows what it returns; a Scan
 * walks the whole table (or one segment's range of partition hashes). A page stops after
 * the Limit, or once 1 MB has been read, before any filter, as DynamoDB pages.
 */
public final class Reader {
    public static final long PAGE_BYTES = 1024 * 1024;

    private final Store store;

    public Reader(Store store) {
        this.store = store;
    }

    /** One page of a Query; {@code index} null for the table. */
    public Page query(TableDefinition table, SecondaryIndex index, KeyCondition.KeyQuery keys, boolean forward,
                      Map<String, AttributeValue> exclusiveStartKey, PageRequest request) {
        ReadSource source = new ReadSource(table, index);
        KeyCondition.Term sortCondition = keys.sortKeyCondition();
        byte[] collection = source.collection(keys.partitionKeyValues(), keys.sortKeyPrefix());
        byte[] lower = collection;
        byte[] upper = ReadSource.increment(collection);
        if (sortCondition != null) {
            List<AttributeValue> v = sortCondition.values();
            switch (sortCondition.operator()) {
                case EQ -> {
                    lower = source.at(collection, v.get(0));
                    upper = source.after(collection, v.get(0));
                }
                case LT -> upper = source.at(collection, v.get(0));
                case LE -> upper = source.after(collection, v.get(0));
                case GT -> lower = source.after(collection, v.get(0));
                case GE -> lower = source.at(collection, v.get(0));
                case BETWEEN -> {
                    lower = source.at(collection, v.get(0));
                    upper = source.after(collection, v.get(1));
                }
                case BEGINS_WITH -> {
                    lower = source.prefixed(collection, v.get(0));
                    upper = ReadSource.increment(lower);
                }
            }
        }
        if (exclusiveStartKey != null) {
            byte[] start = startKey(source, exclusiveStartKey);
            KeySchema k = source.keySchema();
            boolean samePartition = sameValues(k.partitionKeys(), exclusiveStartKey, keys.partitionKeyValues());
            if (sortCondition == null) {
                if (!samePartition) throw invalidStart("The provided starting key is outside query boundaries based on provided conditions");
            } else {
                String conditioned = sortCondition.attribute();
                if (!sameValues(k.sortKeys(), exclusiveStartKey, keys.sortKeyPrefix())
                        || !sortCondition.test(exclusiveStartKey.get(conditioned))) {
                    throw invalidStart("The provided starting key does not match the range key predicate");
                }
                if (!samePartition) throw invalidStart("The query can return at most one row and cannot be restarted");
            }
            if (forward) lower = max(lower, Arrays.copyOf(start, start.length + 1));
            else upper = min(upper, start);
        }
        return read(source, lower, upper, forward, request);
    }

    /** Whether a starting key holds {@code values} in the leading attributes of {@code attributes}. */
    private static boolean sameValues(List<KeyAttribute> attributes, Map<String, AttributeValue> key,
                                      List<AttributeValue> values) {
        for (int i = 0; i < values.size(); i++) {
            if (Values.compare(key.get(attributes.get(i).name()), values.get(i)) != 0) return false;
        }
        return true;
    }

    /** One page of a Scan of segment {@code segment} of {@code totalSegments} (0 of 1 for a whole scan). */
    public Page scan(TableDefinition table, SecondaryIndex index, int segment, int totalSegments,
                     Map<String, AttributeValue> exclusiveStartKey, PageRequest request) {
        ReadSource source = new ReadSource(table, index);
        byte[] lower = segmentStart(source, segment, totalSegments);
        byte[] upper = segment == totalSegments - 1 ? source.highest() : segmentStart(source, segment + 1, totalSegments);
        if (exclusiveStartKey != null) {
            byte[] start = startKey(source, exclusiveStartKey);
            // DynamoDB refuses a start key of another segment rather than answering an empty page.
            if (Arrays.compareUnsigned(start, lower) < 0 || Arrays.compareUnsigned(start, upper) >= 0) {
                throw invalidStart("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use "
                        + "ExclusiveStartKey with correct Segment. TotalSegments: " + totalSegments + " Segment: " + segment);
            }
            lower = max(lower, Arrays.copyOf(start, start.length + 1));
        }
        return read(source, lower, upper, true, request);
    }

    /** Segments split the 32-bit partition hash that follows the id into equal ranges. */
    private static byte[] segmentStart(ReadSource source, int segment, int totalSegments) {
        long hash = (segment * (1L << 32)) / totalSegments;
        return ByteBuffer.allocate(12).put(source.lowest()).putInt((int) hash).array();
    }

    /**
     * The storage key an ExclusiveStartKey names. It must hold exactly the table's key
     * attributes and the index's, with their types.
     */
    private static byte[] startKey(ReadSource source, Map<String, AttributeValue> exclusiveStartKey) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (var a : source.table().keySchema().attributes()) names.add(a.name());
        if (source.index() != null) for (var a : source.index().keySchema().attributes()) names.add(a.name());
        if (!exclusiveStartKey.keySet().equals(names)) throw invalidStart("The provided starting key is invalid");
        byte[] key = source.keyOf(exclusiveStartKey);
        if (key == null) {
            throw invalidStart("The provided starting key is invalid: The provided key element does not match the schema");
        }
        return key;
    }

    private static DynamoException invalidStart(String message) {
        return new DynamoException(ErrorCode.VALIDATION, message);
    }

    private Page read(ReadSource source, byte[] lower, byte[] upper, boolean forward, PageRequest request) {
        List<Map<String, AttributeValue>> kept = new ArrayList<>();
        int count = 0;
        int scanned = 0;
        long bytes = 0;
        long fetched = 0;
        long fetchedBlocks = 0;
        Map<String, AttributeValue> lastEvaluatedKey = null;
        if (Arrays.compareUnsigned(lower, upper) >= 0) return new Page(kept, 0, 0, 0, 0, null, 0);
        try (Cursor c = store.cursor(source.family(), lower, upper)) {
            if (forward) c.seekToFirst();
            else c.seekToLast();
            while (c.valid()) {
                Map<String, AttributeValue> entry = ItemCodec.decode(c.value());
                scanned++;
                bytes += ItemSize.of(entry);
                Map<String, AttributeValue> item = entry;
                if (request.fetchFromTable()) {
                    item = fetch(source.table(), entry);
                    if (item != null) {
                        long size = ItemSize.of(item);
                        fetched += size;
                        fetchedBlocks += Math.max(1, (size + 4095) / 4096);
                    }
                }
                if (item != null && request.filter().test(item)) {
                    count++;
                    if (request.keepItems()) kept.add(item);
                }
                if (forward) c.next();
                else c.prev();
                boolean full = request.limit() != null && scanned >= request.limit();
                if (full || (bytes >= PAGE_BYTES && c.valid())) {
                    lastEvaluatedKey = source.lastEvaluatedKey(entry);
                    break;
                }
            }
        }
        return new Page(kept, count, scanned, bytes, fetched, lastEvaluatedKey, fetchedBlocks);
    }

    private Map<String, AttributeValue> fetch(TableDefinition table, Map<String, AttributeValue> entry) {
        KeySchema k = table.keySchema();
        PrimaryKey key = new PrimaryKey(entry.get(k.partitionKey().name()),
                k.hasSortKey() ? entry.get(k.sortKey().name()) : null);
        byte[] bytes = store.get(Family.ITEMS, key.encode(table.id()));
        return bytes == null ? null : ItemCodec.decode(bytes);
    }

    private static byte[] max(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b) >= 0 ? a : b;
    }

    private static byte[] min(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b) <= 0 ? a : b;
    }
}

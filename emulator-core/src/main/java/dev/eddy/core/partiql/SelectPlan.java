package dev.eddy.core.partiql;

import dev.eddy.core.expression.Condition;
import dev.eddy.core.expression.KeyCondition;
import dev.eddy.core.expression.Operand;
import dev.eddy.core.expression.Path;
import dev.eddy.core.item.AttributeValue;
import dev.eddy.core.item.ItemSize;
import dev.eddy.core.read.Page;
import dev.eddy.core.read.PageRequest;
import dev.eddy.core.read.Reader;
import dev.eddy.core.table.SecondaryIndex;
import dev.eddy.core.table.TableDefinition;
import dev.eddy.core.write.Items;
import dev.eddy.core.write.PrimaryKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a SELECT reads: one item by its full primary key (GetItem), one or more item collections
 * (a Query each, for an equality or IN on the partition key, or OR branches that each pin it), or
 * the whole table or index (Scan); then the WHERE as a filter and the projection.
 *
 * @param tableName  the table as the statement names it, which ConsumedCapacity repeats
 * @param projection the selected paths and the names they come back under; null for {@code *}
 * @param forward    sort key order, false for ORDER BY ... DESC
 * @param fetch      whether a local index's entries are completed from the table (a selected
 *                   attribute the index does not project)
 */
public record SelectPlan(TableDefinition table, SecondaryIndex index, String tableName, List<Selected> projection,
                         Condition filter, List<Read> reads, boolean forward, boolean fetch, boolean consistent,
                         byte[] fingerprint) {

    /** A path the statement selects, and the attribute it comes back as (its last name). */
    public record Selected(String name, Path path) {
    }

    public sealed interface Read {
    }

    public record KeyRead(PrimaryKey key) implements Read {
    }

    public record QueryRead(KeyCondition.KeyQuery keys) implements Read {
    }

    public record ScanRead() implements Read {
    }

    /**
     * The cost of one read: bytes read from the table or index, and for a local index's fetches
     * from the table the 4 KB blocks of the items fetched, each item rounded up on its own.
     */
    public record Cost(long bytes, long fetchedBlocks) {
    }

    /** One page: the items, what each read cost, and where the next page starts (null when done). */
    public record Result(List<Map<String, AttributeValue>> items, List<Cost> costs, String nextToken) {
    }

    /** Whether it reads a single item by its key, with no further condition: all a batch or transaction may. */
    public boolean isKeyReadOnly() {
        return reads.size() == 1 && reads.get(0) instanceof KeyRead && index == null && filter instanceof Condition.True;
    }

    public PrimaryKey key() {
        return ((KeyRead) reads.get(0)).key();
    }

    /** The item as the statement selects it: whole, or each selected path's value under its name. */
    public Map<String, AttributeValue> shape(Map<String, AttributeValue> item) {
        if (projection == null) return item;
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Selected s : projection) {
            AttributeValue v = new Operand.PathOperand(s.path()).evaluate(item);
            if (v != null) out.put(s.name(), v);
        }
        return out;
    }

    /**
     * Runs one page: at most {@code limit} items evaluated (null for no limit; each read also stops
     * at 1 MB), starting where {@code nextToken} says.
     */
    public Result page(Items items, Integer limit, String nextToken) {
        NextToken start = nextToken == null ? null : NextToken.decode(nextToken, fingerprint);
        int first = start == null ? 0 : start.read();
        Map<String, AttributeValue> startKey = start == null ? null : start.startKey();
        if (first >= reads.size()) throw Messages.invalidNextToken();
        Reader reader = new Reader(items.store());
        List<Map<String, AttributeValue>> kept = new ArrayList<>();
        List<Cost> costs = new ArrayList<>();
        Integer remaining = limit;
        for (int i = first; i < reads.size(); i++) {
            Read read = reads.get(i);
            if (read instanceof KeyRead k) {
                Map<String, AttributeValue> item = items.get(table, k.key());
                costs.add(new Cost(item == null ? 0 : ItemSize.of(item), 0));
                if (item != null && filter.test(item)) kept.add(shape(item));
                continue;
            }
            PageRequest request = new PageRequest(remaining, filter::test, true, fetch);
            Page page = read instanceof QueryRead q
                    ? reader.query(table, index, q.keys(), forward, startKey, request)
                    : reader.scan(table, index, 0, 1, startKey, request);
            startKey = null;
            for (Map<String, AttributeValue> item : page.items()) kept.add(shape(item));
            costs.add(new Cost(page.bytesRead(), page.fetchedBlocks()));
            if (page.lastEvaluatedKey() != null) {
                return new Result(kept, costs, new NextToken(i, page.lastEvaluatedKey()).encode(fingerprint));
            }
            if (remaining != null) {
                remaining -= page.scannedCount();
                if (remaining <= 0 && i + 1 < reads.size()) {
                    return new Result(kept, costs, new NextToken(i + 1, null).encode(fingerprint));
                }
            }
        }
        return new Result(kept, costs, null);
    }
}
